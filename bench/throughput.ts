// Throughput: the 4-node bot (manual → llm.chat to a loopback fake → template → results) at several
// concurrencies, on the embedded default and on the production layout, against the floor measured
// in the same run: a bare Temporal workflow with as many regular and local no-op activities, in the
// same order, as one of our runs records, on a dev server started with our settings, with its client
// in the worker's process behind an HTTP call, as ours is (eager start included).
//   pnpm --filter @bm/bench throughput
//   BENCH_SECONDS=30 BENCH_CONCURRENCY=1,8,32 BENCH_LAYOUTS=embedded,floor,n8n,production-1,production-2,scaleout-1,scaleout-2
// (embedded-budget: the embedded app with a workspace stop budget, so each LLM call is checked and held;
// BENCH_RESULT names the results file, e.g. throughput-budget, so a partial run keeps the full one.)
// (n8n: the same shape on n8n 1.123, installed into bench/.n8n on first use — bench/n8n.ts alone too.)
// Completion is observed through the synchronous start (POST …/runs { wait }), not by polling.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { startFakeOpenAI } from '@bm/testing';
import { startTemporalDevServer } from '@bm/server/dev-server';
import { createBenchBot, runOnce, startEmbedded, startProduction, type System } from './lib/app';
import { installN8n, N8N_VERSION, startN8n } from './lib/n8n';
import { closedLoopWithCpu, type LoadResult } from './lib/load';
import { commandLine, cpuSeconds, removeCpuLimits, startNode } from './lib/process';
import { loadTable, machine, ratio, table, writeResult } from './lib/report';

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const concurrencies = (process.env.BENCH_CONCURRENCY ?? '1,8,32').split(',').map(Number);
const scaleOutConcurrency = Number(process.env.BENCH_SCALEOUT_CONCURRENCY ?? 32);
const layouts = (process.env.BENCH_LAYOUTS ?? 'embedded,floor,n8n,production-1,production-2,scaleout-1,scaleout-2').split(',');
/** Each scale-out worker gets this share of a core, so two of them cannot simply use idle cores. */
const scaleOutCores = Number(process.env.BENCH_WORKER_CORES ?? 0.5);

interface Row extends LoadResult {
  layout: string;
  /** CPU seconds per completed run, by process. */
  cpuPerRun: Record<string, number>;
  note?: string;
}

const fake = await startFakeOpenAI({ validKeys: ['sk-bench-key'] });
const appEnv = { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${fake.port}` };
const rows: Row[] = [];
/** BENCH_FLOOR_SHAPE (e.g. LRL) measures a floor of another shape, to see what fewer steps would buy. */
let shape = process.env.BENCH_FLOOR_SHAPE ?? '';

/** Runs the load at each concurrency, with each process's CPU measured over the counted window. */
async function measure(layout: string, sys: Pick<System, 'processes' | 'note'>, op: () => Promise<void>, levels: number[]) {
  for (let i = 0; i < 5; i++) await op(); // warm caches and JIT
  for (const concurrency of levels) {
    const result = await closedLoopWithCpu(op, { concurrency, seconds }, sys.processes(), cpuSeconds);
    const row: Row = { layout, ...result, ...(sys.note ? { note: sys.note } : {}) };
    rows.push(row);
    console.error(`${layout} ×${concurrency}: ${result.perSecond} runs/s, p50 ${result.p50Ms} ms, errors ${result.errors}`);
  }
}

/** The order of regular (R) and local (L) activities one run records in its workflow history. */
async function runShape(address: string, runId: string): Promise<string> {
  const connection = await Connection.connect({ address });
  try {
    const history = await new Client({ connection }).workflow.getHandle(`run-${runId}`).fetchHistory();
    let s = '';
    for (const e of history.events ?? []) {
      if (e.activityTaskScheduledEventAttributes) s += 'R';
      else if (e.markerRecordedEventAttributes?.markerName === 'core_local_activity') s += 'L';
    }
    return s;
  } finally {
    await connection.close();
  }
}

async function withSystem<S extends System>(start: () => Promise<S>, fn: (sys: S) => Promise<void>) {
  const sys = await start();
  try {
    await fn(sys);
  } finally {
    await sys.stop();
  }
}

async function benchApp(layout: string, start: () => Promise<System>, levels: number[], opts: { stopBudget?: boolean } = {}) {
  await withSystem(start, async (sys) => {
    const bot = await createBenchBot(sys.url, fake.url, opts);
    const first = await runOnce(sys.url, bot);
    if (!shape) {
      const temporal = sys.processes().find((p) => p.name === 'temporal');
      const port = temporal && /--port (\d+)/.exec(commandLine(temporal.pid))?.[1];
      if (port) shape = await runShape(`127.0.0.1:${port}`, first.id);
    }
    await measure(layout, sys, () => runOnce(sys.url, bot).then(() => {}), levels);
  });
}

async function benchFloor(levels: number[]) {
  if (!shape) throw new Error('the floor needs the shape of a measured run: put "embedded" before "floor" in BENCH_LAYOUTS');
  const dev = await startTemporalDevServer({ dbFile: path.join(mkdtempSync(path.join(tmpdir(), 'bm-bench-floor-')), 'temporal.db') });
  const worker = startNode('floor-worker', 'bench/floor/worker.ts', {
    TEMPORAL_ADDRESS: dev.address,
    BENCH_TASK_QUEUE: 'floor',
    BENCH_SHAPE: shape,
  });
  try {
    await worker.ready(/floor worker ready on \d+/);
    const url = `http://127.0.0.1:${/floor worker ready on (\d+)/.exec(worker.output())![1]}/run`;
    const op = async () => {
      const res = await fetch(url, { method: 'POST' });
      if (!res.ok) throw new Error(`floor run: ${res.status} ${await res.text()}`);
    };
    await measure(
      `floor (${shape})`,
      {
        processes: () => [
          { name: 'worker', pid: worker.pid },
          { name: 'temporal', pid: dev.pid()! },
        ],
      },
      op,
      levels,
    );
  } finally {
    await worker.stop();
    await dev.stop();
  }
}

