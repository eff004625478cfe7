/**
 * The simple way to write an answer schema: a list of fields, each with a type, a description and
 * whether it is required. The param is always the JSON Schema this list stands for; a schema the
 * list cannot show exactly (nested fields, enums, formats…) is edited as raw JSON instead.
 */
export const SCHEMA_FIELD_TYPES = ['string', 'number', 'integer', 'boolean', 'stringArray', 'object'] as const;
export type SchemaFieldType = (typeof SCHEMA_FIELD_TYPES)[number];

export type SchemaFieldRow = { name: string; type: SchemaFieldType; description: string; required: boolean };

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

function typeSchema(type: SchemaFieldType): Json {
  if (type === 'stringArray') return { type: 'array', items: { type: 'string' } };
  return { type };
}

/** Rows with a name, as an object schema (undefined when there are none: no schema at all). */
export function rowsToSchema(rows: SchemaFieldRow[]): Json | undefined {
  const named = rows.filter((r) => r.name.trim() !== '');
  if (named.length === 0) return undefined;
  const properties: Json = {};
  for (const r of named) {
    const description = r.description.trim();
    properties[r.name.trim()] = { ...typeSchema(r.type), ...(description ? { description } : {}) };
  }
  const required = [...new Set(named.filter((r) => r.required).map((r) => r.name.trim()))];
  // Closed, like the rows say: the model may not add fields (and OpenAI can enforce it strictly
  // when every field is required).
  return { type: 'object', properties, required, additionalProperties: false };
}

function rowType(s: unknown): SchemaFieldType | undefined {
  if (!isRecord(s)) return undefined;
  const { type, items, description: _d, ...rest } = s;
  if (Object.keys(rest).length > 0) return undefined;
  if (type === 'array') return isRecord(items) && items.type === 'string' && Object.keys(items).length === 1 ? 'stringArray' : undefined;
  if (items !== undefined) return undefined;
  return (['string', 'number', 'integer', 'boolean', 'object'] as const).find((t) => t === type);
}

/**
 * The rows a schema stands for, or undefined when the list cannot show it exactly (then the
 * editor opens it as raw JSON Schema, and saving the rows would lose something).
 */
export function schemaToRows(schema: unknown): SchemaFieldRow[] | undefined {
  if (schema === undefined) return [];
  if (!isRecord(schema) || schema.type !== 'object') return undefined;
  const { type: _t, properties = {}, required = [], additionalProperties, ...rest } = schema;
  if (Object.keys(rest).length > 0 || additionalProperties !== false) return undefined;
  if (!isRecord(properties) || !Array.isArray(required)) return undefined;
  const rows: SchemaFieldRow[] = [];
  for (const [name, prop] of Object.entries(properties)) {
    const type = rowType(prop);
    if (!type) return undefined;
    const description = isRecord(prop) && typeof prop.description === 'string' ? prop.description : '';
    rows.push({ name, type, description, required: required.includes(name) });
  }
  if (required.some((r) => typeof r !== 'string' || !(r in properties))) return undefined;
  return rows;
}

/** Raw JSON typed in the editor, as a schema param: an object schema, or why not (an editor message key). */
export function parseRawSchema(
  text: string,
): { ok: true; value: Json | undefined } | { ok: false; error: 'invalidJson' | 'notObjectSchema'; detail?: string } {
  if (text.trim() === '') return { ok: true, value: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: 'invalidJson', detail: (err as Error).message };
  }
  if (!isRecord(value) || value.type !== 'object') return { ok: false, error: 'notObjectSchema' };
  return { ok: true, value };
}
