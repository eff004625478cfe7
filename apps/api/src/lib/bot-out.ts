import type { OnFailure } from '@bm/contract';
import type { Bot } from '@bm/db';
import { storedGraph } from './graph';
import { webhookResponseOf } from './webhook-answer';

/** A bot as every answer shows it (contract `Bot`): secret params masked, no webhook URL. */
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
  onFailure: (b.onFailure ?? null) as OnFailure | null,
  webhookResponse: webhookResponseOf(b.webhookResponse),
  createdAt: b.createdAt,
  updatedAt: b.updatedAt,
});
