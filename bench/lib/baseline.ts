// An older commit of this repository as a baseline: checked out beside the working tree in
// bench/.baseline/bm-<commit> (git worktree, detached), installed with its own pinned pnpm and
// lockfile, and its embedded default started the way its README says (apps/server/src/main.ts).
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findTemporalCli, freePort } from '@bm/server/dev-server';
import type { System } from './app';
import { childPids, commandLine, repoRoot, runCommand, startCommand } from './process';

/** Checks out and installs `commit` once; returns the folder. */
export async function prepareCheckout(commit: string): Promise<string> {
  const dir = path.join(repoRoot, 'bench', '.baseline', `bm-${commit}`);
  if (!existsSync(path.join(dir, 'package.json'))) {
    mkdirSync(path.dirname(dir), { recursive: true });
    console.error(`checking out ${commit} into ${path.relative(repoRoot, dir)}/…`);
    await runCommand('git', ['worktree', 'prune'], { cwd: repoRoot }); // a folder deleted by hand leaves a stale entry
    await runCommand('git', ['worktree', 'add', '--detach', dir, commit], { cwd: repoRoot });
  }
  // Its own pnpm ("packageManager"), so its lockfile installs exactly as it did then.
  const pm =
    (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { packageManager?: string }).packageManager ?? 'pnpm@12.4.2';
  const pnpm = (...args: string[]) => runCommand('npx', ['-y', pm, ...args], { cwd: dir });
  if (!existsSync(path.join(dir, 'node_modules', '.modules.yaml'))) {
    console.error(`installing ${commit} with ${pm}…`);
    await pnpm('install', '--frozen-lockfile');
  }
  if (!existsSync(path.join(dir, 'packages', 'db', 'src', 'generated'))) await pnpm('--filter', '@bm/db', 'run', 'db:generate');
  return dir;
}

/**
 * The checkout's embedded default (one process: API + worker + PGlite, a Temporal dev server child).
 * Runs on the Node running the bench (de732e4 asks for >= 20.19 and runs on 24), so both versions
 * are measured on the same runtime.
 */
export async function startCheckout(commit: string, env: Record<string, string>): Promise<System> {
  const dir = await prepareCheckout(commit);
  const port = await freePort();
  const app = startCommand(commit, process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: dir,
    env: {
      LOG_LEVEL: 'warn',
      ...env,
      PORT: String(port),
      BOT_MANAGER_DATA_DIR: mkdtempSync(path.join(tmpdir(), `bm-bench-${commit}-`)),
      // The checkout has no .tools/ of its own: give it the CLI this working tree would use.
      TEMPORAL_CLI: findTemporalCli(),
    },
  });
  await app.ready(/running at http/);
  const devServer = childPids(app.pid).find((p) => commandLine(p).includes('start-dev'));
  return {
    url: `http://127.0.0.1:${port}`,
    processes: () => [{ name: commit, pid: app.pid }, ...(devServer ? [{ name: 'temporal', pid: devServer }] : [])],
    stop: () => app.stop(),
  };
}
