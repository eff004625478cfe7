import type { NodeTypeDescription } from './describe';

/**
 * The texts people read in a node type's description — title, description, docs, port labels,
 * every `title`/`description` inside its params and output JSON Schemas, the primary output's
 * label, the canvas summary formats — each under a stable catalogue key: `<id>.v<version>.<path>` (e.g. `llm.chat.v1.title`,
 * `llm.chat.v1.paramsSchema.properties.prompt.description`). The definitions stay the single
 * source of the English; the `nodes` message catalogue (@bm/i18n) holds it under these keys
 * with its translations, and the API swaps them in per language (withNodeTexts).
 */
type Texts = Map<string, string>;
const TEXT_FIELDS = new Set(['title', 'description']);

function schemaTexts(schema: unknown, path: string, out: Texts): void {
  if (Array.isArray(schema)) return schema.forEach((s, i) => schemaTexts(s, `${path}.${i}`, out));
  if (!schema || typeof schema !== 'object') return;
  for (const [k, v] of Object.entries(schema)) {
    if (TEXT_FIELDS.has(k) && typeof v === 'string') out.set(`${path}.${k}`, v);
    // `properties.title` is a param named "title", not a text: only string values are texts.
    else if (typeof v === 'object') schemaTexts(v, `${path}.${k}`, out);
  }
}

/** Every text of one node type, keyed by its path inside the description (without the type prefix). */
export function nodeTextPaths(d: NodeTypeDescription): Texts {
  const out: Texts = new Map([
    ['title', d.title],
    ['description', d.description],
    ['docs', d.docs],
    ['output.description', d.output.description],
  ]);
  if (d.output.primaryLabel) out.set('output.primaryLabel', d.output.primaryLabel);
  for (const side of ['inputs', 'outputs'] as const) for (const p of d[side]) if (p.label) out.set(`${side}.${p.name}.label`, p.label);
  // Canvas summaries: a format is text with `{param|fallback}` placeholders; a translation keeps
  // the placeholders' param names (node-texts.test.ts checks) and may reword the rest and the fallbacks.
  d.display.summary?.forEach((rule, i) => {
    if (rule.format !== undefined) out.set(`display.summary.${i}.format`, rule.format);
  });
  schemaTexts(d.paramsSchema, 'paramsSchema', out);
  schemaTexts(d.output.schema, 'output.schema', out);
  return out;
}

/** The catalogue key prefix of a node type version. */
export const nodeTextPrefix = (d: { id: string; version: number }) => `${d.id}.v${d.version}`;

/**
 * A copy of the description with every text replaced by `translate(key)`; a text it does not know
 * (undefined) stays as written. Facts (ids, types, schemas' structure) are untouched.
 */
export function withNodeTexts(
  d: NodeTypeDescription,
  translate: (key: string, english: string) => string | undefined,
): NodeTypeDescription {
  const copy = structuredClone(d);
  const prefix = nodeTextPrefix(d);
  for (const [path, english] of nodeTextPaths(d)) {
    const text = translate(`${prefix}.${path}`, english);
    if (text !== undefined) setAt(copy, path, text);
  }
  return copy;
}

function setAt(d: NodeTypeDescription, path: string, value: string): void {
  const parts = path.split('.');
  // Port labels are addressed by port name, not by index.
  if (parts[0] === 'inputs' || parts[0] === 'outputs') {
    const port = d[parts[0]].find((p) => p.name === parts[1]);
    if (port) port.label = value;
    return;
  }
  let node: Record<string, unknown> = d as unknown as Record<string, unknown>;
  for (const p of parts.slice(0, -1)) node = node[p] as Record<string, unknown>;
  node[parts.at(-1)!] = value;
}
