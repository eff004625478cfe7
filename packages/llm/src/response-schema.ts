import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** A JSON Schema the answer must match, and the name providers show the model (a tool or format name). */
export interface ResponseSchema {
  name: string;
  schema: Record<string, unknown>;
}

// strict: false — people paste schemas with keywords Ajv does not know (`propertyOrdering`,
// `examples` in odd places); they must not make a usable schema fail. Formats are checked.
const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);

// Compiling is the expensive part and a node sends the same schema on every run.
const compiled = new Map<string, ValidateFunction>();
const MAX_CACHED = 200;

/**
 * Whatever draft the schema says it is, it is read by 2020-12 rules (the keywords people use are
 * the same); providers get it without the marker too (it means nothing to them, and some refuse
 * keywords they do not know).
 */
export function withoutDialect(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function compile(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  let fn = compiled.get(key);
  if (!fn) {
    fn = ajv.compile(withoutDialect(schema));
    if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, fn);
  }
  return fn;
}

/**
 * Why this value cannot be an answer schema, or undefined when it can: a valid JSON Schema whose
 * root describes an object (every provider's structured output needs an object at the root).
 * `message` reads on from "the schema" ("must be a JSON Schema of an object…"); `invalid` is the validator's
 * reason when the schema itself is broken (else the root is not an object schema).
 */
export interface SchemaProblem {
  message: string;
  invalid?: string;
}

export function checkResponseSchema(schema: unknown): SchemaProblem | undefined {
  const notObject = { message: 'must be a JSON Schema of an object ("type": "object" at the top level)' };
  if (!isRecord(schema) || schema.type !== 'object') return notObject;
  try {
    compile(schema);
  } catch (err) {
    const invalid = (err as Error).message.replace(/^schema is invalid: /, '').slice(0, 300);
    return { message: `is not a valid JSON Schema: ${invalid}`, invalid };
  }
  return undefined;
}

/** `/items/0/name`; the answer itself is `/`. A missing property is named by its own path. */
function pathOf(e: ErrorObject): string {
  const missing = e.keyword === 'required' ? (e.params as { missingProperty?: string }).missingProperty : undefined;
  const extra = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty?: string }).additionalProperty : undefined;
  const leaf = missing ?? extra;
  const path = leaf !== undefined ? `${e.instancePath}/${leaf}` : e.instancePath;
  return path === '' ? '/' : path;
}

function describe(e: ErrorObject): string {
  if (e.keyword === 'required') return `${pathOf(e)} is required`;
  if (e.keyword === 'additionalProperties') return `${pathOf(e)} is not allowed`;
  return `${pathOf(e)} ${e.message ?? 'is invalid'}`;
}

export type SchemaCheck = { ok: true } | { ok: false; path: string; errors: string };

/** Validates an answer against the schema: the first failing path, and every problem (capped) in one line. */
export function validateAgainstSchema(schema: Record<string, unknown>, value: unknown): SchemaCheck {
  const validate = compile(schema);
  if (validate(value)) return { ok: true };
  const errors = validate.errors ?? [];
  const lines = [...new Set(errors.map(describe))];
  const shown = lines.slice(0, 8).join('; ') + (lines.length > 8 ? `; and ${lines.length - 8} more` : '');
  return { ok: false, path: errors[0] ? pathOf(errors[0]) : '/', errors: shown || 'the answer does not match' };
}

// The keywords OpenAI's strict structured outputs accept; anything else needs strict: false.
const STRICT_KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'anyOf',
  'description',
  'title',
  '$defs',
  'definitions',
  '$ref',
  '$schema',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
]);

const STRICT_FORMATS = new Set(['date-time', 'time', 'date', 'duration', 'email', 'hostname', 'ipv4', 'ipv6', 'uuid']);

/**
 * Whether OpenAI may enforce the schema strictly: every object closes its properties
 * (`additionalProperties: false`) and requires all of them, and only supported keywords appear.
 * An optional field is not strict-compatible (OpenAI would demand it), so such schemas go strict: false.
 */
export function isStrictCompatible(schema: unknown, depth = 0): boolean {
  if (depth > 20) return false;
  if (Array.isArray(schema)) return schema.every((s) => isStrictCompatible(s, depth + 1));
  if (!isRecord(schema)) return typeof schema === 'boolean' ? false : true;
  for (const key of Object.keys(schema)) if (!STRICT_KEYWORDS.has(key)) return false;
  if (schema.format !== undefined && !STRICT_FORMATS.has(String(schema.format))) return false;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('object') || schema.properties !== undefined) {
    if (schema.additionalProperties !== false) return false;
    const props = isRecord(schema.properties) ? Object.keys(schema.properties) : [];
    const required = Array.isArray(schema.required) ? schema.required : [];
    if (!props.every((p) => required.includes(p))) return false;
  }
  const children: unknown[] = [
    ...(isRecord(schema.properties) ? Object.values(schema.properties) : []),
    ...(isRecord(schema.$defs) ? Object.values(schema.$defs) : []),
    ...(isRecord(schema.definitions) ? Object.values(schema.definitions) : []),
    ...(schema.items !== undefined ? [schema.items] : []),
    ...(Array.isArray(schema.anyOf) ? schema.anyOf : []),
  ];
  return children.every((c) => isStrictCompatible(c, depth + 1));
}

/** Provider tool/format names: letters, digits, `_` and `-`, at most 64 characters. */
export function schemaName(name: string | undefined): string {
  const clean = (name ?? '')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64);
  return clean || 'answer';
}
