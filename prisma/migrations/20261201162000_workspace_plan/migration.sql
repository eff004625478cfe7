-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "planId" TEXT;
