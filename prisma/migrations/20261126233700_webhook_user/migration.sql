-- AlterTable
ALTER TABLE "Bot" ADD COLUMN     "webhookUserId" TEXT;

