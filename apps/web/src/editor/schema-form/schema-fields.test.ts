import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { JsonSchema } from './json-schema';
import {
  coerceFieldValue,
  defaultParams,
  formatFieldValue,
  humanizeKey,
  schemaToFields,
  unwrapSchema,
  type FormFacts,
} from './schema-fields';

// Schemas built with the same zod the node definitions use, converted the way the API serves them.
const llmChat = z.toJSONSchema(
  z.object({
    purpose: z.enum(['analyze', 'report', 'draft']).default('analyze'),
    system: z.string().optional(),
    prompt: z.string().min(1).describe('What to ask the model'),
    llmConnectionId: z.string().optional(),
    model: z.string().optional().meta({ widget: 'model' }),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().positive().optional(),
    json: z.boolean().default(false),
  }),
  { io: 'input' },
) as JsonSchema;

const http = z.toJSONSchema(
  z.object({
    url: z.string().url(),
    method: z.enum(['GET', 'POST']).default('GET'),
    headers: z.record(z.string(), z.string()).optional(),
    body: z.string().nullable().optional(),
    tags: z.array(z.string()).optional(),
    mode: z.union([z.literal('a'), z.literal('b')]),
  }),
  { io: 'input' },
) as JsonSchema;

const chatFacts = { connectionParams: ['llmConnectionId'] };
const byKey = (schema: JsonSchema, facts?: FormFacts) => Object.fromEntries(schemaToFields(schema, facts).map((f) => [f.key, f]));

describe('schemaToFields', () => {
  it('maps the llm.chat schema onto the right widgets', () => {
    const f = byKey(llmChat, chatFacts);
    expect(Object.keys(f)).toEqual(['purpose', 'system', 'prompt', 'llmConnectionId', 'model', 'temperature', 'maxTokens', 'json']);
    expect(f.purpose).toMatchObject({ kind: 'enum', required: false, defaultValue: 'analyze' });
    expect(f.purpose!.options!.map((o) => o.value)).toEqual(['analyze', 'report', 'draft']);
    expect(f.system).toMatchObject({ kind: 'textarea', required: false, expressions: true });
    expect(f.prompt).toMatchObject({ kind: 'textarea', required: true, description: 'What to ask the model' });
    expect(f.llmConnectionId).toMatchObject({ kind: 'connection', label: 'LLM connection' });
    expect(f.model).toMatchObject({ kind: 'model' });
    expect(f.temperature).toMatchObject({ kind: 'number', min: 0, max: 2, step: 0.1 });
    expect(f.maxTokens).toMatchObject({ kind: 'integer', step: 1, label: 'Max tokens' });
    expect(f.maxTokens!.max).toBeUndefined();
    expect(f.json).toMatchObject({ kind: 'boolean', label: 'JSON' });
  });

  it('shows a connection picker only for the connection params the node type names', () => {
    const f = byKey(llmChat);
    expect(f.llmConnectionId!.kind).toBe('text');
    expect(byKey(llmChat, { connectionParams: ['system'] }).system!.kind).toBe('connection');
  });

  it('maps records to JSON objects, arrays to JSON arrays, nullable strings and literal unions', () => {
    const f = byKey(http);
    expect(f.url).toMatchObject({ kind: 'text', label: 'URL', required: true });
    expect(f.headers).toMatchObject({ kind: 'json', jsonShape: 'object', required: false });
    expect(f.body).toMatchObject({ kind: 'textarea' });
    expect(f.tags).toMatchObject({ kind: 'json', jsonShape: 'array' });
    expect(f.mode!.kind).toBe('enum');
    expect(f.mode!.options!.map((o) => o.value)).toEqual(['a', 'b']);
  });

  it('honours a widget hint and resolves $refs', () => {
    const schema: JsonSchema = {
      type: 'object',
      $defs: { Txt: { type: 'string', widget: 'textarea' } },
      properties: { note: { $ref: '#/$defs/Txt' } },
    };
    expect(schemaToFields(schema)[0]).toMatchObject({ key: 'note', kind: 'textarea' });
  });

  it('returns nothing for a missing schema', () => {
    expect(schemaToFields(undefined)).toEqual([]);
  });
});

describe('unwrapSchema', () => {
  it('reports nullability of type arrays', () => {
    expect(unwrapSchema({ type: ['number', 'null'] })).toEqual({ schema: { type: 'number' }, nullable: true });
  });
});

describe('defaultParams', () => {
  it('takes schema defaults and the first option of required enums', () => {
    expect(defaultParams(llmChat, chatFacts)).toEqual({ purpose: 'analyze', json: false });
    expect(defaultParams(http)).toEqual({ method: 'GET', mode: 'a' });
  });
});

