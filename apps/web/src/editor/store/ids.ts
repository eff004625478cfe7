import { customAlphabet } from 'nanoid';

// Ids appear in expressions (`{{ nodes.<id>.output.text }}`), so they stay identifier-safe.
const suffix = customAlphabet('abcdefghijkmnpqrstuvwxyz23456789', 6);

/** `llm.chat` → `chat_x7k2pq`: readable in expressions, unique within the graph. */
export function newNodeId(type: string, taken: ReadonlySet<string> = new Set()): string {
  const base =
    (type.split('.').pop() ?? 'node')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'node';
  const prefix = /^[a-z]/.test(base) ? base : `n_${base}`;
  for (;;) {
    const id = `${prefix}_${suffix()}`;
    if (!taken.has(id)) return id;
  }
}

export function newEdgeId(): string {
  return `e_${suffix()}${suffix()}`;
}
