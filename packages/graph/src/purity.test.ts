import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// @bm/graph is bundled into the Temporal workflow sandbox: no I/O, no Node built-ins, nothing
// non-deterministic, no internal dependencies, and no code evaluation.
const FORBIDDEN: [RegExp, string][] = [
  [/from ['"]node:/, 'Node built-in import'],
  [/from ['"](fs|path|os|crypto|http|https|net|url|util|child_process)['"]/, 'Node built-in import'],
  [/from ['"]@bm\//, 'internal dependency'],
  [/\bprocess\./, 'process'],
  [/\bDate\.now\b|\bnew Date\(/, 'clock'],
  [/\bMath\.random\b/, 'randomness'],
  [/\beval\(|\bnew Function\(/, 'code evaluation'],
  [/\bfetch\(|\bsetTimeout\(|\bsetInterval\(/, 'I/O or timers'],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

describe('@bm/graph purity', () => {
  const files = sources(join(import.meta.dirname));

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(FORBIDDEN)('contains no %s (%s)', (pattern) => {
    const offenders = files.filter((f) => pattern.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
