import { describe, expect, it } from 'vitest';
import { botLabel, botNames } from './bot-names';

describe('inbox bot names', () => {
  const names = botNames([
    { id: 'b1', name: 'Daily digest' },
    { id: 'b2', name: 'Summariser' },
  ]);
  it('maps bot ids to names', () => {
    expect(botLabel(names, 'b2', false)).toBe('Summariser');
    expect(botLabel(names, 'b1', true)).toBe('Daily digest');
  });
  it('falls back while loading and for unknown bots', () => {
    expect(botLabel(names, 'gone', true)).toBe('…');
    expect(botLabel(names, 'gone', false)).toBe('Unknown bot');
    expect(botLabel(botNames(undefined), 'b1', false)).toBe('Unknown bot');
  });
});
