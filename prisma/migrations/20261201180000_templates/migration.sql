-- AlterTable
ALTER TABLE "Template" DROP COLUMN "builtIn",
ADD COLUMN     "builtinKey" TEXT,
ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "currentVersion" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "definitionHash" TEXT,
ADD COLUMN     "nodesUsed" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "sampleInput" JSONB,
ADD COLUMN     "scope" TEXT NOT NULL DEFAULT 'workspace',
ADD COLUMN     "secretSlots" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "slots" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "sourceBotId" TEXT;

-- CreateTable
CREATE TABLE "TemplateVersion" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "graph" JSONB NOT NULL,
    "slots" JSONB NOT NULL,
    "secretSlots" TEXT[],
    "sampleInput" JSONB,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TemplateVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TemplateVersion_templateId_version_key" ON "TemplateVersion"("templateId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Template_builtinKey_key" ON "Template"("builtinKey");

-- CreateIndex
CREATE INDEX "Template_scope_idx" ON "Template"("scope");

-- AddForeignKey
ALTER TABLE "TemplateVersion" ADD CONSTRAINT "TemplateVersion_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template"("id") ON DELETE CASCADE ON UPDATE CASCADE;

