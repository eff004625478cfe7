import { formatPath, type PathSegment } from '@bm/graph';
import { parseN8nReference, type N8nReference } from './reference';
import { isN8nExpression, scanN8nTemplate } from './scan';

/** Where an n8n reference lands in our graph: the run input or an upstream node's output. */
export type Resolved = { kind: 'input'; path: PathSegment[] } | { kind: 'node'; nodeId: string; path: PathSegment[] };
export type Resolution = Resolved | { reason: string };

export interface ExpressionScope {
  resolve(ref: N8nReference): Resolution;
  /** Called once per n8n expression that could not be translated (kept as literal text). */
  problem(reason: string): void;
}

const NOT_PLAIN = 'is not a plain field path (only $json.…, $(\'Node\').item.json.… and $node["Node"].json.… are translated)';

function resolvePart(code: string, source: string, scope: ExpressionScope): Resolved | null {
  const ref = parseN8nReference(code);
  const res: Resolution = ref ? scope.resolve(ref) : { reason: NOT_PLAIN };
  if ('reason' in res) {
    scope.problem(`The expression ${source} ${res.reason}; it was kept as literal text.`);
    return null;
  }
  return res;
}

/** Our template syntax for a resolved reference: `input.a` or `nodes.<id>.output.a`. */
export function templatePath(r: Resolved): string {
  return r.kind === 'input' ? formatPath(r.path, 'input') : formatPath(r.path, `nodes.${r.nodeId}.output`);
}

/** Literal text in our templates: `{{` must be written `\{{`. */
export function escapeTemplate(text: string): string {
  return text.replace(/\{\{/g, '\\{{');
}

/**
 * An n8n parameter value as one of our template strings. Plain references become `{{ … }}`;
 * everything else stays as literal text, and each such expression is reported to `scope`.
 */
export function toTemplate(value: unknown, scope: ExpressionScope): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (!isN8nExpression(value)) return escapeTemplate(value);
  return scanN8nTemplate(value.slice(1))
    .map((p) => {
      if (p.kind === 'text') return escapeTemplate(p.text);
      const r = resolvePart(p.code, p.source, scope);
      return r ? `{{ ${templatePath(r)} }}` : escapeTemplate(p.source);
    })
    .join('');
}

/** True when the value holds an n8n expression. */
export function hasExpression(value: unknown): boolean {
  return isN8nExpression(value) && scanN8nTemplate(value.slice(1)).some((p) => p.kind === 'code');
}

const JSONATA_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A JSONata path, or null when a key cannot be written (a backtick in it). */
export function jsonataPath(root: string, path: readonly PathSegment[]): string | null {
  let out = root;
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (JSONATA_NAME.test(seg)) out += `.${seg}`;
    else if (!seg.includes('`')) out += `.\`${seg}\``;
    else return null;
  }
  return out;
}

export interface JsonataScope extends ExpressionScope {
  /** The JSONata root for a resolved reference (`$`, `$input`, `$nodes.<id>`), or why it has none. */
  root(r: Resolved): string | { reason: string };
}

/**
 * An n8n value as a JSONata expression: literals as JSON, a lone `{{ ref }}` as that path (keeping
 * its type), text with references as a string concatenation (`"Hi " & $.name`).
 */
export function toJsonata(value: unknown, scope: JsonataScope): string {
  if (!isN8nExpression(value)) return JSON.stringify(value ?? null);
  const parts = scanN8nTemplate(value.slice(1)).map((p) => {
    if (p.kind === 'text') return JSON.stringify(p.text);
    const r = resolvePart(p.code, p.source, scope);
    if (!r) return JSON.stringify(p.source);
    const root = scope.root(r);
    const path = typeof root === 'string' ? jsonataPath(root, r.path) : null;
    if (path === null) {
      const why = typeof root === 'string' ? 'has a field name with a backtick' : root.reason;
      scope.problem(`The expression ${p.source} ${why}; it was kept as literal text.`);
      return JSON.stringify(p.source);
    }
    return path;
  });
  if (parts.length === 0) return '""';
  if (parts.length === 1) return parts[0]!;
  return parts.map((p) => (p.startsWith('"') ? p : `$string(${p})`)).join(' & ');
}
