import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The Temporal CLI: $TEMPORAL_CLI, else `temporal` on PATH, else the project-local PyPI install in .tools/. */
export function findTemporalCli(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TEMPORAL_CLI && existsSync(env.TEMPORAL_CLI)) return env.TEMPORAL_CLI;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, 'temporal');
    if (dir && existsSync(p)) return p;
  }
  const local = path.join(repoRoot, '.tools/venv/bin/temporal');
  if (existsSync(local)) return local;
  throw new Error(
    'The Temporal CLI was not found. Run `bash scripts/start.sh` (it installs it into .tools/), or set TEMPORAL_ADDRESS to an existing Temporal cluster.',
  );
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A dev server left behind by an app that was SIGKILLed still holds the database file: stop it
 * before starting a new one on the same file. Identified by the pid file AND its command line.
 */
async function stopStale(pidFile: string, dbFile: string) {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    // not running (or not Linux): nothing to stop
  }
  if (pid > 0 && cmdline.includes('start-dev') && cmdline.includes(dbFile)) {
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 50 && existsSync(`/proc/${pid}`); i++) await new Promise((r) => setTimeout(r, 100));
    if (existsSync(`/proc/${pid}`)) process.kill(pid, 'SIGKILL');
  }
  rmSync(pidFile, { force: true });
}

export interface DevServer {
  address: string;
  /** The server process now (it changes when the supervisor restarts it). */
  pid(): number | undefined;
  stop(): Promise<void>;
}

/**
 * Starts `temporal server start-dev` headless on loopback as a child process, persisting to
 * `dbFile` when given (in memory otherwise), and waits until it answers.
 */
export interface DevServerOptions {
  dbFile?: string;
  cli?: string;
  port?: number;
  namespace?: string;
  /** Restart the server if it exits on its own (the embedded app; persisted state survives). */
  supervise?: boolean;
  log?: (message: string) => void;
}

/** Restarts allowed within RESTART_WINDOW_MS before the supervisor gives up (a crash loop). */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 5 * 60_000;

/**
 * Starts `temporal server start-dev` headless on loopback as a child process, persisting to
 * `dbFile` when given (in memory otherwise), and waits until it answers.
 */
export async function startTemporalDevServer(opts: DevServerOptions = {}): Promise<DevServer> {
  const cli = opts.cli ?? findTemporalCli();
  const port = opts.port ?? (await freePort());
  const args = ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'error'];
  // Lets a worker in the same process as the client take a run's first workflow task straight from
  // the start call (no round trip through the task queue).
  args.push('--dynamic-config-value', 'system.enableEagerWorkflowStart=true');
  const pidFile = opts.dbFile ? `${opts.dbFile}.pid` : undefined;
  if (opts.dbFile) {
    mkdirSync(path.dirname(opts.dbFile), { recursive: true });
    await stopStale(pidFile!, opts.dbFile);
    args.push('--db-filename', opts.dbFile);
    // The default rollback journal syncs every transaction twice; WAL with synchronous=NORMAL syncs
    // at checkpoints only. It survives any crash of the processes (the app, the server); only an
    // OS crash or power cut can lose the last moments — for the embedded default, on one machine,
    // that is the right trade for about twice the runs per second (measured in bench/throughput).
    args.push('--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal');
  }
  if (opts.namespace && opts.namespace !== 'default') args.push('--namespace', opts.namespace);
  const address = `127.0.0.1:${port}`;
  let stopping = false;
  let stderr = '';
  const restarts: number[] = [];

  let child!: ChildProcess;
  let exited!: Promise<number | null>;
  // If this process dies without stopping us (a crash, a test runner exiting), take the child along.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);

  const launch = () => {
    // Own process group: a terminal's Ctrl+C reaches only the app, which then stops the server itself
    // (otherwise the supervisor would see a "crash" during shutdown).
    child = spawn(cli, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    if (pidFile && child.pid) writeFileSync(pidFile, String(child.pid));
    child.stderr?.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.once('exit', (code, signal) => {
      if (stopping || !opts.supervise) return;
      const now = Date.now();
      while (restarts.length && now - restarts[0]! > RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length >= MAX_RESTARTS) {
        opts.log?.(`The Temporal dev server keeps exiting (last: ${signal ?? `code ${code}`}); not restarting it again. ${stderr.trim()}`);
        return;
      }
      restarts.push(now);
      opts.log?.(`The Temporal dev server exited (${signal ?? `code ${code}`}); restarting it on ${address}.`);
      // Workers and clients reconnect to the same address by themselves; runs resume from history.
      setTimeout(() => {
        if (!stopping) launch();
      }, 1000).unref();
    });
  };
  launch();

  const stop = async () => {
    stopping = true;
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && !child.signalCode) {
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    }
    if (pidFile) rmSync(pidFile, { force: true });
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null && (!opts.supervise || restarts.length >= MAX_RESTARTS))
      throw new Error(`The Temporal dev server exited (code ${child.exitCode}): ${stderr.trim()}`);
    try {
      const conn = await Connection.connect({ address, connectTimeout: 1000 });
      await conn.workflowService.getSystemInfo({});
      await conn.close();
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`The Temporal dev server did not answer on ${address} within 60 s. ${stderr.trim()}`);
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  return { address, pid: () => child.pid, stop };
}