describe('coerceFieldValue', () => {
  const f = byKey({ ...llmChat }, chatFacts);
  const h = byKey(http);

  it('parses and bounds numbers', () => {
    expect(coerceFieldValue(f.temperature!, '0.7')).toEqual({ ok: true, value: 0.7 });
    expect(coerceFieldValue(f.temperature!, '3')).toMatchObject({ ok: false });
    expect(coerceFieldValue(f.maxTokens!, '1.5')).toMatchObject({ ok: false, error: 'Enter a whole number.' });
    expect(coerceFieldValue(f.maxTokens!, 'abc')).toMatchObject({ ok: false });
    expect(coerceFieldValue(f.maxTokens!, '')).toEqual({ ok: true, value: undefined });
  });

  it('keeps required strings as empty strings and drops empty optional ones', () => {
    expect(coerceFieldValue(f.prompt!, '')).toEqual({ ok: true, value: '' });
    expect(coerceFieldValue(f.system!, '  ')).toEqual({ ok: true, value: undefined });
    expect(coerceFieldValue(f.prompt!, 'Hi {{ input.x }}')).toEqual({ ok: true, value: 'Hi {{ input.x }}' });
  });

  it('validates JSON shape', () => {
    expect(coerceFieldValue(h.headers!, '{"a":"b"}')).toEqual({ ok: true, value: { a: 'b' } });
    expect(coerceFieldValue(h.headers!, '[1]')).toMatchObject({ ok: false });
    expect(coerceFieldValue(h.headers!, '{oops')).toMatchObject({ ok: false });
    expect(coerceFieldValue(h.tags!, '["x"]')).toEqual({ ok: true, value: ['x'] });
  });

  it('maps enum text back to the typed option', () => {
    expect(coerceFieldValue(f.purpose!, 'draft')).toEqual({ ok: true, value: 'draft' });
    expect(coerceFieldValue(f.purpose!, 'nope')).toMatchObject({ ok: false });
  });

  it('formats values for inputs', () => {
    expect(formatFieldValue(h.headers!, { a: 'b' })).toBe('{\n  "a": "b"\n}');
    expect(formatFieldValue(f.maxTokens!, undefined)).toBe('');
    expect(formatFieldValue(f.temperature!, 0.5)).toBe('0.5');
  });
});

describe('humanizeKey', () => {
  it('splits camelCase and keeps acronyms', () => {
    expect(humanizeKey('maxTokens')).toBe('Max tokens');
    expect(humanizeKey('llmConnectionId')).toBe('LLM connection');
    expect(humanizeKey('baseUrl')).toBe('Base URL');
    expect(humanizeKey('continue_on_fail')).toBe('Continue on fail');
    expect(humanizeKey('timeoutMs')).toBe('Timeout (ms)');
    expect(humanizeKey('maxBytes')).toBe('Max bytes');
  });
  it('reads enum values as words', async () => {
    const { humanizeOption } = await import('./schema-fields');
    expect(humanizeOption('notContains')).toBe('not contains');
    expect(humanizeOption('buffer_one')).toBe('buffer one');
    expect(humanizeOption('GET')).toBe('GET');
  });
});

describe('widget hints (ui map of GET /api/node-types)', () => {
  // Shaped like source.http: `.meta({ widget })` in the definition, plus the registry's ui map.
  const schema = z.toJSONSchema(
    z.object({
      headers: z.record(z.string(), z.string()).default({}).meta({ widget: 'keyValue' }),
      body: z
        .union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())])
        .optional()
        .meta({ widget: 'textarea' }),
      expression: z.string().optional().meta({ widget: 'code' }),
      sample: z.unknown().optional().meta({ widget: 'json' }),
      schema: z.record(z.string(), z.unknown()).optional().meta({ widget: 'jsonSchema' }),
      title: z.string().max(500).optional(),
    }),
    { io: 'input', unrepresentable: 'any' },
  ) as JsonSchema;
  const ui = {
    headers: { templating: 'text' as const, widget: 'keyValue' },
    body: { templating: 'value' as const, widget: 'textarea' },
    expression: { templating: 'none' as const, widget: 'code' },
    sample: { templating: 'none' as const, widget: 'json' },
    schema: { templating: 'none' as const, widget: 'jsonSchema' },
    title: { templating: 'text' as const },
  };
  const f = Object.fromEntries(schemaToFields(schema, { ui }).map((x) => [x.key, x]));

  it('maps widgets onto field kinds', () => {
    expect(f.headers).toMatchObject({ kind: 'keyValue', defaultValue: {} });
    expect(f.body).toMatchObject({ kind: 'textarea', expressions: true });
    expect(f.expression).toMatchObject({ kind: 'code', expressions: false });
    expect(f.sample).toMatchObject({ kind: 'json', jsonShape: 'any', expressions: false });
    expect(f.schema).toMatchObject({ kind: 'jsonSchema', expressions: false });
    expect(f.title).toMatchObject({ kind: 'text', expressions: true });
  });

  it('shows a non-string value of a text widget as JSON', () => {
    expect(formatFieldValue(f.body!, { a: 1 })).toBe('{\n  "a": 1\n}');
  });
});

describe('listItemSchema', () => {
  it('finds the entry schema, bounds and default entry of a list param (flow.switch cases)', async () => {
    const { listItemSchema } = await import('./schema-fields');
    const schema = {
      type: 'object',
      properties: {
        cases: {
          type: 'array',
          maxItems: 20,
          default: [{ name: 'case 1', value: '' }],
          items: { type: 'object', properties: { name: { type: 'string' }, value: { type: 'string' } } },
        },
        matchAll: { type: 'boolean' },
      },
    };
    expect(listItemSchema(schema, 'cases')).toEqual({
      item: schema.properties.cases.items,
      maxItems: 20,
      template: { name: 'case 1', value: '' },
    });
    expect(listItemSchema(schema, 'matchAll')).toBeUndefined();
  });
});
