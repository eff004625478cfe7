-- The cost ledger's reads (usage roll-ups, a budget's spend in its period) range over the node runs
-- that called an LLM by finish time. A partial index holds only those rows, so nodes that make no
-- LLM call (most of them) add nothing to the write path. Prisma's schema cannot express a partial
-- index; this migration is its only definition.
CREATE INDEX "NodeRun_ledger_finishedAt_idx" ON "NodeRun" ("finishedAt") WHERE "costUsd" IS NOT NULL OR "inputTokens" IS NOT NULL;
