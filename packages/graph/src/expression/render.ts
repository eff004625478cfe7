import { ExpressionError } from './errors';
import { parseTemplate, type Reference } from './parse';
import { formatPath, type PathSegment } from '../paths';

/** What templates can see: the run input and the outputs of nodes that already ran. */
export interface ExpressionScope {
  input: unknown;
  nodes: Record<string, { output: unknown }>;
  /** Workspace secrets by name, decrypted in memory by the activity that runs the node; absent elsewhere. */
  secrets?: Record<string, string>;
}

const MAX_LISTED_KEYS = 10;

/** Realm-independent (values may come from a Temporal workflow sandbox). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return typeof value;
}

function entries(n: number): string {
  if (n === 0) return 'is empty (0 entries)';
  return n === 1 ? 'has 1 entry' : `has ${n} entries`;
}

function rootDisplay(ref: Reference): string {
  return ref.root === 'input' ? 'input' : formatPath(['nodes', ref.nodeId ?? '', 'output']);
}

/** The name a message uses for the value at path[0..i): the last field plus its indexes. */
function shortName(ref: Reference, i: number): string {
  let k = i - 1;
  while (k >= 0 && typeof ref.path[k] === 'number') k -= 1;
  if (k < 0) return formatPath(ref.path.slice(0, i), rootDisplay(ref));
  return formatPath(ref.path.slice(k, i));
}

function missing(ref: Reference, i: number, why: string): ExpressionError {
  const full = formatPath(ref.path.slice(0, i + 1), rootDisplay(ref));
  return new ExpressionError('reference', `${full} does not exist: ${why}`);
}

function step(ref: Reference, cur: unknown, i: number): unknown {
  const seg = ref.path[i] as PathSegment;
  const name = shortName(ref, i);
  if (Array.isArray(cur)) {
    if (seg === 'length') return cur.length;
    if (typeof seg === 'number') {
      const idx = seg < 0 ? cur.length + seg : seg;
      if (idx < 0 || idx >= cur.length) throw missing(ref, i, `${name} ${entries(cur.length)}`);
      return cur[idx];
    }
    throw missing(ref, i, `${name} is a list (${cur.length} entries), not an object; pick an entry first, ` + `e.g. ${name}[0].${seg}`);
  }
  if (typeof cur === 'string') {
    if (seg === 'length') return cur.length;
    throw missing(ref, i, `${name} is a string, not ${typeof seg === 'number' ? 'a list' : 'an object'}`);
  }
  if (cur !== null && typeof cur === 'object') {
    const key = String(seg);
    if (hasOwn(cur, key) && (cur as Record<string, unknown>)[key] !== undefined) {
      return (cur as Record<string, unknown>)[key];
    }
    if (typeof seg === 'number') throw missing(ref, i, `${name} is an object, not a list`);
    const keys = Object.keys(cur);
    const listed = keys.slice(0, MAX_LISTED_KEYS).join(', ') + (keys.length > MAX_LISTED_KEYS ? ', …' : '');
    const has = keys.length === 0 ? 'it is empty' : `it has: ${listed}`;
    throw missing(ref, i, `${name} has no field "${key}" (${has})`);
  }
  throw missing(ref, i, `${name} is ${kindOf(cur)}, not ${typeof seg === 'number' ? 'a list' : 'an object'}`);
}

/** Resolves one reference against the scope. Throws ExpressionError when anything is missing. */
function resolveReference(ref: Reference, scope: ExpressionScope): unknown {
  let cur: unknown;
  if (ref.root === 'secrets') {
    // Only the activity that runs the node puts secrets in its scope; the message never holds a value.
    const name = ref.secretName ?? '';
    const value = scope.secrets && hasOwn(scope.secrets, name) ? scope.secrets[name] : undefined;
    if (value === undefined) {
      throw new ExpressionError(
        'reference',
        `secrets.${name} does not exist: this workspace has no secret named "${name}". An admin adds it under Settings → Secrets.`,
      );
    }
    return value;
  }
  if (ref.root === 'input') {
    cur = scope.input;
    if (cur === undefined) {
      throw new ExpressionError('reference', `${formatPath(ref.path, 'input')} does not exist: this run was started without an input`);
    }
  } else {
    const id = ref.nodeId ?? '';
    const entry = hasOwn(scope.nodes, id) ? scope.nodes[id] : undefined;
    if (!entry) {
      const known = Object.keys(scope.nodes);
      const avail = known.length ? `available: ${known.join(', ')}` : 'no node outputs are available here';
      throw new ExpressionError(
        'reference',
        `${formatPath(['nodes', id])} does not exist: there is no output of a node "${id}" ` + `before this one (${avail})`,
      );
    }
    cur = entry.output;
    if (cur === undefined) {
      throw new ExpressionError('reference', `${rootDisplay(ref)} does not exist: node "${id}" produced no output`);
    }
  }
  for (let i = 0; i < ref.path.length; i += 1) cur = step(ref, cur, i);
  return cur;
}

