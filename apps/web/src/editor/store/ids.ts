import { customAlphabet } from 'nanoid';

const suffix = customAlphabet('abcdefghijkmnpqrstuvwxyz23456789', 6);

/** Longest id the editor derives (the API allows 128; references stay readable well below). */
const MAX_DERIVED = 40;

/** What a node id may contain so that `{{ nodes.<id>.output }}` needs no brackets (letters of any script). */
const ID_CHARS = /^[\p{L}\p{N}_-]+$/u;

/**
 * Ids appear in expressions (`{{ nodes.<id>.output.text }}`), so they are derived from what a person
 * calls the node: "Summarise" → `summarise`, a second one → `summarise_2`; "요약" stays `요약`.
 * `fallback` (the type id) is used when the title has nothing usable.
 */
export function deriveNodeId(title: string, taken: ReadonlySet<string> = new Set(), fallback = 'node'): string {
  const slug = (s: string) =>
    s
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, MAX_DERIVED)
      .replace(/_+$/, '');
  let base = slug(title) || slug(fallback.split('.').pop() ?? '') || 'node';
  // A leading digit would read as an index after the dot (`nodes.2x` is fine, `nodes.2` is not).
  if (/^\p{N}/u.test(base)) base = `n_${base}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const id = `${base}_${n}`;
    if (!taken.has(id)) return id;
  }
}

export type IdCheck = { ok: true } | { ok: false; reason: 'empty' | 'chars' | 'taken' | 'long' };

/** Whether `id` can become a node's new id: identifier-safe, at most 128 characters, not used by another node. */
export function checkNodeId(id: string, taken: ReadonlySet<string>): IdCheck {
  if (id === '') return { ok: false, reason: 'empty' };
  if (id.length > 128) return { ok: false, reason: 'long' };
  if (!ID_CHARS.test(id) || /^\p{N}+$/u.test(id)) return { ok: false, reason: 'chars' };
  if (taken.has(id)) return { ok: false, reason: 'taken' };
  return { ok: true };
}

export function newEdgeId(): string {
  return `e_${suffix()}${suffix()}`;
}
