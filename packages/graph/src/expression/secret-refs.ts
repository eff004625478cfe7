import { extractReferences } from './parse';

/** Names a value's templates reference as `{{ secrets.NAME }}` (strings at any depth). */
export function secretReferences(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (value.includes('secrets')) {
      try {
        for (const r of extractReferences(value)) if (r.root === 'secrets' && r.secretName) out.add(r.secretName);
      } catch {
        // A syntax error is reported by validation and by rendering, with its position.
      }
    }
  } else if (Array.isArray(value)) {
    for (const v of value) secretReferences(v, out);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) secretReferences(v, out);
  }
  return out;
}
