-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "eventSeq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "onlyStartAt" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reuses" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "startAt" TEXT;

-- AlterTable
ALTER TABLE "NodeRun" ADD COLUMN     "reusedFrom" JSONB;

-- CreateTable
CREATE TABLE "BotPin" (
    "botId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "output" JSONB NOT NULL,
    "createdById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BotPin_pkey" PRIMARY KEY ("botId","nodeId")
);

-- CreateTable
CREATE TABLE "RunEvent" (
    "runId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RunEvent_pkey" PRIMARY KEY ("runId","seq")
);

-- AddForeignKey
ALTER TABLE "BotPin" ADD CONSTRAINT "BotPin_botId_fkey" FOREIGN KEY ("botId") REFERENCES "Bot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunEvent" ADD CONSTRAINT "RunEvent_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

