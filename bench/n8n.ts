// n8n side by side: the benchmark bot's shape as an n8n workflow (webhook → HTTP Request to the
// loopback fake OpenAI → Set "Answer: <text>", answered when the last node finishes), under the
// same closed-loop load as bench/throughput.ts, with the n8n process's CPU per run.
//   pnpm --filter @bm/bench n8n
//   BENCH_SECONDS=30 BENCH_CONCURRENCY=1,8,32 BENCH_N8N_ENV=DB_SQLITE_POOL_SIZE=4,… (extra n8n settings)
// n8n 1.123.81 is installed into bench/.n8n/ on first use (npm registry, a few minutes, ~1.8 GB).
import { startFakeOpenAI } from '@bm/testing';
import { closedLoopWithCpu } from './lib/load';
import { N8N_VERSION, startN8n } from './lib/n8n';
import { cpuSeconds } from './lib/process';
import { loadTable, machine, writeResult } from './lib/report';

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const concurrencies = (process.env.BENCH_CONCURRENCY ?? '1,8,32').split(',').map(Number);
const n8nEnv = Object.fromEntries(
  (process.env.BENCH_N8N_ENV ?? '')
    .split(',')
    .filter(Boolean)
    .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
);
const layout = `n8n ${N8N_VERSION}${
  Object.keys(n8nEnv).length
    ? ` (${Object.entries(n8nEnv)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')})`
    : ''
}`;

const fake = await startFakeOpenAI({ validKeys: ['sk-bench-key'] });
const rows: (Awaited<ReturnType<typeof closedLoopWithCpu>> & { layout: string })[] = [];
try {
  const n8n = await startN8n({ llmUrl: fake.url, env: n8nEnv });
  try {
    for (let i = 0; i < 5; i++) await n8n.runOnce(); // warm caches and JIT
    for (const concurrency of concurrencies) {
      const r = await closedLoopWithCpu(n8n.runOnce, { concurrency, seconds }, n8n.processes(), cpuSeconds);
      rows.push({ layout, ...r });
      console.error(`n8n ×${concurrency}: ${r.perSecond} runs/s, p50 ${r.p50Ms} ms, errors ${r.errors}`);
    }
  } finally {
    await n8n.stop();
  }
} finally {
  await fake.close();
}

const result = { bench: 'n8n', when: new Date().toISOString(), machine: machine(), seconds, n8nVersion: N8N_VERSION, n8nEnv, rows };
writeResult('n8n', result);
console.log(JSON.stringify(result, null, 2));
console.log(loadTable(rows));
if (rows.some((r) => r.errors)) {
  console.error(`some runs failed (first: ${rows.find((r) => r.firstError)?.firstError}): the numbers above are not comparable`);
  process.exitCode = 1;
}
