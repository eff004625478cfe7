// Dependencies point one way: apps → temporal/nodes → packages. Every import of every TypeScript
// file in the repository (and every workspace dependency in a package.json) is checked here, so a
// wrong import fails `turbo run test` instead of waiting for a reviewer.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, repoRoot, repoSources } from './imports';

const root = repoRoot(import.meta.dirname);

/** The part of the system a repo path belongs to; the rules below speak in these. */
export function unitOf(file: string): string {
  const [top, second] = file.split('/');
  if ((top === 'packages' || top === 'apps') && second) return `${top}/${second}`;
  if (top === 'temporal') {
    // The package's entry points are separate units: the API may load shared/ and client, never activities.
    const entry = second?.replace(/\.ts$/, '');
    return entry && ['shared', 'workflows', 'activities', 'client', 'testing'].includes(entry) ? `temporal/${entry}` : 'temporal';
  }
  if (top === 'nodes' || top === 'bench') return top;
  return 'root';
}

interface Manifest {
  dir: string;
  name: string;
  exports: Record<string, string>;
  deps: Record<string, string>;
  devDeps: Record<string, string>;
}

const workspaceDirs = ['apps', 'packages']
  .flatMap((top) => readdirSync(path.join(root, top)).map((d) => `${top}/${d}`))
  .concat(['bench', 'nodes', 'temporal']);
const manifests: Manifest[] = workspaceDirs.flatMap((dir) => {
  const file = path.join(root, dir, 'package.json');
  if (!existsSync(file)) return [];
  const m = JSON.parse(readFileSync(file, 'utf8'));
  return [{ dir, name: m.name, exports: m.exports ?? {}, deps: m.dependencies ?? {}, devDeps: m.devDependencies ?? {} }];
});

type Target = { kind: 'internal'; unit: string } | { kind: 'external'; name: string };

/** Where an import lands: a unit of this repository (through a relative path or a workspace name), or an outside module. */
export function resolveImport(fromFile: string, specifier: string): Target {
  if (specifier.startsWith('.'))
    return { kind: 'internal', unit: unitOf(path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier))) };
  const m = manifests.find((x) => specifier === x.name || specifier.startsWith(`${x.name}/`));
  if (m) {
    const sub = specifier === m.name ? '.' : `./${specifier.slice(m.name.length + 1)}`;
    const file = m.exports[sub] ?? sub;
    return { kind: 'internal', unit: unitOf(path.posix.join(m.dir, file)) };
  }
  const parts = specifier.split('/');
  return { kind: 'external', name: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]! };
}

const isTest = (file: string) => /\.(test|int\.test)\.tsx?$/.test(file);
const WORKFLOW_MODULES = new Set(['@temporalio/workflow', '@temporalio/common']);
/** The API talks to Temporal through names and the client only: never workflow or activity code. */
const API_TEMPORAL = new Set(['temporal', 'temporal/shared', 'temporal/client', 'temporal/testing']);

/** Why `from` (in `file`) may not import `to`; undefined when it may. */
export function violation(from: string, file: string, to: Target): string | undefined {
  if (to.kind === 'external') {
    if (isTest(file)) return undefined;
    if (from === 'temporal/workflows' && !WORKFLOW_MODULES.has(to.name))
      return 'workflow code imports only temporal/shared, @temporalio/workflow and @temporalio/common';
    if (from === 'temporal/shared') return 'temporal/shared is pure: it imports nothing';
    return undefined;
  }
  const t = to.unit;
  if (t === from || t === 'root') return undefined;
  if (t.startsWith('apps/')) {
    const composes = from === 'apps/server' && (t === 'apps/api' || t === 'apps/worker');
    const startsServer = t === 'apps/server' && (from === 'bench' || (from === 'apps/web' && file.startsWith('apps/web/e2e/')));
    return composes || startsServer
      ? undefined
      : 'nothing imports from apps/ except apps/server composing apps/api and apps/worker (and the web e2e test and bench, which start apps/server)';
  }
  if (t === 'bench') return 'nothing imports bench';
  if (from.startsWith('packages/') && !t.startsWith('packages/'))
    return 'packages import only other packages (never nodes, temporal or apps)';
  if (from === 'nodes' && !t.startsWith('packages/')) return 'nodes import only packages (never temporal or apps)';
  if (from === 'temporal/shared') return 'temporal/shared is pure: it imports nothing';
  if (from === 'temporal/workflows' && !isTest(file) && t !== 'temporal/shared')
    return 'workflow code imports only temporal/shared, @temporalio/workflow and @temporalio/common';
  if (from === 'apps/api' && t.startsWith('temporal') && !API_TEMPORAL.has(t))
    return 'the API imports only @bm/temporal/shared and @bm/temporal/client';
  return undefined;
}

