import { previewValue } from '../../expressions/field-tree';

export type ValueViewKind = 'table' | 'json' | 'text';

export type Table = { columns: string[]; rows: string[][]; more: number };

const MAX_ROWS = 50;
const MAX_COLUMNS = 12;

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A cell: strings as they are (long ones cut), everything else in short. */
function cell(value: unknown): string {
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  if (value === undefined) return '';
  return previewValue(value);
}

/**
 * A value as a table, as n8n's panes show items: a list of objects is one row per entry and one
 * column per field (those of the first entries), a list of plain values one column, an object one
 * row per field. Null for values a table cannot show (text, numbers).
 */
export function tableOf(value: unknown): Table | null {
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_ROWS);
    const more = value.length - shown.length;
    if (shown.length > 0 && shown.every(isRecord)) {
      const columns: string[] = [];
      for (const row of shown) for (const k of Object.keys(row)) if (!columns.includes(k) && columns.length < MAX_COLUMNS) columns.push(k);
      return { columns: ['#', ...columns], rows: shown.map((row, i) => [String(i), ...columns.map((c) => cell(row[c]))]), more };
    }
    return { columns: ['#', 'value'], rows: shown.map((v, i) => [String(i), cell(v)]), more };
  }
  if (isRecord(value)) {
    const entries = Object.entries(value);
    const shown = entries.slice(0, MAX_ROWS);
    return { columns: ['field', 'value'], rows: shown.map(([k, v]) => [k, cell(v)]), more: entries.length - shown.length };
  }
  return null;
}

/** The text a value stands for: itself when it is text, an LLM answer's `text`, else pretty JSON. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value.text === 'string') return value.text;
  if (value === null || value === undefined) return '';
  return JSON.stringify(value, null, 2) ?? '';
}

/** Text for text (and LLM answers), a table for lists, JSON for other objects. */
export function defaultView(value: unknown): ValueViewKind {
  if (typeof value === 'string' || (isRecord(value) && typeof value.text === 'string')) return 'text';
  if (Array.isArray(value)) return 'table';
  if (isRecord(value)) return 'json';
  return 'text';
}

/** The views that make sense for a value (a table needs a list or an object). */
export function viewsFor(value: unknown): ValueViewKind[] {
  return tableOf(value) ? ['table', 'json', 'text'] : typeof value === 'string' ? ['text', 'json'] : ['json', 'text'];
}
