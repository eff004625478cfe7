import type { Bot } from '@bm/db';
import { storedGraph } from './graph';

/** A bot as the API answers it (contract `Bot`): secret params masked, the webhook URL never. */
export const botOut = (b: Bot) => ({
  id: b.id,
  workspaceId: b.workspaceId,
  name: b.name,
  description: b.description,
  graph: storedGraph(b.graph),
  version: b.currentVersion,
  llmConnectionId: b.llmConnectionId,
  llmModelOverride: b.llmModelOverride || null,
  // Stored hashed: the URL is in the answer of POST /api/bots/:id/webhook, once.
  webhookUrl: null,
  webhookEnabled: b.webhookToken !== null,
  createdAt: b.createdAt,
  updatedAt: b.updatedAt,
});
