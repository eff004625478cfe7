-- AlterTable
ALTER TABLE "Budget" ADD COLUMN     "notify" JSONB;

