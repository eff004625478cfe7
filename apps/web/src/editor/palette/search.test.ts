import { listNodeDefinitions } from '@bm/nodes/registry';
import { describe, expect, it } from 'vitest';
import { withRecent } from './recent';
import { asksForSchedule, fold, searchNodeTypes, type SearchEntry } from './search';

// The real catalogue: the synonyms searched are the ones the definitions declare.
const entries: SearchEntry[] = listNodeDefinitions().map((def) => ({ def }));
const ids = (query: string, list = entries) => searchNodeTypes(list, query).map((h) => h.entry.def.id);

describe('palette search', () => {
  it('finds the LLM node by provider and by what it does', () => {
    expect(ids('openai')[0]).toBe('llm.chat');
    expect(ids('Claude')[0]).toBe('llm.chat');
    expect(ids('summar')[0]).toBe('llm.chat');
    expect(ids('gemini')).toContain('llm.chat');
  });

  it('finds scraping, mail and feeds', () => {
    expect(ids('scrape')[0]).toBe('source.webpage');
    expect(ids('smtp')[0]).toBe('output.email');
    expect(ids('atom')[0]).toBe('source.rss');
  });

  it('finds the trigger for cron and flags it as a schedule question', () => {
    expect(ids('cron')).toContain('source.manual');
    expect(asksForSchedule('cron')).toBe(true);
    expect(asksForSchedule('Schedule')).toBe(true);
    expect(asksForSchedule('일정')).toBe(true);
    expect(asksForSchedule('openai')).toBe(false);
    expect(asksForSchedule('e')).toBe(false);
  });

  it('ranks a title match above a synonym match above a description match', () => {
    const make = (id: string, title: string, synonyms: string[], description: string): SearchEntry => ({
      def: { id, title, description, category: 'transform', display: { icon: 'box', synonyms } },
    });
    const list = [
      make('t.desc', 'Alpha', [], 'uses a widget'),
      make('t.syn', 'Beta', ['widget'], 'nothing'),
      make('t.title', 'Widget maker', [], 'nothing'),
    ];
    expect(ids('widget', list)).toEqual(['t.title', 't.syn', 't.desc']);
    // A prefix of a word beats a match inside a word.
    expect(ids('get', [make('a.in', 'Widget', [], ''), make('b.pre', 'Get page', [], '')])).toEqual(['b.pre', 'a.in']);
  });

  it('is case- and accent-insensitive and needs every word', () => {
    expect(fold('Résumé')).toBe('resume');
    const list: SearchEntry[] = [
      { def: { id: 'x.y', title: 'Résumé writer', description: '', category: 'llm', display: { icon: 'bot', synonyms: [] } } },
    ];
    expect(ids('RESUME', list)).toEqual(['x.y']);
    expect(ids('resume writer', list)).toEqual(['x.y']);
    expect(ids('resume reader', list)).toEqual([]);
    expect(ids('   ', list)).toEqual([]);
  });

  it('matches the words a language adds and the shown category names', () => {
    const list: SearchEntry[] = [{ def: entries.find((e) => e.def.id === 'llm.chat')!.def, extraWords: ['요약', '번역'] }];
    expect(ids('요약', list)).toEqual(['llm.chat']);
    expect(searchNodeTypes(entries, '출력', { output: ['출력'] }).every((h) => h.entry.def.category === 'output')).toBe(true);
    expect(searchNodeTypes(entries, '출력', { output: ['출력'] }).length).toBeGreaterThan(2);
  });
});

describe('recently used types', () => {
  it('keeps the newest first, once, at most five', () => {
    expect(withRecent(['a', 'b'], 'b')).toEqual(['b', 'a']);
    expect(withRecent(['a', 'b', 'c', 'd', 'e'], 'f')).toEqual(['f', 'a', 'b', 'c', 'd']);
  });
});

describe('palette entries', () => {
  it('adds the words of every language to every registered type', async () => {
    const { createI18n } = await import('@bm/i18n');
    const { localSynonymTypes, paletteEntries } = await import('./palette-entries');
    const registered = [...new Set(listNodeDefinitions().map((d) => d.id))].sort();
    expect([...localSynonymTypes()].sort()).toEqual(registered);
    // An English page still finds the LLM node by its Korean words, and a Korean page by English ones.
    const { describeNodeTypes } = await import('@bm/nodes');
    const { entries, categoryNames } = paletteEntries(describeNodeTypes(), createI18n({ locale: 'en' }));
    expect(searchNodeTypes(entries, '요약', categoryNames)[0]?.entry.def.id).toBe('llm.chat');
    expect(searchNodeTypes(entries, '메일', categoryNames)[0]?.entry.def.id).toBe('output.email');
    expect(searchNodeTypes(entries, 'openai', categoryNames)[0]?.entry.def.id).toBe('llm.chat');
  });
});
