import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// @bm/i18n runs in the browser (apps/web) and in Node (apps/api, emails): no DOM, no Node APIs.
const FORBIDDEN: [RegExp, string][] = [
  [/from ['"](node:|fs|path|os|http|https|url|util)/, 'Node built-in'],
  [/\b(window|document|navigator|localStorage)\b/, 'DOM global'],
  [/\bprocess\./, 'process'],
  [/from ['"]@bm\//, 'internal dependency'],
];

describe('@bm/i18n purity', () => {
  const files = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  it('has sources to check', () => expect(files.length).toBeGreaterThan(4));
  it.each(FORBIDDEN)('uses no %s (%s)', (pattern) => {
    expect(files.filter((f) => pattern.test(readFileSync(join(import.meta.dirname, f), 'utf8')))).toEqual([]);
  });
});
