import { describe, expect, it } from 'vitest';
import { safeUrl } from './http';

describe('safeUrl', () => {
  it('drops the query and masks token-like path segments, keeping the rest readable', () => {
    expect(safeUrl('https://hooks.slack.com/services/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?x=1')).toBe(
      'https://hooks.slack.com/services/T0123ABCD/B0456EFGH/[redacted]',
    );
    expect(safeUrl('https://api.example.com/v1/items/42?api_key=secret')).toBe('https://api.example.com/v1/items/42');
  });
});
