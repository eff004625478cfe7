import { t } from '../i18n/i18n';
import { humanizeOption } from './schema-form/schema-fields';
import type { BotNodeData } from './store/flow-types';

// The param that best says what a node does, per kind; the first non-empty one wins.
const PREFERRED_KEYS = ['prompt', 'template', 'expression', 'url', 'content', 'title', 'condition', 'path', 'to', 'channel', 'sample'];

const oneLine = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** A one-line description of a node's key params for its card on the canvas. */
export function summarizeNode(data: BotNodeData, max = 64): string {
  const params = data.params ?? {};
  const parts: string[] = [];
  if (data.type === 'transform.filter' && params.mode !== 'jsonata') {
    // "title contains AI" says more than the first string param ("condition").
    const operator = typeof params.operator === 'string' ? humanizeOption(params.operator) : t('editor:summary.contains');
    const value = typeof params.value === 'string' ? ` ${params.value}` : '';
    const field = typeof params.field === 'string' && params.field ? params.field : t('editor:summary.item');
    return oneLine(t('editor:summary.filter', { field, operator, value }), max);
  }
  if (data.type === 'llm.chat') {
    const model = typeof params.model === 'string' && params.model ? params.model : t('editor:summary.defaultModel');
    parts.push(typeof params.purpose === 'string' ? `${params.purpose} · ${model}` : model);
  }
  const key = PREFERRED_KEYS.find((k) => typeof params[k] === 'string' && (params[k] as string).trim() !== '');
  if (key) parts.push(params[key] as string);
  else {
    const firstString = Object.values(params).find((v) => typeof v === 'string' && v.trim() !== '');
    if (typeof firstString === 'string') parts.push(firstString);
    else if (params.sample !== undefined && params.sample !== null) parts.push(t('editor:summary.sample', { sample: JSON.stringify(params.sample) }));
  }
  return oneLine(parts.join(' — '), max);
}
