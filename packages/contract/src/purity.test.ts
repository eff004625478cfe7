import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The contract is imported by the browser (apps/web) and the server alike: schemas only. No
// internal packages, no Node built-ins, no I/O; zod is its one dependency.
const FORBIDDEN: [RegExp, string][] = [
  [/from ['"]node:/, 'Node built-in import'],
  [/from ['"](fs|path|os|crypto|http|https|net|url|util|child_process)['"]/, 'Node built-in import'],
  [/from ['"]@bm\//, 'internal dependency'],
  [/\bprocess\./, 'process'],
  [/\bfetch\(|\bsetTimeout\(|\bsetInterval\(/, 'I/O or timers'],
  [/\beval\(|\bnew Function\(/, 'code evaluation'],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

describe('@bm/contract purity', () => {
  const files = sources(import.meta.dirname);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(FORBIDDEN)('contains no %s (%s)', (pattern) => {
    expect(files.filter((f) => pattern.test(readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('imports nothing but zod and its own files', () => {
    const imports = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/from ['"]([^'"]+)['"]/g)].map((m) => m[1]!));
    expect(imports.filter((i) => i !== 'zod' && !i.startsWith('./'))).toEqual([]);
  });

  it('depends on zod only', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(['zod']);
  });
});
