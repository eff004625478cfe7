// Outbound-path benchmark: what do the SSRF guard and the callLLM wrapper (real openai SDK, key
// decryption, connection resolution, error mapping) cost per request, compared with a plain fetch to
// the same loopback server in the same run?
//   pnpm --filter @bm/bench outbound           (BENCH_N=1000 requests per variant by default)
// Prints JSON and a table; compare the ratios, not the absolute numbers.
import { randomBytes } from 'node:crypto';
import { createLlmService, type LlmConnectionRecord } from '@bm/llm';
import { createGuardedFetch, createOutboundPolicy } from '@bm/net';
import { createKeyRing, encryptSecret } from '@bm/secrets';
import { startFakeOpenAI } from '@bm/testing';
import { startHttpFixture } from '@bm/testing/fixtures';

const N = Number(process.env.BENCH_N ?? 1000);

async function time(label: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < Math.min(50, N); i++) await fn(); // warm up connections and JIT
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await fn();
  const ms = performance.now() - t0;
  return { label, requests: N, totalMs: Math.round(ms), perRequestUs: Math.round((ms / N) * 1000) };
}

const web = await startHttpFixture({ 'GET /ping': { json: { ok: true } } });
const fake = await startFakeOpenAI();
const policy = createOutboundPolicy({ allowedPrivateHosts: `127.0.0.1:${web.port},127.0.0.1:${fake.port}` });
const guarded = createGuardedFetch(policy);

const ring = createKeyRing(randomBytes(32));
const key = 'sk-bench-0000000000000000';
const sealed = encryptSecret(ring, key, 'c1');
const rec: LlmConnectionRecord = {
  id: 'c1',
  ownerUserId: 'u',
  workspaceId: 'w',
  provider: 'other',
  name: 'bench',
  baseUrl: fake.url,
  modelDefault: 'm',
  isActive: true,
  shared: false,
  apiKeyEncrypted: sealed.ciphertext,
  keyId: sealed.keyId,
  keyNonce: sealed.nonce,
};
const llm = createLlmService({
  store: {
    lookup: async () => ({
      bot: { id: 'b', workspaceId: 'w', llmConnectionId: 'c1', llmModelOverride: null },
      connection: rec,
      member: true,
    }),
  },
  decrypt: (r) => (r.apiKeyEncrypted ? key : undefined),
  fetch: guarded,
});
const chatBody = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });

const rows = [
  await time('GET plain fetch (baseline)', () => fetch(`${web.url}/ping`).then((r) => r.json())),
  await time('GET guarded fetch', () => guarded(`${web.url}/ping`).then((r) => r.json())),
  await time('chat: plain fetch POST (baseline)', () =>
    fetch(`${fake.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: chatBody,
    }).then((r) => r.json()),
  ),
  await time('chat: callLLM (openai SDK, guarded)', () => llm.callLLM({ userId: 'u', botId: 'b', purpose: 'analyze', prompt: 'hi' })),
];
const base = { GET: rows[0]!.perRequestUs, chat: rows[2]!.perRequestUs };
const results = rows.map((r) => ({
  ...r,
  ratioToBaseline: +(r.perRequestUs / (r.label.startsWith('GET') ? base.GET : base.chat)).toFixed(2),
}));
await web.close();
await fake.close();
console.log(JSON.stringify({ bench: 'outbound', results }, null, 2));
console.table(results);
