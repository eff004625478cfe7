-- AlterTable
ALTER TABLE "NodeRun" ADD COLUMN     "warnings" JSONB;

