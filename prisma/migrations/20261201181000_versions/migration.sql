-- AlterTable
ALTER TABLE "BotVersion" ADD COLUMN     "name" TEXT,
ADD COLUMN     "restoredFrom" INTEGER;

