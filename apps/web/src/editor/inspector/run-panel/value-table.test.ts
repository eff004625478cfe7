import { describe, expect, it } from 'vitest';
import { defaultView, tableOf, textOf, viewsFor } from './value-table';

describe('tableOf', () => {
  it('shows a list of objects as rows with the fields as columns', () => {
    expect(
      tableOf([
        { title: 'a', n: 1 },
        { title: 'b', extra: { x: 1 } },
      ]),
    ).toEqual({
      columns: ['#', 'title', 'n', 'extra'],
      rows: [
        ['0', 'a', '1', ''],
        ['1', 'b', '', '{1}'],
      ],
      more: 0,
    });
  });
  it('shows plain lists in one column, objects one field per row, and caps the rows', () => {
    expect(tableOf(['x', 2])).toEqual({
      columns: ['#', 'value'],
      rows: [
        ['0', 'x'],
        ['1', '2'],
      ],
      more: 0,
    });
    expect(tableOf({ text: 'hi', usage: { a: 1 } })).toEqual({
      columns: ['field', 'value'],
      rows: [
        ['text', 'hi'],
        ['usage', '{1}'],
      ],
      more: 0,
    });
    expect(tableOf(Array.from({ length: 80 }, (_, i) => i))!.more).toBe(30);
    expect(tableOf('text')).toBeNull();
    expect(tableOf(3)).toBeNull();
  });
});

describe('views', () => {
  it('opens text for text and LLM answers, a table for lists, JSON for objects', () => {
    expect(defaultView('hi')).toBe('text');
    expect(defaultView({ text: 'answer', model: 'm' })).toBe('text');
    expect(defaultView([{ a: 1 }])).toBe('table');
    expect(defaultView({ a: 1 })).toBe('json');
    expect(viewsFor('hi')).toEqual(['text', 'json']);
    expect(viewsFor([1])).toEqual(['table', 'json', 'text']);
    expect(viewsFor(3)).toEqual(['json', 'text']);
    expect(textOf({ text: 'answer' })).toBe('answer');
    expect(textOf({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
