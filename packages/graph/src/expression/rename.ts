import { ExpressionError } from './errors';
import { tokenize } from './parse';
import { formatPath, type PathSegment } from '../paths';

/**
 * Rewrites every `{{ nodes.<from>.output… }}` reference in a template to point at `to`, touching
 * only the id itself: spacing, quoting and the rest of each expression stay as the user wrote them.
 * Each `{{ … }}` is read on its own, so one expression that does not parse yet (a draft) leaves the
 * others renamable; it is itself left alone.
 */
export function renameNodeReferences(src: string, from: string, to: string): string {
  if (from === to || !src.includes('{{') || !src.includes(from)) return src;
  const edits: { start: number; end: number; text: string }[] = [];
  let at = src.indexOf('{{');
  while (at !== -1) {
    if (at > 0 && src[at - 1] === '\\') {
      at = src.indexOf('{{', at + 2);
      continue;
    }
    let next = at + 2;
    try {
      const tokens = tokenize(src, at + 2, at);
      next = tokens[tokens.length - 1]!.pos + 2;
      const [root, sep, id] = tokens;
      if (root?.t === 'word' && root.value === 'nodes' && id && (id.t === 'word' || id.t === 'string') && id.value === from) {
        const idEnd = id.t === 'string' ? id.end : id.pos + id.value.length;
        if (sep?.t === 'dot') {
          // `nodes.a` → `nodes.b`, or `nodes["b c"]` when the new id cannot follow a dot.
          const shown = formatPath([to]);
          if (shown.startsWith('[')) edits.push({ start: sep.pos, end: idEnd, text: shown });
          else edits.push({ start: id.pos, end: idEnd, text: to });
        } else if (sep?.t === 'lbrack') {
          edits.push({ start: id.pos, end: idEnd, text: JSON.stringify(to) });
        }
      }
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
    }
    at = src.indexOf('{{', next);
  }
  if (edits.length === 0) return src;
  let out = '';
  let last = 0;
  for (const e of edits) {
    out += src.slice(last, e.start) + e.text;
    last = e.end;
  }
  return out + src.slice(last);
}

/**
 * The same rename through every string of a node's params (any depth). Returns `params` itself when
 * nothing referenced `from`, so callers can tell whether the node changed. `skip` names params that
 * are not templates (their text is kept as written).
 */
export function renameNodeInParams<T>(params: T, from: string, to: string, skip?: (path: readonly PathSegment[]) => boolean): T {
  const walk = (value: unknown, path: PathSegment[]): unknown => {
    if (skip?.(path)) return value;
    if (typeof value === 'string') return renameNodeReferences(value, from, to);
    if (Array.isArray(value)) {
      let changed = false;
      const out = value.map((v, i) => {
        const r = walk(v, [...path, i]);
        if (r !== v) changed = true;
        return r;
      });
      return changed ? out : value;
    }
    if (value !== null && typeof value === 'object') {
      let changed = false;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const r = walk(v, [...path, k]);
        if (r !== v) changed = true;
        out[k] = r;
      }
      return changed ? out : value;
    }
    return value;
  };
  return walk(params, []) as T;
}
