import type { ParamUi } from '@bm/contract';
import type { JsonSchema } from './json-schema';
import { t } from '../../i18n/i18n';

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'code'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'enum'
  | 'json'
  | 'keyValue'
  | 'jsonSchema'
  | 'connection'
  | 'model'
  | 'bot';

export type FormField = {
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  description?: string;
  defaultValue?: unknown;
  /** For `enum`: the allowed values, in schema order. */
  options?: { value: string | number | boolean; label: string }[];
  min?: number;
  max?: number;
  step?: number;
  /** For `json`: what shape the value must parse to. */
  jsonShape?: 'object' | 'array' | 'any';
  /** Strings accept `{{ … }}` expressions (API.md → Expressions). */
  expressions: boolean;
  placeholder?: string;
};

const MULTILINE_KEYS = /^(prompt|system|template|body|content|expression|text|message|html|markdown|instructions|sample)$/i;
const MULTILINE_WIDGETS = new Set(['textarea', 'multiline', 'expression', 'template']);
const ACRONYMS: Record<string, string> = {
  url: 'URL',
  json: 'JSON',
  llm: 'LLM',
  id: 'ID',
  api: 'API',
  http: 'HTTP',
  html: 'HTML',
  rss: 'RSS',
  cc: 'CC',
  bcc: 'BCC',
};

/** `maxTokens` → "Max tokens", `llmConnectionId` → "LLM connection". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length > 1 && words[words.length - 1]!.toLowerCase() === 'id') words.pop();
  // `timeoutMs` → "Timeout (ms)": a unit, not a word.
  const unit =
    words.length > 1 && ['ms', 'bytes'].includes(words[words.length - 1]!.toLowerCase()) && words[0]!.toLowerCase() !== 'max'
      ? words.pop()!.toLowerCase()
      : undefined;
  const label = words
    .map((w, i) => {
      const lower = w.toLowerCase();
      if (ACRONYMS[lower]) return ACRONYMS[lower];
      return i === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
    })
    .join(' ');
  return unit ? `${label} (${unit})` : label;
}

/** `notContains` → "not contains", `buffer_one` → "buffer one": enum values read as words. */
export function humanizeOption(value: string): string {
  if (!/[a-z]/.test(value)) return value; // GET, POST: already how people write them
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
}

function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  for (let guard = 0; current.$ref && guard < 10; guard++) {
    const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(current.$ref);
    const target = match ? (root[match[1] as '$defs' | 'definitions'] as Record<string, JsonSchema> | undefined)?.[match[2]!] : undefined;
    if (!target) break;
    const { $ref: _ref, ...rest } = current;
    current = { ...target, ...rest };
  }
  return current;
}

const isNullSchema = (s: JsonSchema) => s.type === 'null' || (s.const === null && s.type === undefined);

/**
 * Strips the wrappers zod puts around a field (`nullable` → anyOf with null, `$ref`s, single-branch
 * allOf) and reports whether null is accepted.
 */
export function unwrapSchema(schema: JsonSchema, root: JsonSchema = schema): { schema: JsonSchema; nullable: boolean } {
  let s = resolveRef(schema, root);
  let nullable = false;
  for (let guard = 0; guard < 5; guard++) {
    const union = s.anyOf ?? s.oneOf;
    if (union) {
      const nonNull = union.filter((b) => !isNullSchema(resolveRef(b, root)));
      if (nonNull.length < union.length) nullable = true;
      if (nonNull.length === 1) {
        const { anyOf: _a, oneOf: _o, ...outer } = s;
        s = { ...resolveRef(nonNull[0]!, root), ...outer };
        continue;
      }
      if (nonNull.length !== union.length) s = { ...s, anyOf: nonNull, oneOf: undefined };
    }
    if (s.allOf && s.allOf.length === 1) {
      const { allOf, ...outer } = s;
      s = { ...resolveRef(allOf[0]!, root), ...outer };
      continue;
    }
    break;
  }
  if (Array.isArray(s.type)) {
    const types = s.type.filter((t) => t !== 'null');
    if (types.length < s.type.length) nullable = true;
    s = { ...s, type: types.length === 1 ? types[0] : types };
  }
  return { schema: s, nullable };
}

