import { parsePath, type PathSegment } from '@bm/graph';
import { childrenAt, type FieldNode } from './field-tree';

/** What the cursor is in: the partial path typed after `{{`, and where it starts. */
export type CompletionContext = { from: number; to: number; typed: string };

/** What autocomplete can offer: the run input's fields, the upstream nodes' fields, the workspace's secret names. */
export type CompletionSources = {
  input?: FieldNode[];
  nodes: { nodeId: string; title: string; fields?: FieldNode[] }[];
  secrets: readonly string[];
};

export type Suggestion = {
  /** What the row shows. */
  label: string;
  /** The path that replaces what was typed (without braces). */
  apply: string;
  detail?: string;
  kind: 'root' | 'node' | 'field' | 'secret';
};

const PARTIAL = /^[\p{L}\p{N}_$\-.[\]]*$/u;
const MAX_SUGGESTIONS = 50;

/**
 * The expression being typed at `cursor`, when the cursor is inside an open `{{` (not yet closed
 * before the cursor) and what is typed so far is a plain path; null elsewhere (text, quoted keys).
 */
export function completionContext(text: string, cursor: number): CompletionContext | null {
  const before = text.slice(0, cursor);
  const open = before.lastIndexOf('{{');
  if (open === -1 || (open > 0 && before[open - 1] === '\\')) return null;
  if (before.indexOf('}}', open + 2) !== -1) return null;
  const inner = before.slice(open + 2);
  const typed = inner.replace(/^\s+/, '');
  if (!PARTIAL.test(typed)) return null;
  return { from: cursor - typed.length, to: cursor, typed };
}

function safePath(src: string): PathSegment[] | null {
  try {
    return parsePath(src);
  } catch {
    return null;
  }
}

/** `rest`: what follows the root as typed (`.usage`, `.items[0]`, or nothing). */
function fieldSuggestions(base: string, fields: FieldNode[] | undefined, rest: string): Suggestion[] {
  const bare = rest.replace(/^\./, '');
  const path = bare === '' ? [] : safePath(bare);
  if (!path) return [];
  const children = childrenAt(fields, path);
  if (!children) return [];
  return children.map((f) => {
    const seg = f.path[f.path.length - 1]!;
    const head = base + rest;
    return {
      label: f.label,
      apply: typeof seg === 'number' ? `${head}[${seg}]` : `${head}.${f.label}`,
      detail: f.preview ?? f.kind,
      kind: 'field' as const,
    };
  });
}

/** Suggestions for what is typed: roots, node ids, `output`, secret names or fields, best matches first. */
export function suggest(typed: string, sources: CompletionSources): Suggestion[] {
  // Split at the last separator: what comes before is complete, what follows is being typed.
  const cut = Math.max(typed.lastIndexOf('.'), typed.lastIndexOf('['));
  const head = cut === -1 ? '' : typed.slice(0, cut);
  const partial = (cut === -1 ? typed : typed.slice(cut + 1)).replace(/\]$/, '');
  let all: Suggestion[];
  if (cut === -1) {
    all = [
      // `nodes.` and `secrets.` go on to their names at once.
      { label: 'input', apply: 'input', kind: 'root' },
      { label: 'nodes', apply: 'nodes.', kind: 'root' },
      { label: 'secrets', apply: 'secrets.', kind: 'root' },
    ];
  } else if (head === 'nodes') {
    all = sources.nodes.map((n) => ({ label: n.nodeId, apply: `nodes.${n.nodeId}.output`, detail: n.title, kind: 'node' as const }));
  } else if (head === 'secrets') {
    all = sources.secrets.map((name) => ({ label: name, apply: `secrets.${name}`, kind: 'secret' as const }));
  } else if (/^nodes\.[^.[\]]+$/u.test(head)) {
    all = [{ label: 'output', apply: `${head}.output`, kind: 'field' }];
  } else if (head === 'input' || head.startsWith('input.') || head.startsWith('input[')) {
    all = fieldSuggestions('input', sources.input, head.slice('input'.length));
  } else {
    const m = /^nodes\.([^.[\]]+)\.output(.*)$/u.exec(head);
    const node = m ? sources.nodes.find((n) => n.nodeId === m[1]) : undefined;
    all = node ? fieldSuggestions(`nodes.${node.nodeId}.output`, node.fields, m![2]!) : [];
  }
  const p = partial.toLowerCase();
  const starts = all.filter((s) => s.label.toLowerCase().startsWith(p));
  const contains = p === '' ? [] : all.filter((s) => !s.label.toLowerCase().startsWith(p) && s.label.toLowerCase().includes(p));
  return [...starts, ...contains].slice(0, MAX_SUGGESTIONS);
}

/**
 * The text after accepting `s` in `ctx`, and where the cursor goes: the typed path is replaced and
 * the expression is closed with ` }}` unless it already is.
 */
export function applySuggestion(text: string, ctx: CompletionContext, s: Suggestion): { text: string; cursor: number } {
  const after = text.slice(ctx.to);
  const close = after.indexOf('}}');
  const nextOpen = after.indexOf('{{');
  const closed = close !== -1 && (nextOpen === -1 || close < nextOpen);
  // Keep what was typed after the cursor up to the closing braces only if it continues the path.
  const tail = closed ? after : ` }}${after}`;
  return { text: text.slice(0, ctx.from) + s.apply + tail, cursor: ctx.from + s.apply.length };
}
