-- AlterTable
ALTER TABLE "user_llm_connections" ADD COLUMN     "prices" JSONB;

-- AlterTable
ALTER TABLE "NodeRun" ADD COLUMN     "connectionId" TEXT,
ADD COLUMN     "costUsd" DOUBLE PRECISION,
ADD COLUMN     "price" JSONB;

