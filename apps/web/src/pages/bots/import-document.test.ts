import { describe, expect, it } from 'vitest';
import { parseImport } from './import-document';

describe('parseImport', () => {
  it('recognises our export and reads its slots', () => {
    const doc = {
      format: 'bot-manager/bot',
      version: 1,
      bot: {
        name: 'Digest',
        graph: { nodes: [], edges: [] },
        slots: [{ key: 'writer', label: 'Writer', provider: 'openai' }, { nope: 1 }],
        secretSlots: ['SLACK_URL', 3],
      },
    };
    const p = parseImport(JSON.stringify(doc));
    expect(p).toMatchObject({ kind: 'bot', name: 'Digest', secretSlots: ['SLACK_URL'] });
    expect(p.kind === 'bot' && p.slots).toEqual([{ key: 'writer', label: 'Writer', provider: 'openai', purpose: undefined }]);
    // A wrong version is still ours: the server says what is wrong with it.
    expect(parseImport(JSON.stringify({ ...doc, version: 2 })).kind).toBe('bot');
  });

  it('recognises an n8n workflow, alone or as the one entry of an export array', () => {
    const wf = { name: 'From n8n', nodes: [{ type: 'n8n-nodes-base.manualTrigger' }], connections: {} };
    expect(parseImport(JSON.stringify(wf))).toMatchObject({ kind: 'n8n', name: 'From n8n' });
    expect(parseImport(JSON.stringify([wf]))).toMatchObject({ kind: 'n8n' });
    expect(parseImport(JSON.stringify([wf, wf]))).toEqual({ kind: 'invalid', reason: 'several' });
  });

  it('says why anything else is refused', () => {
    expect(parseImport('  ')).toEqual({ kind: 'invalid', reason: 'empty' });
    expect(parseImport('{ nope')).toEqual({ kind: 'invalid', reason: 'json' });
    expect(parseImport('{"nodes": []}')).toEqual({ kind: 'invalid', reason: 'shape' });
    expect(parseImport('42')).toEqual({ kind: 'invalid', reason: 'shape' });
  });
});
