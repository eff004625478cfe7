import type { BotDocument, ConnectionSlot, Unmapped } from '@bm/contract';

/**
 * The converter's answer. `BotDocument`, `ConnectionSlot` and `Unmapped` are the HTTP contract's
 * (API.md "Templates and portability"): `{ document, slots, unmapped }` is the dry-run answer of
 * `POST /api/bots/import-n8n` as it is.
 */
export type { BotDocument, ConnectionSlot, SlotProvider, Unmapped } from '@bm/contract';

/**
 * A trigger to set up on the bot after import: our graphs start at `source.manual`; schedules and
 * webhooks are properties of the bot (its schedules and webhook), not nodes. Each one is also in
 * `unmapped` in words, for a reader of the dry run.
 */
export interface TriggerHint {
  /** The n8n node's name and the node it became (source.manual, or source.rss for the RSS trigger). */
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

export interface ConvertOptions {
  /**
   * n8n workflow id → the Bot Manager bot an Execute Workflow of it should run (the caller's
   * mapping, e.g. from bots imported before). Unmapped ones keep a marker and are reported.
   */
  bots?: Readonly<Record<string, string>>;
}

export interface ConversionResult {
  document: BotDocument;
  /** The same as `document.bot.slots`, for the UI's mapping step. */
  slots: ConnectionSlot[];
  unmapped: Unmapped[];
  triggers: TriggerHint[];
}
