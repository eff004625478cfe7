import { isN8nExpression } from '../expression/scan';
import { asString, list, obj, type BuildContext, type Mapper } from '../plan';
import type { N8nNode } from '../workflow';

type FieldType = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'any';

interface Field {
  name: string;
  value: unknown;
  type: FieldType;
}

interface SetSpec {
  fields: Field[];
  /** Keep the input item's other fields (n8n: include all / not "keep only set"). */
  keepInput: boolean;
  dotNotation: boolean;
  /** raw mode: the JSON text n8n outputs. */
  raw?: unknown;
}

/** Set v1/v2 (`values.string[]`…), v3.0–3.2 (`fields.values[]`) and v3.3+ (`assignments.assignments[]`). */
function readSet(node: N8nNode, report: (reason: string, param?: string) => void): SetSpec {
  const p = node.parameters;
  const options = obj(p.options);
  const dotNotation = options.dotNotation !== false;
  const v = node.typeVersion;
  if (v < 3) {
    const values = obj(p.values);
    const fields: Field[] = [];
    for (const type of ['string', 'number', 'boolean'] as const) {
      for (const f of list(values[type])) fields.push({ name: asString(f.name) ?? 'propertyName', value: f.value, type });
    }
    return { fields, keepInput: p.keepOnlySet !== true, dotNotation };
  }
  if (asString(p.mode) === 'raw') return { fields: [], keepInput: false, dotNotation, raw: p.jsonOutput ?? '{}' };
  let include: string;
  let fields: Field[];
  if (v < 3.3) {
    include = asString(p.include) ?? 'all';
    fields = list(obj(p.fields).values).map((f) => {
      const kind = (asString(f.type) ?? 'stringValue').replace(/Value$/, '') as FieldType;
      return { name: asString(f.name) ?? '', value: f[`${kind}Value`] ?? (kind === 'boolean' ? 'true' : ''), type: kind };
    });
  } else {
    include = p.includeOtherFields === true ? (asString(p.include) ?? 'all') : 'none';
    fields = list(obj(p.assignments).assignments).map((a) => ({
      name: asString(a.name) ?? '',
      value: a.value,
      type: (asString(a.type) ?? 'string') as FieldType,
    }));
  }
  if (include === 'selected' || include === 'except') {
    report(
      `Including only ${include === 'selected' ? 'selected' : 'all but some'} input fields is not translated; all input fields are kept.`,
      'include',
    );
  }
  return { fields: fields.filter((f) => f.name !== ''), keepInput: include !== 'none', dotNotation };
}

/** A literal of the field's type as JSONata, or an expression converted with $number/$boolean/$string. */
function fieldValue(b: BuildContext, f: Field): string {
  const param = `fields.${f.name}`;
  if (isN8nExpression(f.value)) {
    const expr = b.jsonata(f.value, param);
    // An expression kept as text (reported) is not converted: $number("{{ … }}") would fail the run.
    if (expr.startsWith('"')) return expr;
    if (f.type === 'number') return `$number(${expr})`;
    if (f.type === 'boolean') return `$boolean(${expr})`;
    return expr;
  }
  if (f.type === 'number') {
    const n = Number(f.value);
    return Number.isFinite(n) ? String(n) : JSON.stringify(f.value);
  }
  if (f.type === 'boolean') return String(f.value === true || f.value === 'true');
  if ((f.type === 'array' || f.type === 'object') && typeof f.value === 'string') {
    try {
      return JSON.stringify(JSON.parse(f.value));
    } catch {
      b.report(`The ${f.type} value of "${f.name}" is not JSON; it was kept as text.`, param);
    }
  }
  return JSON.stringify(f.value ?? null);
}

type Tree = Map<string, Tree | string>;

/** `{ "a": { "b": … } }` for the dotted name `a.b` (n8n's dot notation). */
function objectExpression(tree: Tree): string {
  const entries = [...tree.entries()].map(([k, v]) => `${JSON.stringify(k)}: ${typeof v === 'string' ? v : objectExpression(v)}`);
  return `{${entries.join(', ')}}`;
}

export const setNode: Mapper = (node, ctx) => {
  const spec = readSet(node, ctx.report);
  if (spec.raw !== undefined) {
    // Raw JSON: without expressions it is a JSONata literal; with them, a template renders the same text.
    const literal = typeof spec.raw === 'string' && !spec.raw.startsWith('=') ? tryJson(spec.raw) : undefined;
    if (literal === undefined) {
      ctx.report(
        'The raw JSON output holds expressions: it became a text template, so later nodes receive text, not JSON fields.',
        'jsonOutput',
      );
      return {
        kind: 'node',
        type: 'transform.template',
        version: 1,
        output: () => ({ reason: 'reads a field of a raw JSON Set node, which became a text template' }),
        build: (b) => ({ template: b.text(spec.raw, 'jsonOutput') || ' ' }),
      };
    }
    return {
      kind: 'node',
      type: 'transform.jsonata',
      version: 1,
      output: (path, self) => ({ kind: 'node', nodeId: self, path }),
      build: () => ({ expression: JSON.stringify(literal) }),
    };
  }
  return {
    kind: 'node',
    type: 'transform.jsonata',
    version: 1,
    output: (path, self) => ({ kind: 'node', nodeId: self, path }),
    build(b) {
      const tree: Tree = new Map();
      for (const f of spec.fields) {
        const keys = spec.dotNotation ? f.name.split('.') : [f.name];
        let at = tree;
        for (const k of keys.slice(0, -1)) {
          const next = at.get(k);
          if (next instanceof Map) at = next;
          else {
            const t: Tree = new Map();
            at.set(k, t);
            at = t;
          }
        }
        at.set(keys[keys.length - 1]!, fieldValue(b, f));
      }
      const object = objectExpression(tree);
      if (!spec.keepInput) return { expression: object };
      const base = b.currentJsonata();
      if (!base) {
        b.report("The input item's other fields are not kept: the node's input could not be identified.", 'include');
        return { expression: object };
      }
      return { expression: `$merge([$type(${base}) = "object" ? ${base} : {}, ${object}])` };
    },
  };
};

function tryJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
