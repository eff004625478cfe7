import type { Bot } from '@bm/contract';
import { graphToFlow } from '../store/graph-convert';
import { serializeDocument } from '../store/document-slice';
import type { BotMeta } from '../store/types';

export function metaOf(bot: Bot): BotMeta {
  return {
    name: bot.name,
    description: bot.description ?? '',
    llmConnectionId: bot.llmConnectionId ?? null,
    llmModelOverride: bot.llmModelOverride ?? null,
    onFailure: bot.onFailure ?? null,
  };
}

/** The server's bot in the editor's document form, to compare with what the editor last saved. */
export function serializeBot(bot: Bot): string {
  const { nodes, edges, notes } = graphToFlow(bot.graph);
  return serializeDocument(nodes, edges, metaOf(bot), notes);
}
