import { BOT_DOCUMENT_FORMAT } from '@bm/contract';
import type { SlotLike } from '../templates/slot-mapping';

/**
 * What a pasted or chosen file is, by its shape: one of our exports (`format: "bot-manager/bot"`),
 * an n8n workflow (`nodes` and `connections`, as n8n's editor and `n8n export:workflow` write it),
 * or neither. The server checks everything else; this only picks the route and the slots to ask for.
 */
export type ParsedImport =
  | { kind: 'bot'; document: Record<string, unknown>; name: string | null; slots: SlotLike[]; secretSlots: string[] }
  | { kind: 'n8n'; workflow: Record<string, unknown>; name: string | null }
  | { kind: 'invalid'; reason: 'empty' | 'json' | 'shape' | 'several' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

function slotsOf(bot: Record<string, unknown>): SlotLike[] {
  if (!Array.isArray(bot.slots)) return [];
  return bot.slots
    .filter(isObject)
    .flatMap((s) =>
      typeof s.key === 'string'
        ? [{ key: s.key, label: str(s.label) ?? s.key, provider: str(s.provider) ?? 'any', purpose: str(s.purpose) ?? undefined }]
        : [],
    );
}

export function parseImport(text: string): ParsedImport {
  if (!text.trim()) return { kind: 'invalid', reason: 'empty' };
  let value: unknown;
  try {
    // A file saved by an editor that adds a byte-order mark is still JSON.
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { kind: 'invalid', reason: 'json' };
  }
  // `n8n export:workflow --all` writes an array; one workflow in it is fine.
  if (Array.isArray(value)) {
    if (value.length !== 1) return { kind: 'invalid', reason: value.length > 1 ? 'several' : 'shape' };
    value = value[0];
  }
  if (!isObject(value)) return { kind: 'invalid', reason: 'shape' };
  if (value.format === BOT_DOCUMENT_FORMAT) {
    const bot = isObject(value.bot) ? value.bot : {};
    const secretSlots = Array.isArray(bot.secretSlots) ? bot.secretSlots.filter((s): s is string => typeof s === 'string') : [];
    return { kind: 'bot', document: value, name: str(bot.name), slots: slotsOf(bot), secretSlots };
  }
  if (Array.isArray(value.nodes) && isObject(value.connections)) return { kind: 'n8n', workflow: value, name: str(value.name) };
  return { kind: 'invalid', reason: 'shape' };
}
