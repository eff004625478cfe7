// The systems under test, started as separate processes: Bot Manager's embedded default (one
// process + its Temporal dev server child) and the production layout (PostgreSQL, a Temporal dev
// server, one API process and N worker processes). Plus the one bot every throughput number uses.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { startPrivatePostgres } from '@bm/db/testing';
import { freePort, startTemporalDevServer } from '@bm/server/dev-server';
import { childPids, commandLine, limitCpu, startNode, type Proc } from './process';

export interface MeasuredProcess {
  name: string;
  pid: number;
}

export interface System {
  url: string;
  /** Every process whose CPU is part of the system's cost. */
  processes(): MeasuredProcess[];
  /** Set when a CPU limit was asked for but could not be applied. */
  note?: string;
  stop(): Promise<void>;
}

const quiet = { LOG_LEVEL: 'warn' };
/** BENCH_PROFILE_DIR=dir: every Bot Manager process writes a V8 CPU profile there when it stops. */
const profileArgs = (name: string) =>
  process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`]
    : [];

/** The embedded default exactly as `bash scripts/start.sh` runs it (PGlite, its own dev server). */
export async function startEmbedded(env: Record<string, string>): Promise<System> {
  const port = await freePort();
  const app = startNode(
    'app',
    'apps/server/src/main.ts',
    {
      ...quiet,
      ...env,
      PORT: String(port),
      BOT_MANAGER_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bm-bench-app-')),
    },
    profileArgs('app'),
  );
  await app.ready(/running at http/);
  const devServer = childPids(app.pid).find((p) => commandLine(p).includes('start-dev'));
  return {
    url: `http://127.0.0.1:${port}`,
    processes: () => [{ name: 'app', pid: app.pid }, ...(devServer ? [{ name: 'temporal', pid: devServer }] : [])],
    stop: () => app.stop(),
  };
}

async function waitForAnswer(url: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Up once it answers at all: health says 503 until a worker polls, and workers start after the
    // API (which applied the migrations).
    const ok = await fetch(`${url}/api/health`).then(
      () => true,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} did not become healthy`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Waits until `count` distinct workers poll the task queue for workflow tasks. */
async function waitForPollers(address: string, taskQueue: string, count: number) {
  const connection = await Connection.connect({ address });
  try {
    for (let i = 0; i < 480; i++) {
      const r = await connection.workflowService.describeTaskQueue({
        namespace: 'default',
        taskQueue: { name: taskQueue },
        taskQueueType: 1,
      });
      if (new Set((r.pollers ?? []).map((p) => p.identity)).size >= count) return;
      await new Promise((res) => setTimeout(res, 250));
    }
    throw new Error(`only some of ${count} workers started`);
  } finally {
    await connection.close();
  }
}

/**
 * The production layout: PostgreSQL, a Temporal dev server started with the app's settings, one
 * API process, `workers` worker processes — each limited to `workerCores` of a core when given.
 */
export async function startProduction(opts: { workers: number; workerCores?: number; env: Record<string, string> }): Promise<System> {
  const pg = await startPrivatePostgres();
  const temporal = await startTemporalDevServer({ dbFile: path.join(mkdtempSync(path.join(tmpdir(), 'bm-bench-t-')), 'temporal.db') });
  const taskQueue = 'bench';
  const shared = {
    ...quiet,
    ...opts.env,
    DATABASE_URL: pg.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: taskQueue,
    BOT_MANAGER_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    BOT_MANAGER_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bm-bench-prod-')),
  };
  const procs: Proc[] = [];
  const stop = async () => {
    await Promise.all(procs.map((p) => p.stop()));
    await temporal.stop();
    await pg.close();
  };
  try {
    const port = await freePort();
    const api = startNode('api', 'apps/server/src/main-api.ts', { ...shared, PORT: String(port) }, profileArgs('api'));
    procs.push(api);
    const url = `http://127.0.0.1:${port}`;
    await waitForAnswer(url); // migrations are applied by the first process to start
    let limited = true;
    for (let i = 0; i < opts.workers; i++) {
      const w = startNode(`worker-${i + 1}`, 'apps/server/src/main-worker.ts', shared, profileArgs(`worker-${i + 1}`));
      procs.push(w);
      if (opts.workerCores) limited = limitCpu(w.pid, opts.workerCores) && limited;
    }
    await waitForPollers(temporal.address, taskQueue, opts.workers);
    return {
      url,
      processes: () => [
        ...procs.map((p) => ({ name: p.name, pid: p.pid })),
        ...(temporal.pid() ? [{ name: 'temporal', pid: temporal.pid()! }] : []),
      ],
      note:
        opts.workerCores && !limited ? `worker CPU limit of ${opts.workerCores} core not applied (needs cgroup v1 cpu, root)` : undefined,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

export interface BenchBot {
  token: string;
  botId: string;
}

async function json(res: Response) {
  const body = (await res.json().catch(() => null)) as any;
  if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** A user, an API token, a connection to the fake LLM, and the 4-node bot: manual → llm.chat → template → results. */
/** `stopBudget`: the workspace gets a stop budget far above what the bench spends, so every LLM call takes the budget check's full path (estimate, locked hold, release). */
export async function createBenchBot(url: string, llmUrl: string, opts: { stopBudget?: boolean } = {}): Promise<BenchBot> {
  const signup = await fetch(`${url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: `bench-${Date.now()}@example.com`, password: 'benchmark pass phrase', name: 'Bench' }),
  });
  await json(signup);
  const cookie = signup.headers.get('set-cookie')!.split(';')[0]!;
  const asUser = (p: string, body: unknown) =>
    fetch(`${url}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: url },
      body: JSON.stringify(body),
    }).then(json);
  const { token } = await asUser('/api/tokens', { name: 'bench' });
  const connection = await asUser('/api/llm-connections', {
    provider: 'other',
    name: 'Loopback fake',
    apiKey: 'sk-bench-key',
    baseUrl: llmUrl,
    modelDefault: 'fake-1',
  });
  if (opts.stopBudget) await asUser('/api/budgets', { scope: 'workspace', period: 'month', limitUsd: 1_000_000, action: 'stop' });
  const pos = { x: 0, y: 0 };
  const bot = await asUser('/api/bots', {
    name: 'Throughput bench',
    llmConnectionId: connection.id,
    graph: {
      nodes: [
        { id: 'in', type: 'source.manual', params: {}, position: pos },
        { id: 'llm', type: 'llm.chat', params: { purpose: 'analyze', prompt: 'Say hi to {{ input.name }}' }, position: pos },
        { id: 'fmt', type: 'transform.template', params: { template: 'Answer: {{ nodes.llm.output.text }}' }, position: pos },
        { id: 'out', type: 'output.results', params: { content: '{{ nodes.fmt.output }}' }, position: pos },
      ],
      edges: [
        { id: 'e1', source: 'in', target: 'llm' },
        { id: 'e2', source: 'llm', target: 'fmt' },
        { id: 'e3', source: 'fmt', target: 'out' },
      ],
    },
  });
  return { token, botId: bot.id };
}

/** One run through the synchronous start; throws unless it finished and succeeded. */
export async function runOnce(url: string, bot: BenchBot): Promise<any> {
  const res = await fetch(`${url}/api/bots/${bot.botId}/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bot.token}` },
    body: JSON.stringify({ input: { name: 'Bench' }, wait: 30 }),
  });
  const body = await json(res);
  if (res.status !== 200 || body.status !== 'succeeded')
    throw new Error(`run ${body.runId ?? body.id}: ${res.status} ${body.status ?? ''}`);
  return body;
}