describe('dependency direction', () => {
  it('the rules catch what they are for (so the scan below can fail)', () => {
    const v = (file: string, spec: string) => violation(unitOf(file), file, resolveImport(file, spec));
    expect(v('packages/db/src/x.ts', '@bm/nodes')).toMatch(/packages import only/);
    expect(v('packages/llm/src/x.ts', '@bm/temporal/shared')).toMatch(/packages import only/);
    expect(v('packages/net/src/x.ts', '../../../apps/api/src/app')).toMatch(/nothing imports from apps/);
    expect(v('nodes/x.ts', '@bm/temporal/activities')).toMatch(/nodes import only/);
    expect(v('temporal/workflows/x.ts', '@bm/graph')).toMatch(/workflow code/);
    expect(v('temporal/workflows/x.ts', '../activities')).toMatch(/workflow code/);
    expect(v('temporal/workflows/x.ts', 'node:fs')).toMatch(/workflow code/);
    expect(v('temporal/shared/index.ts', '@temporalio/client')).toMatch(/pure/);
    expect(v('temporal/activities/x.ts', '@bm/server')).toMatch(/nothing imports from apps/);
    expect(v('apps/api/src/x.ts', '@bm/server')).toMatch(/nothing imports from apps/);
    expect(v('apps/api/src/x.ts', '@bm/temporal/activities')).toMatch(/the API imports only/);
    expect(v('apps/worker/src/x.ts', '@bm/api')).toMatch(/nothing imports from apps/);
    expect(v('apps/web/src/x.ts', '@bm/server')).toMatch(/nothing imports from apps/);
    for (const [file, spec] of [
      ['apps/server/src/x.ts', '@bm/api'],
      ['apps/server/src/x.ts', '@bm/worker'],
      ['apps/web/e2e/app.int.test.ts', '@bm/server'],
      ['temporal/workflows/x.ts', '../shared'],
      ['temporal/workflows/x.ts', '@temporalio/workflow'],
      ['temporal/activities/x.ts', '@bm/nodes'],
      ['nodes/x.ts', '@bm/llm'],
      ['apps/api/src/x.ts', '@bm/temporal/client'],
    ] as const) {
      expect(v(file, spec), `${file} → ${spec}`).toBeUndefined();
    }
  });

  it('no source file imports against the direction', () => {
    const files = repoSources(root);
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((f) => {
      const from = unitOf(f);
      return importsOf(readFileSync(path.join(root, f), 'utf8'), f).flatMap(({ specifier, line }) => {
        const why = violation(from, f, resolveImport(f, specifier));
        return why ? [`${f}:${line}: imports '${specifier}': ${why}`] : [];
      });
    });
    expect(offenders, offenders.join('\n')).toEqual([]);
  }, 60_000);

  it('no workspace package depends against the direction', () => {
    expect(manifests.length).toBeGreaterThan(8);
    const offenders = manifests.flatMap((m) =>
      Object.entries({ ...m.deps, ...m.devDeps }).flatMap(([name]) => {
        const to = resolveImport(`${m.dir}/package.json`, name);
        if (to.kind === 'external') return [];
        // The web app's e2e test starts the server: a dev-only dependency.
        const file = m.dir === 'apps/web' && name in m.devDeps ? 'apps/web/e2e/package.json' : `${m.dir}/package.json`;
        const why = violation(unitOf(m.dir + '/'), file, to);
        return why ? [`${m.dir}/package.json depends on ${name}: ${why}`] : [];
      }),
    );
    expect(offenders, offenders.join('\n')).toEqual([]);
  });
});
