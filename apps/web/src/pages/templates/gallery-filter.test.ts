import { describe, expect, it } from 'vitest';
import { categoriesOf, filterTemplates } from './gallery-filter';

const tpl = (name: string, category: string, nodesUsed: string[], description = '') => ({ name, category, nodesUsed, description });

describe('gallery filter', () => {
  const all = [
    tpl('RSS digest', 'digest', ['source.rss', 'llm.chat', 'output.slack'], 'A feed summarised into Slack'),
    tpl('Ticket triage', 'support', ['source.manual', 'llm.classify']),
    tpl('Morning briefing', 'digest', ['source.schedule', 'llm.chat']),
  ];
  const titles: Record<string, string> = { 'output.slack': 'Slack message', 'llm.classify': 'Classify' };

  it('matches every word in name, description, category or node titles, and the chosen category', () => {
    expect(filterTemplates(all, '', null).map((t) => t.name)).toEqual(['RSS digest', 'Ticket triage', 'Morning briefing']);
    expect(filterTemplates(all, 'slack FEED', null, { nodeTitle: (x) => titles[x] ?? x }).map((t) => t.name)).toEqual(['RSS digest']);
    expect(filterTemplates(all, 'classify', null, { nodeTitle: (x) => titles[x] ?? x }).map((t) => t.name)).toEqual(['Ticket triage']);
    expect(filterTemplates(all, '', 'digest').map((t) => t.name)).toEqual(['RSS digest', 'Morning briefing']);
    expect(filterTemplates(all, 'triage', 'digest')).toEqual([]);
    // A built-in category is found by its name in the user's language too.
    expect(
      filterTemplates(all, 'kundendienst', null, { categoryName: (c) => (c === 'support' ? 'Kundendienst' : c) }).map((t) => t.name),
    ).toEqual(['Ticket triage']);
  });

  it('lists each category once, in gallery order', () => {
    expect(categoriesOf(all)).toEqual(['digest', 'support']);
  });
});
