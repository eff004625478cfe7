import { startFakeOpenAI } from '@bm/testing';
import { createBenchBot, runOnce, startEmbedded } from './lib/app';
const fake = await startFakeOpenAI({ validKeys: ['sk-bench-key'] });
const sys = await startEmbedded({ BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${fake.port}` });
const bot = await createBenchBot(sys.url, fake.url);
for (let i = 0; i < 15; i++) await runOnce(sys.url, bot);
const acc: Record<string, number[]> = {};
const add = (k: string, v: number) => (acc[k] ??= []).push(v);
for (let i = 0; i < 30; i++) {
  const t0 = Date.now();
  const r = await runOnce(sys.url, bot);
  const t1 = Date.now();
  const T = (s: string) => Date.parse(s);
  add('client total', t1 - t0);
  add('request→created', T(r.createdAt) - t0);
  add('created→claimed', T(r.startedAt) - T(r.createdAt));
  let prev = T(r.startedAt);
  for (const n of r.nodes) {
    add(`gap→${n.nodeId}`, T(n.startedAt) - prev);
    add(`${n.nodeId} run`, T(n.finishedAt) - T(n.startedAt));
    prev = T(n.finishedAt);
  }
  add('last→finished', T(r.finishedAt) - prev);
  add('finished→response', t1 - T(r.finishedAt));
}
for (const [k, v] of Object.entries(acc)) {
  v.sort((a, b) => a - b);
  console.log(k.padEnd(22), 'p50', v[Math.floor(v.length / 2)], 'ms');
}
await sys.stop();
await fake.close();
