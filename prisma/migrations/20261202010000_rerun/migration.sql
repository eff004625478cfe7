-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "rerunOfId" TEXT;

