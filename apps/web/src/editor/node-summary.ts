import type { NodeSummaryRule, NodeTypeDescription as NodeTypeDef } from '@bm/contract';
import type { JsonSchema } from './schema-form/json-schema';
import { humanizeOption } from './schema-form/schema-fields';
import type { BotNodeData } from './store/flow-types';

const oneLine = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

type SummaryType = Pick<NodeTypeDef, 'display' | 'secretParams' | 'paramsSchema'>;

/** A param's value as the card shows it: text as is, enum choices as the form names them, else JSON. */
function shown(def: SummaryType | undefined, key: string, value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  const prop = ((def?.paramsSchema.properties ?? {}) as Record<string, JsonSchema>)[key];
  return Array.isArray(prop?.enum) ? humanizeOption(value) : value;
}

/** `{param}` / `{param|fallback}` filled in; undefined when a param without fallback is empty. */
function fill(format: string, params: Record<string, unknown>, def: SummaryType | undefined): string | undefined {
  let missing = false;
  const text = format.replace(/\{(\w+)(?:\|([^}]*))?\}/g, (_, key: string, fallback: string | undefined) => {
    const value = params[key];
    if (!isEmpty(value)) return shown(def, key, value);
    if (fallback === undefined) missing = true;
    return fallback ?? '';
  });
  return missing ? undefined : text;
}

function matches(rule: NodeSummaryRule, params: Record<string, unknown>): boolean {
  if (!rule.when) return true;
  // Compared as text, so a rule can name a boolean or a number param's value ("true").
  const raw = params[rule.when.param];
  const value = raw === undefined || raw === null ? raw : String(raw);
  if (rule.when.equals !== undefined && value !== rule.when.equals) return false;
  if (rule.when.notEquals !== undefined && value === rule.when.notEquals) return false;
  return true;
}

/**
 * A one-line description of a node's key params for its card on the canvas, by the summary rules
 * its type declares (`display.summary`). Without a matching rule: its first non-empty param that is
 * not secret (the canvas is seen by every member).
 */
export function summarizeNode(data: BotNodeData, def?: SummaryType, max = 64): string {
  const params = data.params ?? {};
  const rule = def?.display.summary?.find((r) => matches(r, params));
  if (rule) {
    const parts: string[] = [];
    const head = rule.format !== undefined ? fill(rule.format, params, def) : undefined;
    if (head) parts.push(head);
    const key = rule.show?.find((k) => !isEmpty(params[k]));
    if (key) parts.push(shown(def, key, params[key]));
    return oneLine(parts.join(' — '), max);
  }
  const secret = new Set(def?.secretParams ?? []);
  const first = Object.entries(params).find(([k, v]) => !secret.has(k) && typeof v === 'string' && v.trim() !== '');
  return first ? oneLine(first[1] as string, max) : '';
}
