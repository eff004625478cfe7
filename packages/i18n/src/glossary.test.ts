import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flatten } from './catalogue';
import { NAMESPACES, resources } from './resources';

type Term = { id: string; en: string; ko: string; reason: string };
type Allow = { key: string; term: string; reason: string };
const glossary = JSON.parse(readFileSync(join(import.meta.dirname, '../glossary.json'), 'utf8')) as { terms: Term[]; allow: Allow[] };

// The product's own name is not translated, and its "Bot" is not the glossary's bot. ICU argument
// names (`{provider, select, …}`, `{name}`) are not words of the message.
const strip = (en: string) =>
  en
    .replace(/Bot Manager/g, '')
    .replace(/\{\s*\w+\s*,\s*(select|plural|selectordinal)\s*,/g, ' ')
    .replace(/\{[^{}]*\}/g, ' ');

function violations(): string[] {
  const out: string[] = [];
  for (const ns of NAMESPACES) {
    const en = flatten(resources.en[ns]);
    const ko = flatten(resources.ko[ns]);
    for (const [key, source] of en) {
      const translated = ko.get(key) ?? '';
      for (const term of glossary.terms) {
        if (new RegExp(`\\b(${term.en})\\b`, 'i').test(strip(source)) && !translated.includes(term.ko)) out.push(`${ns}:${key}|${term.id}`);
      }
    }
  }
  return out;
}

describe('glossary', () => {
  const found = violations();
  const allowed = new Set(glossary.allow.map((a) => `${a.key}|${a.term}`));

  it('gives every term a reason and a Korean word', () => {
    for (const t of glossary.terms) expect(t.ko && t.reason, t.id).toBeTruthy();
  });

  it('is followed by every Korean message whose English uses a term', () => {
    expect(found.filter((v) => !allowed.has(v))).toEqual([]);
  });

  it('allows only exceptions that are still needed, each with a reason', () => {
    expect([...allowed].filter((a) => !found.includes(a))).toEqual([]);
    for (const a of glossary.allow) expect(a.reason.length, a.key).toBeGreaterThan(10);
  });
});