function enumOptions(s: JsonSchema, root: JsonSchema): FormField['options'] | undefined {
  const toOption = (v: unknown) =>
    typeof v === 'string'
      ? { value: v, label: humanizeOption(v) }
      : typeof v === 'number' || typeof v === 'boolean'
        ? { value: v, label: String(v) }
        : undefined;
  if (Array.isArray(s.enum)) return s.enum.map(toOption).filter((o) => o !== undefined);
  const union = s.anyOf ?? s.oneOf;
  if (union && union.every((b) => resolveRef(b, root).const !== undefined || Array.isArray(resolveRef(b, root).enum))) {
    return union
      .flatMap((b) => {
        const r = resolveRef(b, root);
        return r.const !== undefined ? [r.const] : (r.enum ?? []);
      })
      .map(toOption)
      .filter((o) => o !== undefined);
  }
  if (s.const !== undefined) return [toOption(s.const)].filter((o) => o !== undefined);
  return undefined;
}

function fieldKind(
  key: string,
  s: JsonSchema,
  root: JsonSchema,
  connectionParam: boolean,
  uiWidget: string | undefined,
): Pick<FormField, 'kind' | 'options' | 'jsonShape'> {
  const widget = uiWidget ?? (typeof s.widget === 'string' ? s.widget : undefined);
  if (widget === 'connection' || connectionParam) return { kind: 'connection' };
  if (widget === 'model') return { kind: 'model' };
  if (widget === 'bot') return { kind: 'bot' };
  if (widget === 'json') return { kind: 'json', jsonShape: 'any' };
  if (widget === 'code') return { kind: 'code' };
  if (widget === 'keyValue') return { kind: 'keyValue' };
  // An answer schema: a field list or raw JSON Schema (llm.chat's `schema`).
  if (widget === 'jsonSchema') return { kind: 'jsonSchema' };
  // A text widget wins over the schema type (e.g. a body that is text or JSON).
  if (widget && MULTILINE_WIDGETS.has(widget)) return { kind: 'textarea' };
  const options = enumOptions(s, root);
  if (options && options.length > 0) return { kind: 'enum', options };
  const type = Array.isArray(s.type) ? undefined : s.type;
  switch (type) {
    case 'string':
      if (MULTILINE_KEYS.test(key) || (s.maxLength ?? 0) > 2000) return { kind: 'textarea' };
      return { kind: 'text' };
    case 'integer':
      return { kind: 'integer' };
    case 'number':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'array':
      return { kind: 'json', jsonShape: 'array' };
    case 'object':
      return { kind: 'json', jsonShape: 'object' };
    default:
      return { kind: 'json', jsonShape: 'any' };
  }
}

/** What the form needs to know about a node type besides its params schema (from the catalogue). */
export type FormFacts = { ui?: Record<string, ParamUi>; connectionParams?: readonly string[] };

/**
 * The schema of one entry of a list param (flow.switch's `cases`), with its bounds; undefined when
 * the param is not a list of objects.
 */
export function listItemSchema(
  paramsSchema: JsonSchema | undefined,
  key: string,
): { item: JsonSchema; maxItems?: number; template?: Record<string, unknown> } | undefined {
  if (!paramsSchema) return undefined;
  const raw = unwrapSchema(paramsSchema).schema.properties?.[key];
  if (!raw) return undefined;
  const list = unwrapSchema(raw, paramsSchema).schema;
  const items = Array.isArray(list.items) ? list.items[0] : list.items;
  if (!items) return undefined;
  const item = unwrapSchema(items, paramsSchema).schema;
  if (!item.properties) return undefined;
  // The param's default entry is the best start for a new one (flow.switch's has an empty value to compare with).
  const first = Array.isArray(list.default) ? (list.default[0] as unknown) : undefined;
  const template = first && typeof first === 'object' && !Array.isArray(first) ? (first as Record<string, unknown>) : undefined;
  return { item, maxItems: typeof list.maxItems === 'number' ? list.maxItems : undefined, template };
}

