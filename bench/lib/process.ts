// Child processes for benchmarks, and what they cost: CPU seconds read from /proc (Linux), so the
// load generator's own CPU never counts against the system under test.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLOCK_TICKS = 100; // getconf CLK_TCK on Linux

/** utime + stime of one process, in seconds (0 once it is gone). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: fields start after the closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** Direct children of a process (e.g. the Temporal dev server the embedded app starts). */
export function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

export interface Proc {
  name: string;
  pid: number;
  child: ChildProcess;
  /** Resolves when the process printed a line matching `pattern` (or rejects when it exits first). */
  ready(pattern: RegExp, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
  output(): string;
}

/** Starts a TypeScript entry point of this repository with Node (tsx), with extra environment. */
export function startNode(name: string, entry: string, env: Record<string, string>, args: string[] = []): Proc {
  return startCommand(name, process.execPath, ['--import', 'tsx', ...args, entry], { env });
}

const CGROUP_CPU = '/sys/fs/cgroup/cpu';

/**
 * Limits a process to a share of one core (cgroup v1 CFS quota; needs root). Returns false when
 * the machine does not allow it, so the caller can say the limit was not applied.
 */
export function limitCpu(pid: number, cores: number): boolean {
  if (!existsSync(path.join(CGROUP_CPU, 'cpu.cfs_quota_us'))) return false;
  const dir = path.join(CGROUP_CPU, `bm-bench-${pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'cpu.cfs_period_us'), '100000');
    writeFileSync(path.join(dir, 'cpu.cfs_quota_us'), String(Math.round(cores * 100_000)));
    // Every thread of the process (libuv pool, Temporal core) goes into the group.
    for (const tid of readdirSync(`/proc/${pid}/task`)) writeFileSync(path.join(dir, 'tasks'), tid);
    return true;
  } catch {
    return false;
  }
}

/** Removes the cgroups limitCpu made (once their processes have exited). */
export function removeCpuLimits(): void {
  if (!existsSync(CGROUP_CPU)) return;
  for (const d of readdirSync(CGROUP_CPU)) {
    if (!d.startsWith('bm-bench-')) continue;
    try {
      rmdirSync(path.join(CGROUP_CPU, d));
    } catch {
      // still in use
    }
  }
}

/** Starts any program (e.g. a peer such as n8n) the way startNode starts our entry points. */
export function startCommand(name: string, command: string, args: string[], opts: { env: Record<string, string>; cwd?: string }): Proc {
  const child = spawn(command, args, {
    cwd: opts.cwd ?? repoRoot,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters: { pattern: RegExp; resolve(): void }[] = [];
  const onData = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
    for (const w of [...waiters]) {
      if (!w.pattern.test(out)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    pid: child.pid!,
    child,
    output: () => out,
    ready(pattern, timeoutMs = 120_000) {
      if (pattern.test(out)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`${name} did not get ready in time:\n${out}`)), timeoutMs);
        waiters.push({ pattern, resolve: () => (clearTimeout(t), resolve()) });
        void exited.then(() => reject(new Error(`${name} exited before it was ready:\n${out}`)));
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** Runs a program to completion; rejects with its output when it fails. */
export function runCommand(command: string, args: string[], opts: { env?: Record<string, string>; cwd: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
    child.stderr.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${out.slice(-4000)}`)),
    );
  });
}
