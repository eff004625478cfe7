// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { i18n, setLocale } from '../../i18n/i18n';
import { change, click } from '../../pages/templates/dialog-test-kit';
import type { FormField } from '../schema-form/schema-fields';
import { JsonSchemaEditor } from './json-schema-editor';

// The answer-schema widget: a field list or raw JSON Schema, and the param is always the JSON Schema.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const field: FormField = { key: 'schema', label: 'Schema', kind: 'jsonSchema', required: false, expressions: false };

let root: Root;
let el: HTMLDivElement;
let values: unknown[];
function render(value: unknown) {
  el = document.createElement('div');
  document.body.append(el);
  root = createRoot(el);
  values = [];
  act(() =>
    root.render(
      <I18nextProvider i18n={i18n}>
        <JsonSchemaEditor nodeId="chat1" field={field} value={value} onChange={(v) => values.push(v)} />
      </I18nextProvider>,
    ),
  );
}
const q = <T extends Element>(sel: string) => el.querySelector<T>(sel)!;
const button = (text: string) => [...el.querySelectorAll('button')].find((b) => b.textContent === text)!;

beforeEach(() => setLocale('en', { save: false }));
afterEach(() => {
  act(() => root.unmount());
  el.remove();
});

describe('JsonSchemaEditor', () => {
  it('builds the schema from fields: name, type, description, required', async () => {
    render(undefined);
    await click(button('Add a field'));
    await change(q<HTMLInputElement>('input[aria-label="Field 1 name"]'), 'city');
    await click(button('Add a field'));
    await change(q<HTMLInputElement>('input[aria-label="Field 2 name"]'), 'tags');
    await change(q<HTMLSelectElement>('select[aria-label="Field 2 type"]'), 'stringArray');
    await change(q<HTMLInputElement>('input[aria-label="Field 2 description"]'), 'Keywords');
    await click(q<HTMLInputElement>('input[type="checkbox"]'));
    expect(values.at(-1)).toEqual({
      type: 'object',
      properties: { city: { type: 'string' }, tags: { type: 'array', items: { type: 'string' }, description: 'Keywords' } },
      required: ['tags'],
      additionalProperties: false,
    });
    await click(q<HTMLButtonElement>('button[aria-label="Remove field 1"]'));
    await click(q<HTMLButtonElement>('button[aria-label="Remove field 1"]'));
    expect(values.at(-1)).toBeUndefined();
  });

  it('opens a schema the list cannot show as raw JSON, with the field list turned off', () => {
    const nested = { type: 'object', properties: { a: { type: 'string', enum: ['x', 'y'] } } };
    render(nested);
    expect(JSON.parse(q<HTMLTextAreaElement>('textarea').value)).toEqual(nested);
    expect(button('Fields').disabled).toBe(true);
    expect(button('Fields').title).toContain('edit it as JSON Schema');
  });

  it('raw JSON: a valid object schema becomes the param; anything else says why and changes nothing', async () => {
    render({ type: 'object', properties: { a: { type: 'string' } }, required: [], additionalProperties: false });
    await click(button('JSON Schema'));
    await change(q<HTMLTextAreaElement>('textarea'), '{"type":"array"}');
    expect(el.querySelector('.field-error')?.textContent).toBe(
      'Must be a JSON Schema of an object, like {"type": "object", "properties": { … }}.',
    );
    await change(
      q<HTMLTextAreaElement>('textarea'),
      '{"type":"object","properties":{"n":{"type":"integer"}},"required":["n"],"additionalProperties":false}',
    );
    expect(el.querySelector('.field-error')).toBeNull();
    expect(values).toEqual([{ type: 'object', properties: { n: { type: 'integer' } }, required: ['n'], additionalProperties: false }]);
  });

  it('speaks Korean', async () => {
    await act(() => setLocale('ko', { save: false }));
    render(undefined);
    expect(el.textContent).toContain('필드 추가');
    expect(el.textContent).toContain('필드');
  });
});
