// Engine benchmark: how much does durable execution (Temporal + per-node DB recording) cost per node,
// compared with running the same nodes in-process in the same run (the baseline)?
//   pnpm --filter @bm/bench engine            (embedded: PGlite + its own Temporal dev server)
//   BENCH_SIZES=10,50,200 pnpm --filter @bm/bench engine
// Prints JSON (one object per graph) and a short table. Ratios, not absolute times, are comparable
// across machines.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@temporalio/client';
import { executeNode, getNodeDefinition, type NodeContext } from '@bm/nodes';
import { startServer } from '@bm/server';
import { runWorkflowId } from '@bm/temporal/shared';

type Shape = 'chain' | 'fanout';
const sizes = (process.env.BENCH_SIZES ?? '10,50').split(',').map(Number);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);

function graphOf(shape: Shape, n: number) {
  const nodes = [{ id: 'in', type: 'source.manual', params: {}, position: { x: 0, y: 0 } }];
  const edges: { id: string; source: string; target: string }[] = [];
  for (let i = 0; i < n; i++) {
    const prev = shape === 'chain' ? (i === 0 ? 'in' : `t${i - 1}`) : 'in';
    nodes.push({
      id: `t${i}`,
      type: 'transform.template',
      params: { template: `step ${i}: {{ input.word }}` } as never,
      position: { x: i, y: 0 },
    });
    edges.push({ id: `e${i}`, source: prev, target: `t${i}` });
  }
  return { nodes, edges };
}

/** The same node work without Temporal or the database. */
async function baselineMs(n: number) {
  const def = getNodeDefinition('transform.template')!;
  const ctx = { nodeId: 'x' } as NodeContext;
  const t0 = performance.now();
  for (let i = 0; i < n; i++)
    await executeNode(def, { template: `step ${i}: {{ input.word }}` }, { input: { word: 'hi' }, nodes: {} }, ctx);
  return performance.now() - t0;
}

const server = await startServer({ port: 0, dataDir: mkdtempSync(path.join(tmpdir(), 'bm-bench-')), env: { LOG_LEVEL: 'silent' } });
const call = async (method: string, p: string, body?: unknown, cookie = '') => {
  const res = await fetch(server.url + p, {
    method,
    headers: { 'content-type': 'application/json', cookie },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { res, json: (await res.json().catch(() => null)) as any };
};
const signup = await call('POST', '/api/auth/signup', {
  email: `bench${Date.now()}@example.com`,
  password: 'benchmark-pass',
  name: 'Bench',
});
const cookie = signup.res.headers.get('set-cookie')!.split(';')[0]!;
const temporal = new Client({
  connection: await (await import('@temporalio/client')).Connection.connect({ address: server.temporalAddress }),
});

const rows: Record<string, unknown>[] = [];
for (const shape of ['chain', 'fanout'] as Shape[]) {
  for (const n of sizes) {
    const bot = await call('POST', '/api/bots', { name: `${shape}-${n}`, graph: graphOf(shape, n) }, cookie);
    const times: number[] = [];
    let events = 0;
    let inNodesMs = 0;
    for (let r = 0; r < repeats; r++) {
      const { json } = await call('POST', `/api/bots/${bot.json.id}/runs`, { input: { word: 'hi' } }, cookie);
      for (;;) {
        const run = (await call('GET', `/api/runs/${json.runId}`, undefined, cookie)).json;
        if (['succeeded', 'failed', 'cancelled'].includes(run.status)) {
          if (run.status !== 'succeeded') throw new Error(`bench run ${run.status}`);
          // Time inside runNode activities (recorded start → finish), vs orchestration around them.
          // Server-side duration (queued → finished), so the client's polling does not skew it.
          times.push(Date.parse(run.finishedAt) - Date.parse(run.createdAt));
          inNodesMs = run.nodes.reduce((sum: number, x: any) => sum + (Date.parse(x.finishedAt) - Date.parse(x.startedAt)), 0);
          break;
        }
        await new Promise((res) => setTimeout(res, 100));
      }
      const history = await temporal.workflow.getHandle(runWorkflowId(json.runId)).fetchHistory();
      events = history.events?.length ?? 0;
    }
    const base = await baselineMs(n + 1);
    const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    rows.push({
      shape,
      nodes: n + 1,
      runMedianMs: Math.round(median),
      perNodeMs: +(median / (n + 1)).toFixed(2),
      baselineMs: +base.toFixed(2),
      overheadRatio: Math.round(median / Math.max(base, 0.01)),
      inNodeActivitiesMs: inNodesMs,
      historyEvents: events,
      historyEventsPerNode: +(events / (n + 1)).toFixed(1),
    });
  }
}
await temporal.connection.close();
await server.close();

console.log(JSON.stringify({ bench: 'engine', repeats, results: rows }, null, 2));
console.table(rows);
