import { describe, expect, it } from 'vitest';
import { maskSecretText, maskSecretValues } from './mask-values';

describe('masking known secret values', () => {
  const secrets = { API_TOKEN: 'tok_live_abcdef', PIN: '123', INNER: 'live_ab' };
  it('replaces each value by its name wherever it appears, the longest first', () => {
    expect(maskSecretText('GET https://x.test/?key=tok_live_abcdef failed', secrets)).toBe(
      'GET https://x.test/?key=[secret:API_TOKEN] failed',
    );
    expect(maskSecretText('live_ab alone', secrets)).toBe('[secret:INNER] alone');
  });
  it('masks strings and keys inside recorded params, leaves short values and other types alone', () => {
    const out = maskSecretValues(
      { headers: { Authorization: 'Bearer tok_live_abcdef' }, n: 123, code: '123', list: ['tok_live_abcdef'] },
      secrets,
    );
    expect(out).toEqual({ headers: { Authorization: 'Bearer [secret:API_TOKEN]' }, n: 123, code: '123', list: ['[secret:API_TOKEN]'] });
    expect(JSON.stringify(out)).not.toContain('tok_live');
  });
});
