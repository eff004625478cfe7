// Read paths under load: GET /api/bots/:id (a 20-node bot) and GET /api/runs/:id (a finished run of
// the 4-node bench bot), autocannon in a child process, against two baselines measured in the
// same run: a bare Fastify route in the app's own process making the same repository calls
// (bench/api-target.ts), and the app at an older commit (default de732e4) on the same routes.
// A third row, no-db, serves the same answers from memory: what Fastify + JSON alone cost.
//   pnpm --filter @bm/bench api
//   BENCH_SECONDS=10 BENCH_CONNECTIONS=10 BENCH_BASELINE=de732e4 (BENCH_BASELINE=off: without it)
import { startFakeOpenAI } from '@bm/testing';
import { createBenchBot, type BenchBot, type System } from './lib/app';
import { httpLoad, type HttpLoadResult } from './lib/autocannon';
import { startCheckout } from './lib/baseline';
import { createBotWithGraph, finishedRun } from './lib/bots';
import { startNode } from './lib/process';
import { machine, ratio, table, writeResult } from './lib/report';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const graphSize = Number(process.env.BENCH_GRAPH_NODES ?? 20);
const baseline = ['', 'off', 'false', '0'].includes(process.env.BENCH_BASELINE ?? 'de732e4')
  ? null
  : (process.env.BENCH_BASELINE ?? 'de732e4');

interface Row extends HttpLoadResult {
  target: string;
  route: string;
}

const fake = await startFakeOpenAI({ validKeys: ['sk-bench-key'] });
const appEnv = { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${fake.port}` };
const rows: Row[] = [];

/** The bench user, its 4-node bot with one finished run, and a bigger bot — through the public API. */
async function fixtures(url: string) {
  const bench: BenchBot = await createBenchBot(url, fake.url);
  const runId = await finishedRun(url, bench);
  const botId = await createBotWithGraph(url, bench, graphSize);
  return { token: bench.token, botId, runId };
}

async function load(target: string, route: string, url: string, token: string, pid: number) {
  const r = await httpLoad(url, { connections, seconds, headers: { authorization: `Bearer ${token}` }, pids: [pid] });
  rows.push({ target, route, ...r });
  console.error(`${target} ${route}: ${r.requestsPerSecond} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, non-2xx ${r.non2xx}`);
}

const botsRoute = `GET /api/bots/:id (${graphSize} nodes)`;
const runsRoute = 'GET /api/runs/:id (4-node run)';

try {
  // Ours: the real routes and the bare ones, one process, one database.
  const target = startNode('api-target', 'bench/api-target.ts', { LOG_LEVEL: 'warn', ...appEnv });
  try {
    await target.ready(/api-target ready \{.*\}/);
    const { url, bareUrl } = JSON.parse(/api-target ready (\{.*\})/.exec(target.output())![1]!) as { url: string; bareUrl: string };
    const f = await fixtures(url);
    await load('real', botsRoute, `${url}/api/bots/${f.botId}`, f.token, target.pid);
    await load('bare', botsRoute, `${bareUrl}/bare/bots/${f.botId}`, f.token, target.pid);
    await load('real', runsRoute, `${url}/api/runs/${f.runId}`, f.token, target.pid);
    await load('bare', runsRoute, `${bareUrl}/bare/runs/${f.runId}`, f.token, target.pid);
    await load('no-db', botsRoute, `${bareUrl}/cached/bots/${f.botId}`, f.token, target.pid);
    await load('no-db', runsRoute, `${bareUrl}/cached/runs/${f.runId}`, f.token, target.pid);
  } finally {
    await target.stop();
  }

  if (baseline) {
    const sys: System = await startCheckout(baseline, appEnv);
    try {
      const f = await fixtures(sys.url);
      const pid = sys.processes()[0]!.pid;
      await load(baseline, botsRoute, `${sys.url}/api/bots/${f.botId}`, f.token, pid);
      await load(baseline, runsRoute, `${sys.url}/api/runs/${f.runId}`, f.token, pid);
    } finally {
      await sys.stop();
    }
  }
} finally {
  await fake.close();
}

const find = (target: string, route: string) => rows.find((r) => r.target === target && r.route === route);
const ratios = [botsRoute, runsRoute].map((route) => {
  const real = find('real', route)!;
  const bare = find('bare', route);
  const old = baseline ? find(baseline, route) : undefined;
  return {
    route,
    'real/bare req/s': bare ? ratio(real.requestsPerSecond, bare.requestsPerSecond) : NaN,
    'real/bare CPU per req': bare ? ratio(real.cpuMsPerRequest, bare.cpuMsPerRequest) : NaN,
    ...(old
      ? {
          [`real/${baseline} req/s`]: ratio(real.requestsPerSecond, old.requestsPerSecond),
          [`real/${baseline} CPU per req`]: ratio(real.cpuMsPerRequest, old.cpuMsPerRequest),
        }
      : {}),
  };
});

const result = {
  bench: 'api',
  when: new Date().toISOString(),
  machine: machine(),
  seconds,
  connections,
  graphSize,
  baseline,
  rows,
  ratios,
};
writeResult('api', result);
console.log(JSON.stringify(result, null, 2));
console.log(
  table(
    rows.map((r) => ({
      route: r.route,
      target: r.target,
      'req/s': r.requestsPerSecond,
      'p50 ms': r.p50Ms,
      'p99 ms': r.p99Ms,
      'non-2xx': r.non2xx,
      errors: r.errors,
      'CPU ms/req': r.cpuMsPerRequest,
    })),
  ),
);
console.log(table(ratios));
if (rows.some((r) => r.non2xx || r.errors)) {
  console.error('some requests failed (non-2xx or errors): the numbers above are not comparable');
  process.exitCode = 1;
}
