import { formatPath, type PathSegment } from '@bm/graph';
import type { JsonSchema } from '../schema-form/json-schema';

export type FieldKind = 'object' | 'list' | 'string' | 'number' | 'boolean' | 'null' | 'any';

/** One field of a node's output (or of the run input) as the data tree shows it. */
export type FieldNode = {
  /** What the row shows: `title`, `[0]`. */
  label: string;
  /** From the root (`nodes.<id>.output` or `input`). */
  path: PathSegment[];
  kind: FieldKind;
  /** The value in short, when known (sample data); absent for fields known only from the schema. */
  preview?: string;
  /** From the node type's output description. */
  description?: string;
  children?: FieldNode[];
};

/** Enough to pick from; a list's other entries have the same shape (n8n shows the first item too). */
const MAX_ITEMS = 3;
const MAX_KEYS = 100;
const MAX_DEPTH = 8;
const MAX_PREVIEW = 60;

function kindOf(value: unknown): FieldKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'object':
      return 'object';
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'any';
  }
}

/** A value in one line: strings quoted and cut, lists and objects by size. */
export function previewValue(value: unknown): string {
  if (typeof value === 'string') {
    const flat = value.replace(/\s+/g, ' ');
    return JSON.stringify(flat.length > MAX_PREVIEW ? `${flat.slice(0, MAX_PREVIEW)}…` : flat);
  }
  if (Array.isArray(value)) return `[${value.length}]`;
  if (value !== null && typeof value === 'object') return `{${Object.keys(value).length}}`;
  return String(value);
}

const labelOf = (seg: PathSegment) => (typeof seg === 'number' ? `[${seg}]` : seg);

/** The fields inside a sample value (the root itself is the node). */
export function treeFromValue(value: unknown, path: PathSegment[] = [], depth = 0): FieldNode[] | undefined {
  if (depth >= MAX_DEPTH) return undefined;
  let entries: [PathSegment, unknown][];
  if (Array.isArray(value)) entries = value.slice(0, MAX_ITEMS).map((v, i) => [i, v]);
  else if (value !== null && typeof value === 'object') entries = Object.entries(value).slice(0, MAX_KEYS);
  else return undefined;
  return entries.map(([seg, v]) => {
    const p = [...path, seg];
    const node: FieldNode = { label: labelOf(seg), path: p, kind: kindOf(v), preview: previewValue(v) };
    const children = treeFromValue(v, p, depth + 1);
    if (children) node.children = children;
    return node;
  });
}

/** Branches of `anyOf`/`oneOf` that say something (zod writes optional and nullable fields so). */
function unwrap(schema: JsonSchema): JsonSchema {
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (!branches) return schema;
  const real = branches.filter((b) => b.type !== 'null');
  return real.length === 1 ? { ...real[0], description: schema.description ?? real[0]!.description } : schema;
}

function schemaKind(schema: JsonSchema): FieldKind {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return 'object';
    case 'array':
      return 'list';
    case 'string':
    case 'boolean':
    case 'null':
      return type;
    case 'number':
    case 'integer':
      return 'number';
    default:
      return schema.properties ? 'object' : 'any';
  }
}

/** The fields a node type declares its output has (for nodes that never ran). */
export function treeFromSchema(raw: JsonSchema | undefined, path: PathSegment[] = [], depth = 0): FieldNode[] | undefined {
  if (!raw || depth >= MAX_DEPTH) return undefined;
  const schema = unwrap(raw);
  let entries: [PathSegment, JsonSchema][];
  if (schema.properties) entries = Object.entries(schema.properties as Record<string, JsonSchema>);
  else if (schema.items && !Array.isArray(schema.items)) entries = [[0, schema.items as JsonSchema]];
  else return undefined;
  return entries.map(([seg, s]) => {
    const sub = unwrap(s);
    const p = [...path, seg];
    const node: FieldNode = { label: labelOf(seg), path: p, kind: schemaKind(sub) };
    if (typeof sub.description === 'string') node.description = sub.description;
    const children = treeFromSchema(sub, p, depth + 1);
    if (children) node.children = children;
    return node;
  });
}

/** `nodes.<id>.output` or `input`: where a tree's paths start. */
export type TreeRoot = { kind: 'input' } | { kind: 'node'; nodeId: string };

export function rootPath(root: TreeRoot): string {
  return root.kind === 'input' ? 'input' : `${formatPath(['nodes', root.nodeId])}.output`;
}

/** The `{{ … }}` that reads `path` under `root`, in the syntax a person would type. */
export function referenceText(root: TreeRoot, path: readonly PathSegment[]): string {
  return `{{ ${formatPath(path, rootPath(root))} }}`;
}

/** The children at `path` (for autocomplete), or undefined when the tree does not know it. */
export function childrenAt(tree: FieldNode[] | undefined, path: readonly PathSegment[]): FieldNode[] | undefined {
  let level = tree;
  for (const seg of path) {
    const hit: FieldNode | undefined =
      level?.find((n) => n.path[n.path.length - 1] === seg) ??
      level?.find((n) => n.path[n.path.length - 1] === 0 && typeof seg === 'number');
    if (!hit) return undefined;
    level = hit.children;
  }
  return level;
}