try {
  for (const layout of layouts) {
    if (layout === 'embedded') await benchApp('embedded', () => startEmbedded(appEnv), concurrencies);
    else if (layout === 'embedded-budget')
      await benchApp('embedded-budget', () => startEmbedded(appEnv), concurrencies, { stopBudget: true });
    else if (layout === 'floor') await benchFloor(concurrencies);
    else if (layout === 'n8n') {
      await installN8n();
      await withSystem(
        () => startN8n({ llmUrl: fake.url }),
        (sys) => measure(`n8n ${N8N_VERSION}`, sys, () => sys.runOnce(), concurrencies),
      );
    } else if (/^production-\d+$/.test(layout)) {
      const workers = Number(layout.split('-')[1]);
      await benchApp(layout, () => startProduction({ workers, env: appEnv }), concurrencies);
    } else if (/^scaleout-\d+$/.test(layout)) {
      const workers = Number(layout.split('-')[1]);
      await benchApp(
        `${layout} (${scaleOutCores} core each)`,
        () => startProduction({ workers, workerCores: scaleOutCores, env: appEnv }),
        [scaleOutConcurrency],
      );
    } else throw new Error(`unknown layout ${layout}`);
  }
} finally {
  await fake.close();
  removeCpuLimits();
}

// A layout's rows by its name; measured names may add a detail after a space ("floor (LRL)", "n8n 1.123").
const at = (layout: string, c: number) =>
  rows.find((r) => (r.layout === layout || r.layout.startsWith(`${layout} `)) && r.concurrency === c);
const ratios: Record<string, number> = {};
const floor8 = at('floor', 8);
const floor1 = at('floor', 1);
const emb8 = at('embedded', 8);
const budget8 = at('embedded-budget', 8);
if (emb8 && budget8) ratios['embedded with a stop budget / without, runs/s @8'] = ratio(budget8.perSecond, emb8.perSecond);
if (emb8 && floor8) ratios['embedded/floor runs/s @8 (target ≥ 0.8)'] = ratio(emb8.perSecond, floor8.perSecond);
if (at('embedded', 1) && floor1) ratios['embedded/floor p50 alone (target ≤ 1.5)'] = ratio(at('embedded', 1)!.p50Ms, floor1.p50Ms);
const n8n8 = at('n8n', 8);
if (emb8 && n8n8) ratios['embedded/n8n runs/s @8 (target ≥ 0.5)'] = ratio(emb8.perSecond, n8n8.perSecond);
if (emb8 && at('embedded', 32)) ratios['embedded @32 / @8 runs/s (target ≥ 0.9)'] = ratio(at('embedded', 32)!.perSecond, emb8.perSecond);
const s1 = at('scaleout-1', scaleOutConcurrency);
const s2 = at('scaleout-2', scaleOutConcurrency);
if (s1 && s2) ratios['scale-out 2 workers / 1 (target ≥ 1.6)'] = ratio(s2.perSecond, s1.perSecond);

const report = { benchmark: 'throughput', at: new Date().toISOString(), machine: machine(), seconds, shape, rows, ratios };
console.log(JSON.stringify(report, null, 2));
writeResult(process.env.BENCH_RESULT ?? 'throughput', report);
console.log('\n' + loadTable(rows));
console.log('\n' + table(Object.entries(ratios).map(([k, v]) => ({ ratio: k, value: v }))));
