import { getAtPath } from '@bm/graph';
import { pathOf, primaryInput } from '../../shared/items';
import type { NodeContext, NodeInputs } from '../../types';
import type { Params as ParamsV1 } from './definition';
import { nodeError } from '../../messages';

/** v2 has no `field` (an expression in `source` picks the part to split). */
export type SplitParams = Omit<ParamsV1, 'field'> & { field?: string };

export interface SplitOutput {
  items: unknown[];
}

const BREAKS = ['\n\n', '\n', '. ', '! ', '? ', '; ', ', ', ' '];

/** The most chunks one text may produce (without a `limit`). */
export const MAX_CHUNKS = 100_000;

/**
 * Chunks of at most `size` characters, cut at the most natural break in their second half. Each
 * chunk starts `overlap` characters before the end of the previous one, but always at least
 * (size - overlap) / 2 characters after its start (never past its end, so no text is skipped): with
 * overlap <= size / 2 the chunk count stays proportional to text.length / size. Blank chunks are left
 * out with `skipBlank`. Stops after `limit` chunks if given; otherwise more than MAX_CHUNKS is refused.
 */
export function chunkText(text: string, size: number, overlap: number, opts: { limit?: number; skipBlank?: boolean } = {}): string[] {
  const { limit, skipBlank = false } = opts;
  const chunks: string[] = [];
  const minAdvance = Math.max(1, Math.ceil((size - overlap) / 2));
  let start = 0;
  while (start < text.length) {
    if (limit !== undefined && chunks.length >= limit) break;
    if (chunks.length >= MAX_CHUNKS) {
      const params = { max: String(MAX_CHUNKS), size: String(size), overlap: String(overlap), length: String(text.length) };
      throw nodeError('TOO_MANY_ITEMS', 'node.TOO_MANY_ITEMS', params, { retryable: false });
    }
    let end = Math.min(start + size, text.length);
    if (end < text.length) {
      const window = text.slice(start, end);
      for (const b of BREAKS) {
        const at = window.lastIndexOf(b);
        if (at >= size / 2) {
          end = start + at + b.length;
          break;
        }
      }
    }
    const chunk = text.slice(start, end);
    if (!skipBlank || chunk.trim() !== '') chunks.push(chunk);
    if (end >= text.length) break;
    start = Math.min(end, Math.max(end - overlap, start + minAdvance));
  }
  return chunks;
}

function pickSource(params: SplitParams, inputs: NodeInputs): unknown {
  let value = params.source === undefined || params.source === '' ? primaryInput(inputs) : params.source;
  if (params.field?.trim()) {
    value = getAtPath(value, pathOf(params.field, 'field'));
    if (value === undefined) throw nodeError('INVALID_INPUT', 'node.INVALID_INPUT.noField', { field: params.field });
    return value;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as { items?: unknown; text?: unknown };
    if (Array.isArray(o.items)) return o.items;
    if (typeof o.text === 'string') return o.text;
  }
  return value;
}

export async function run(params: SplitParams, inputs: NodeInputs, _ctx: NodeContext): Promise<SplitOutput> {
  const value = pickSource(params, inputs);
  let items: unknown[];
  if (Array.isArray(value)) {
    items = value;
  } else if (typeof value === 'string') {
    const text = value.replace(/\r\n?/g, '\n');
    let pieces: string[];
    switch (params.mode) {
      case 'lines':
        pieces = text.split('\n');
        break;
      case 'paragraphs':
        pieces = text.split(/\n[ \t]*\n+/);
        break;
      case 'delimiter':
        pieces = text.split(params.delimiter);
        break;
      case 'chunks':
        pieces = chunkText(text, params.chunkSize, params.chunkOverlap, { limit: params.limit, skipBlank: params.skipEmpty });
        break;
    }
    if (params.trim) pieces = pieces.map((p) => p.trim());
    items = params.skipEmpty ? pieces.filter((p) => p.trim() !== '') : pieces;
  } else {
    const kind = value === null ? 'null' : value === undefined ? 'nothing' : typeof value;
    throw nodeError('INVALID_INPUT', 'node.INVALID_INPUT.split', { got: kind, hasField: 'field' in params ? 'yes' : 'no' });
  }
  return { items: params.limit ? items.slice(0, params.limit) : items };
}
