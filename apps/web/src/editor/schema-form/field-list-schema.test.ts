import { describe, expect, it } from 'vitest';
import { parseRawSchema, rowsToSchema, schemaToRows, type SchemaFieldRow } from './field-list-schema';

const rows: SchemaFieldRow[] = [
  { name: 'title', type: 'string', description: 'The headline', required: true },
  { name: 'score', type: 'number', description: '', required: false },
  { name: 'count', type: 'integer', description: '', required: true },
  { name: 'urgent', type: 'boolean', description: '', required: true },
  { name: 'tags', type: 'stringArray', description: 'Keywords', required: true },
  { name: 'meta', type: 'object', description: '', required: false },
];
const schema = {
  type: 'object',
  properties: {
    title: { type: 'string', description: 'The headline' },
    score: { type: 'number' },
    count: { type: 'integer' },
    urgent: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' }, description: 'Keywords' },
    meta: { type: 'object' },
  },
  required: ['title', 'count', 'urgent', 'tags'],
  additionalProperties: false,
};

describe('the field list of an answer schema', () => {
  it('turns rows into a closed object schema, and back', () => {
    expect(rowsToSchema(rows)).toEqual(schema);
    expect(schemaToRows(schema)).toEqual(rows);
  });

  it('skips rows without a name; no named row means no schema', () => {
    expect(rowsToSchema([{ name: '  ', type: 'string', description: '', required: true }])).toBeUndefined();
    expect(rowsToSchema([...rows.slice(0, 1), { name: '', type: 'number', description: '', required: true }])).toEqual({
      type: 'object',
      properties: { title: { type: 'string', description: 'The headline' } },
      required: ['title'],
      additionalProperties: false,
    });
    expect(schemaToRows(undefined)).toEqual([]);
  });

  it.each([
    ['an open object', { ...schema, additionalProperties: true }],
    ['a nested field', { ...schema, properties: { a: { type: 'object', properties: { b: { type: 'string' } } } }, required: [] }],
    ['an enum', { ...schema, properties: { a: { type: 'string', enum: ['x'] } }, required: [] }],
    ['a list of numbers', { ...schema, properties: { a: { type: 'array', items: { type: 'number' } } }, required: [] }],
    ['a top-level keyword', { ...schema, title: 'Person' }],
    ['a required field that does not exist', { ...schema, required: ['ghost'] }],
    ['not an object schema', { type: 'array' }],
  ])('cannot show %s as fields (it stays raw JSON Schema)', (_what, s) => {
    expect(schemaToRows(s)).toBeUndefined();
  });
});

describe('raw JSON Schema', () => {
  it('parses an object schema; empty means none', () => {
    expect(parseRawSchema(JSON.stringify(schema))).toEqual({ ok: true, value: schema });
    expect(parseRawSchema('  ')).toEqual({ ok: true, value: undefined });
  });

  it('says what is wrong', () => {
    expect(parseRawSchema('{ nope')).toMatchObject({ ok: false, error: 'invalidJson' });
    expect(parseRawSchema('{"type":"array"}')).toEqual({ ok: false, error: 'notObjectSchema' });
    expect(parseRawSchema('[]')).toEqual({ ok: false, error: 'notObjectSchema' });
  });
});
