import { describe, expect, it } from 'vitest';
import { fittingConnections, initialMapping, isComplete, resolveMapping, slotsWithoutConnection, unfilled } from './slot-mapping';

const conn = (id: string, provider: string, isActive = true) => ({ id, provider, isActive, name: id });
const slot = (key: string, provider: string) => ({ key, label: key, provider });

describe('slot mapping', () => {
  const connections = [conn('oa1', 'openai'), conn('oa2', 'openai'), conn('an1', 'anthropic'), conn('gg0', 'google', false)];

  it('offers the active connections of the slot provider, every active one for "any"', () => {
    expect(fittingConnections(slot('a', 'openai'), connections).map((c) => c.id)).toEqual(['oa1', 'oa2']);
    expect(fittingConnections(slot('a', 'google'), connections)).toEqual([]);
    expect(fittingConnections(slot('a', 'any'), connections).map((c) => c.id)).toEqual(['oa1', 'oa2', 'an1']);
  });

  it('pre-selects a connection only when exactly one fits, and a secret of the same name', () => {
    const m = initialMapping(
      [slot('writer', 'openai'), slot('judge', 'anthropic'), slot('vision', 'google')],
      ['SLACK_URL', 'MISSING'],
      connections,
      [
        { id: 's1', name: 'SLACK_URL' },
        { id: 's2', name: 'OTHER' },
      ],
    );
    expect(m).toEqual({ connections: { judge: 'an1' }, secrets: { SLACK_URL: 's1' } });
  });

  it('names the slots no connection fits, and what is still unfilled', () => {
    const slots = [slot('writer', 'openai'), slot('vision', 'google')];
    expect(slotsWithoutConnection(slots, connections).map((s) => s.key)).toEqual(['vision']);
    const m = { connections: { writer: 'oa2' }, secrets: {} };
    expect(unfilled(slots, ['TOKEN'], m)).toEqual({ connections: ['vision'], secrets: ['TOKEN'] });
    expect(isComplete(slots, ['TOKEN'], m)).toBe(false);
    expect(isComplete([slots[0]!], [], m)).toBe(true);
  });

  it('keeps the user choice while it still fits, else falls back to the starting one', () => {
    const slots = [slot('judge', 'anthropic'), slot('writer', 'openai')];
    const chosen = { connections: { judge: 'oa1', writer: 'oa2' }, secrets: { TOKEN: 'gone' } };
    // judge: oa1 is OpenAI, not Anthropic → back to the one fitting connection; writer keeps oa2.
    expect(resolveMapping(slots, ['TOKEN'], connections, [], chosen)).toEqual({
      connections: { judge: 'an1', writer: 'oa2' },
      secrets: {},
    });
  });
});
