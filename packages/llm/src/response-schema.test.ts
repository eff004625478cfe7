import { describe, expect, it } from 'vitest';
import { checkResponseSchema, isStrictCompatible, schemaName, validateAgainstSchema } from './response-schema';

const person = {
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } },
  required: ['name', 'age', 'tags'],
  additionalProperties: false,
};

describe('checkResponseSchema', () => {
  it('accepts an object schema, whatever draft it names', () => {
    expect(checkResponseSchema(person)).toBeUndefined();
    expect(checkResponseSchema({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' })).toBeUndefined();
    expect(checkResponseSchema({ type: 'object', propertyOrdering: ['a'] })).toBeUndefined();
  });

  it('refuses what is not an object schema, saying why', () => {
    const notObject = { message: 'must be a JSON Schema of an object ("type": "object" at the top level)' };
    expect(checkResponseSchema('{"type":"object"}')).toEqual(notObject);
    expect(checkResponseSchema([])).toEqual(notObject);
    expect(checkResponseSchema({ type: 'array', items: {} })).toEqual(notObject);
    expect(checkResponseSchema({ properties: {} })).toEqual(notObject);
    expect(checkResponseSchema({ type: 'object', properties: [] })).toMatchObject({ invalid: expect.stringContaining('/properties') });
  });

  it('refuses an invalid JSON Schema with the validator reason', () => {
    const problem = checkResponseSchema({ type: 'object', properties: { a: { type: 'strin' } } });
    expect(problem?.message).toMatch(/^is not a valid JSON Schema: /);
    expect(problem?.invalid).toContain('/properties/a/type');
    expect(checkResponseSchema({ type: 'object', required: 'a' })?.message).toMatch(/^is not a valid JSON Schema/);
  });
});

describe('validateAgainstSchema', () => {
  it('passes a matching answer', () => {
    expect(validateAgainstSchema(person, { name: 'Ada', age: 36, tags: [] })).toEqual({ ok: true });
  });

  it('names the first failing path and lists every problem', () => {
    const check = validateAgainstSchema(person, { name: 'Ada', age: 'old', tags: ['x', 3] });
    expect(check).toMatchObject({ ok: false });
    if (check.ok) return;
    expect(check.path).toBe('/age');
    expect(check.errors).toContain('/age must be integer');
    expect(check.errors).toContain('/tags/1 must be string');
    expect(check.errors).toBe('/age must be integer; /tags/1 must be string');
    expect(validateAgainstSchema(person, { name: 'Ada', age: 1, tags: [], extra: 1 })).toEqual({
      ok: false,
      path: '/extra',
      errors: '/extra is not allowed',
    });
  });

  it('names a missing property by its own path, and the whole answer as /', () => {
    const missing = validateAgainstSchema(person, { age: 1, tags: [] });
    expect(missing).toEqual({ ok: false, path: '/name', errors: '/name is required' });
    expect(validateAgainstSchema(person, [1])).toMatchObject({ ok: false, path: '/', errors: '/ must be object' });
  });

  it('checks formats', () => {
    const schema = { type: 'object', properties: { email: { type: 'string', format: 'email' } } };
    expect(validateAgainstSchema(schema, { email: 'a@b.co' }).ok).toBe(true);
    expect(validateAgainstSchema(schema, { email: 'nope' })).toMatchObject({ ok: false, path: '/email' });
  });
});

describe('isStrictCompatible', () => {
  it('is true when every object is closed and requires all its properties', () => {
    expect(isStrictCompatible(person)).toBe(true);
    expect(
      isStrictCompatible({
        type: 'object',
        properties: { inner: { ...person } },
        required: ['inner'],
        additionalProperties: false,
      }),
    ).toBe(true);
  });

  it('is false with an optional field, an open object or a keyword OpenAI does not enforce', () => {
    expect(isStrictCompatible({ ...person, required: ['name'] })).toBe(false);
    expect(isStrictCompatible({ ...person, additionalProperties: true })).toBe(false);
    const { additionalProperties: _a, ...open } = person;
    expect(isStrictCompatible(open)).toBe(false);
    expect(isStrictCompatible({ ...person, properties: { ...person.properties, name: { type: 'string', minLength: 2 } } })).toBe(false);
    expect(isStrictCompatible({ ...person, properties: { ...person.properties, name: { type: 'string', format: 'email' } } })).toBe(true);
    expect(isStrictCompatible({ ...person, properties: { ...person.properties, name: { type: 'string', format: 'uri' } } })).toBe(false);
    expect(
      isStrictCompatible({
        type: 'object',
        properties: { inner: { type: 'object', properties: { a: { type: 'string' } } } },
        required: ['inner'],
        additionalProperties: false,
      }),
    ).toBe(false);
  });
});

describe('schemaName', () => {
  it('keeps provider-safe names and falls back to "answer"', () => {
    expect(schemaName('person_v2')).toBe('person_v2');
    expect(schemaName('my schema!')).toBe('my_schema');
    expect(schemaName('')).toBe('answer');
    expect(schemaName('x'.repeat(80))).toHaveLength(64);
  });
});
