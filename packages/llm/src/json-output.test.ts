import { describe, expect, it } from 'vitest';
import { parseModelJson } from './json-output';

describe('parseModelJson', () => {
  it.each([
    ['{"a":1}', { a: 1 }],
    ['  \n{"a": [1, 2]}\n', { a: [1, 2] }],
    ['```json\n{"a":1}\n```', { a: 1 }],
    ['```\n[1,2,3]\n```', [1, 2, 3]],
    ['Here is the JSON you asked for:\n```json\n{"ok": true}\n```\nAnything else?', { ok: true }],
    ['Sure: {"title": "x", "tags": ["a"]} — done.', { title: 'x', tags: ['a'] }],
    ['null', null],
  ])('accepts %j', (text, value) => {
    expect(parseModelJson(text)).toEqual({ ok: true, value });
  });

  it.each(['', '   ', 'Sure! The news is calm today.', '{"a":', '```json\n{not json}\n```', 'a { b } c'])('rejects %j', (text) => {
    expect(parseModelJson(text)).toEqual({ ok: false });
  });
});
