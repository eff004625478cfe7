import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf } from '@bm/testing/imports';

// Workflow code is replayed from history and bundled into Temporal's deterministic sandbox: it may
// import the shared names and types and the workflow SDK, nothing else (no activities, no nodes,
// no database, no Node built-ins).
const ALLOWED = [/^\.\.\/shared(\/index)?$/, /^\.\/[a-z0-9-]+$/, /^@temporalio\/workflow$/, /^@temporalio\/common$/];

const dir = import.meta.dirname;
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('workflow purity', () => {
  it('has workflow files to check', () => {
    expect(files).toContain('bot-run.ts');
  });

  it('the check rejects what it is for (so it can fail)', () => {
    const bad = importsOf("import { x } from '../activities';\nimport fs from 'node:fs';\nconst g = await import('@bm/graph');");
    expect(bad.filter((i) => !ALLOWED.some((a) => a.test(i.specifier))).map((i) => i.specifier)).toEqual([
      '../activities',
      'node:fs',
      '@bm/graph',
    ]);
  });

  it.each(files)('%s imports only ../shared, sibling workflow files, @temporalio/workflow and @temporalio/common', (file) => {
    const offenders = importsOf(readFileSync(join(dir, file), 'utf8'), file)
      .filter((i) => !ALLOWED.some((a) => a.test(i.specifier)))
      .map((i) => `${file}:${i.line}: ${i.specifier}`);
    expect(offenders).toEqual([]);
  });
});