/** Maps a node type's params JSON Schema onto an ordered list of form fields. */
export function schemaToFields(paramsSchema: JsonSchema | undefined, facts: FormFacts = {}): FormField[] {
  if (!paramsSchema) return [];
  const ui = facts.ui ?? {};
  const connectionParams = new Set(facts.connectionParams ?? []);
  const root = unwrapSchema(paramsSchema).schema;
  const required = new Set(root.required ?? []);
  return Object.entries(root.properties ?? {}).map(([key, raw]) => {
    const { schema: s } = unwrapSchema(raw, paramsSchema);
    const kind = fieldKind(key, s, paramsSchema, connectionParams.has(key), ui[key]?.widget);
    const field: FormField = {
      key,
      label: s.title ?? humanizeKey(key),
      ...kind,
      required: required.has(key) && s.default === undefined,
      expressions: ui[key]?.templating ? ui[key].templating !== 'none' : kind.kind === 'text' || kind.kind === 'textarea',
    };
    if (s.description) field.description = s.description;
    if (s.default !== undefined) field.defaultValue = s.default;
    if (kind.kind === 'number' || kind.kind === 'integer') {
      const min = s.minimum ?? s.exclusiveMinimum;
      const max = s.maximum ?? s.exclusiveMaximum;
      // zod emits ±MAX_SAFE_INTEGER bounds for int(); they are noise in a form.
      if (min !== undefined && Math.abs(min) < Number.MAX_SAFE_INTEGER) field.min = min;
      if (max !== undefined && Math.abs(max) < Number.MAX_SAFE_INTEGER) field.max = max;
      field.step = kind.kind === 'integer' ? 1 : field.max !== undefined && field.max <= 2 ? 0.1 : undefined;
      if (field.step === undefined) delete field.step;
    }
    if (typeof s.examples === 'object' && Array.isArray(s.examples) && typeof s.examples[0] === 'string') {
      field.placeholder = s.examples[0];
    }
    return field;
  });
}

/** Initial params for a freshly added node: schema defaults, and the first choice of required enums. */
export function defaultParams(paramsSchema: JsonSchema | undefined, facts: FormFacts = {}): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const field of schemaToFields(paramsSchema, facts)) {
    if (field.defaultValue !== undefined) params[field.key] = structuredClone(field.defaultValue);
    else if (field.required && field.kind === 'enum' && field.options?.[0]) params[field.key] = field.options[0].value;
    else if (field.required && field.kind === 'boolean') params[field.key] = false;
  }
  return params;
}

export type CoerceResult = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Turns what the user typed into the param value. `undefined` means "remove the key" (an empty
 * optional field), so the stored graph carries no meaningless empty strings.
 */
export function coerceFieldValue(field: FormField, raw: string | boolean): CoerceResult {
  if (field.kind === 'boolean') return { ok: true, value: Boolean(raw) };
  const text = String(raw);
  if (text.trim() === '') {
    if (field.kind === 'text' || field.kind === 'textarea' || field.kind === 'code')
      return { ok: true, value: field.required ? '' : undefined };
    return { ok: true, value: undefined };
  }
  switch (field.kind) {
    case 'number':
    case 'integer': {
      const n = Number(text);
      if (!Number.isFinite(n)) return { ok: false, error: t('editor:fields.enterNumber') };
      if (field.kind === 'integer' && !Number.isInteger(n)) return { ok: false, error: t('editor:fields.enterWholeNumber') };
      if (field.min !== undefined && n < field.min) return { ok: false, error: t('editor:fields.min', { min: field.min }) };
      if (field.max !== undefined && n > field.max) return { ok: false, error: t('editor:fields.max', { max: field.max }) };
      return { ok: true, value: n };
    }
    case 'enum': {
      const option = field.options?.find((o) => String(o.value) === text);
      return option ? { ok: true, value: option.value } : { ok: false, error: t('editor:fields.pickOption') };
    }
    case 'json': {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        return { ok: false, error: t('editor:runDialog.invalidJson', { reason: (err as Error).message }) };
      }
      if (field.jsonShape === 'object' && (typeof value !== 'object' || value === null || Array.isArray(value)))
        return { ok: false, error: t('editor:fields.mustBeObject') };
      if (field.jsonShape === 'array' && !Array.isArray(value)) return { ok: false, error: t('editor:fields.mustBeArray') };
      return { ok: true, value };
    }
    default:
      return { ok: true, value: text };
  }
}

/** The text shown in an input for a stored param value. */
export function formatFieldValue(field: FormField, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.kind === 'json' || typeof value === 'object') return JSON.stringify(value, null, 2);
  return String(value);
}