/**
 * How a value appears inside text: strings as they are, null as nothing, objects and lists as
 * indented JSON (readable in prompts and messages).
 */
export function stringifyValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value, null, 2) ?? '';
  return String(value);
}

export interface RenderOptions {
  /** Always return a string, even when the template is a single expression. */
  asText?: boolean;
}

/**
 * Renders a template. A template that is exactly one expression (surrounding whitespace allowed)
 * yields the referenced value itself (object, number, …) unless `asText`; otherwise expressions are
 * interpolated as text (see stringifyValue).
 */
export function renderTemplate(src: string, scope: ExpressionScope, opts: RenderOptions = {}): unknown {
  const parts = parseTemplate(src);
  const exprs = parts.filter((p) => p.type === 'expr');
  if (exprs.length === 0) return parts.map((p) => (p.type === 'text' ? p.value : '')).join('');
  const resolve = (p: (typeof exprs)[number]): unknown => {
    try {
      return resolveReference(p.ref, scope);
    } catch (err) {
      if (err instanceof ExpressionError) {
        throw new ExpressionError(err.kind, err.message, { expression: p.source, position: p.start });
      }
      throw err;
    }
  };
  const single = exprs.length === 1 && parts.every((p) => p.type === 'expr' || p.value.trim() === '');
  if (single && !opts.asText) return resolve(exprs[0]!);
  // Interpolating large outputs many times must not exhaust memory: each distinct reference is
  // stringified once, and the total is capped before anything is built.
  const texts = new Map<string, string>();
  let total = 0;
  const out: string[] = [];
  for (const p of parts) {
    let text: string;
    if (p.type === 'text') text = p.value;
    else {
      text = texts.get(p.source) ?? stringifyValue(resolve(p));
      texts.set(p.source, text);
    }
    total += text.length;
    if (total > MAX_RENDERED_CHARS) {
      throw new ExpressionError(
        'reference',
        `The text would be larger than ${MAX_RENDERED_CHARS / 1_000_000} million characters after filling in {{ }} references. Reference a smaller part of the output (e.g. nodes.x.output.items[0].title) or fewer times.`,
        { expression: p.type === 'expr' ? p.source : undefined },
      );
    }
    out.push(text);
  }
  return out.join('');
}

/** The largest text a template may render to (characters). */
const MAX_RENDERED_CHARS = 5_000_000;

export interface RenderParamsOptions {
  /** Params (by path) whose single-expression templates must still become text. */
  asText?(path: readonly PathSegment[]): boolean;
  /** Params (by path) that are not templates and are copied untouched. */
  skip?(path: readonly PathSegment[]): boolean;
}

/**
 * Deep-renders every string inside params (objects and arrays are copied; keys are not rendered).
 * Errors say which param failed: `Parameter "headers.Authorization": …`.
 */
export function renderParams<T>(params: T, scope: ExpressionScope, opts: RenderParamsOptions = {}): T {
  const walk = (value: unknown, path: PathSegment[]): unknown => {
    if (opts.skip?.(path)) return value;
    if (typeof value === 'string') {
      try {
        return renderTemplate(value, scope, { asText: opts.asText?.(path) ?? false });
      } catch (err) {
        if (err instanceof ExpressionError) {
          const paramPath = formatPath(path);
          throw new ExpressionError(err.kind, `Parameter "${paramPath}": ${err.message}`, {
            position: err.position,
            expression: err.expression,
            paramPath,
          });
        }
        throw err;
      }
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, i]));
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = walk(v, [...path, k]);
      return out;
    }
    return value;
  };
  return walk(params, []) as T;
}
