import { describe, expect, it } from 'vitest';
import { checkNodeId, deriveNodeId } from './ids';

describe('deriveNodeId', () => {
  it('derives a readable id from the title, unique in the graph', () => {
    expect(deriveNodeId('Summarise')).toBe('summarise');
    expect(deriveNodeId('Summarise', new Set(['summarise']))).toBe('summarise_2');
    expect(deriveNodeId('Summarise', new Set(['summarise', 'summarise_2']))).toBe('summarise_3');
    expect(deriveNodeId('  LLM chat — draft #1! ')).toBe('llm_chat_draft_1');
  });

  it('keeps letters of any script and falls back to the type for titles with none', () => {
    expect(deriveNodeId('뉴스 요약')).toBe('뉴스_요약');
    expect(deriveNodeId('🙂 !!', new Set(), 'llm.chat')).toBe('chat');
    expect(deriveNodeId('', new Set(), '')).toBe('node');
    expect(deriveNodeId('2nd pass')).toBe('n_2nd_pass');
  });

  it('caps long titles', () => {
    expect(deriveNodeId('word '.repeat(30)).length).toBeLessThanOrEqual(40);
    expect(deriveNodeId('word '.repeat(30))).not.toMatch(/_$/);
  });
});

describe('checkNodeId', () => {
  it('accepts identifier-safe ids that are free and names what is wrong otherwise', () => {
    expect(checkNodeId('summary_2', new Set())).toEqual({ ok: true });
    expect(checkNodeId('요약', new Set())).toEqual({ ok: true });
    expect(checkNodeId('', new Set())).toEqual({ ok: false, reason: 'empty' });
    expect(checkNodeId('a b', new Set())).toEqual({ ok: false, reason: 'chars' });
    expect(checkNodeId('a.b', new Set())).toEqual({ ok: false, reason: 'chars' });
    expect(checkNodeId('42', new Set())).toEqual({ ok: false, reason: 'chars' });
    expect(checkNodeId('x'.repeat(129), new Set())).toEqual({ ok: false, reason: 'long' });
    expect(checkNodeId('chat', new Set(['chat']))).toEqual({ ok: false, reason: 'taken' });
  });
});
