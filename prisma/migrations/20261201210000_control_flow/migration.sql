-- CreateEnum
CREATE TYPE "ApprovalStatus" AS ENUM ('pending', 'approved', 'rejected', 'timeout', 'cancelled');

-- AlterEnum
ALTER TYPE "NodeRunStatus" ADD VALUE 'waiting';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RunTrigger" ADD VALUE 'subbot';
ALTER TYPE "RunTrigger" ADD VALUE 'onFailure';

-- DropIndex
DROP INDEX "NodeRun_runId_nodeId_key";

-- AlterTable
ALTER TABLE "Bot" ADD COLUMN     "onFailure" JSONB,
ADD COLUMN     "webhookResponse" JSONB;

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "parentNodeId" TEXT,
ADD COLUMN     "parentRunId" TEXT;

-- AlterTable
ALTER TABLE "NodeRun" ADD COLUMN     "item" INTEGER NOT NULL DEFAULT -1,
ADD COLUMN     "ports" JSONB;

-- CreateTable
CREATE TABLE "Approval" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "item" INTEGER NOT NULL DEFAULT -1,
    "workspaceId" TEXT NOT NULL,
    "botId" TEXT NOT NULL,
    "status" "ApprovalStatus" NOT NULL DEFAULT 'pending',
    "message" TEXT NOT NULL DEFAULT '',
    "payload" JSONB,
    "decidedPayload" JSONB,
    "decidedById" TEXT,
    "decidedVia" TEXT,
    "linkTokenHash" TEXT,
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "Approval_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Approval_linkTokenHash_key" ON "Approval"("linkTokenHash");

-- CreateIndex
CREATE INDEX "Approval_workspaceId_status_createdAt_idx" ON "Approval"("workspaceId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Approval_runId_nodeId_item_key" ON "Approval"("runId", "nodeId", "item");

-- CreateIndex
CREATE UNIQUE INDEX "NodeRun_runId_nodeId_item_key" ON "NodeRun"("runId", "nodeId", "item");

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

