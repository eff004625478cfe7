import type { Graph } from '@bm/graph';

/**
 * The converter's answer, in the shapes of API.md "Templates and portability". The zod schemas
 * (`BotDocument`, `ConnectionSlot`, `Unmapped`) live in @bm/contract (templates.ts); these are the
 * same shapes as plain types so this package stays free of the HTTP contract.
 */
export type SlotProvider = 'openai' | 'anthropic' | 'google' | 'local' | 'other' | 'any';

/** One LLM connection the bot needs: one per distinct n8n credential used by an LLM node. */
export interface ConnectionSlot {
  key: string;
  label: string;
  provider: SlotProvider;
  purpose?: string;
  /** The llm.chat nodes whose `llmConnectionId` the bound connection fills. */
  nodes: string[];
  botDefault: boolean;
}

/** Something of the n8n workflow without a counterpart here, and why. `node` is the n8n node's name. */
export interface Unmapped {
  node: string;
  reason: string;
  param?: string;
}

/**
 * A trigger to set up on the bot after import: our graphs start at `source.manual`; schedules and
 * webhooks are properties of the bot (its schedules and webhook), not nodes.
 */
export interface TriggerHint {
  /** The n8n node's name and the source.manual node it became. */
  node: string;
  nodeId: string;
  kind: 'schedule' | 'webhook' | 'chat' | 'other';
  /** schedule: a 5-field cron expression, when the n8n rule has one. */
  cron?: string;
  timezone?: string;
  /** webhook: the n8n method and path (ours is the bot's own webhook URL). */
  method?: string;
  path?: string;
}

export interface BotDocument {
  format: 'bot-manager/bot';
  version: 1;
  bot: {
    name: string;
    description: string;
    graph: Graph;
    slots: ConnectionSlot[];
    secretSlots: string[];
  };
}

export interface ConversionResult {
  document: BotDocument;
  /** The same as `document.bot.slots`, for the UI's mapping step. */
  slots: ConnectionSlot[];
  unmapped: Unmapped[];
  triggers: TriggerHint[];
}
