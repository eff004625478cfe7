// The system under test of bench/api.ts, in a child process of its own: the embedded default
// (startServer: PGlite in-process, its own Temporal dev server) and, in the same process on the
// same database, a bare Fastify serving the same two reads with only the repository calls the real
// routes make — the floor of what the real routes could cost with this database layer — and the
// same answers from memory (no database: Fastify and JSON only).
// Keep the calls below in step with apps/api/src/plugins/{auth,access}.ts and routes/{bots,runs}.ts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { startServer } from '@bm/server';

/** runs.ts leaves larger outputs out of GET /api/runs/:id the same way. */
const INLINE_OUTPUT_BYTES = 256 * 1024;

const server = await startServer({ port: 0, dataDir: mkdtempSync(path.join(tmpdir(), 'bm-bench-api-')) });
const { repos } = server.services;
const bare = Fastify({ logger: false });

/** What authenticate (auth.ts) reads: the caller; authorize (access.ts) then reads the row with the caller's role. */
async function caller(authorization: string | undefined) {
  const found = await repos.apiTokens.findCaller((authorization ?? '').slice(7).trim());
  if (!found?.user) throw Object.assign(new Error('no caller'), { statusCode: 401 });
  return found.user;
}
function member(found: { role: string | null } | null) {
  if (!found?.role) throw Object.assign(new Error('not found'), { statusCode: 404 });
}

bare.get<{ Params: { id: string } }>('/bare/bots/:id', async (req) => {
  const user = await caller(req.headers.authorization);
  const found = await repos.bots.getForCaller(req.params.id, user.id);
  member(found);
  return found!.row;
});

bare.get<{ Params: { id: string } }>('/bare/runs/:id', async (req) => {
  const user = await caller(req.headers.authorization);
  member(await repos.runs.getForCaller(req.params.id, user.id));
  const run = await repos.runs.getForDisplay(req.params.id, INLINE_OUTPUT_BYTES);
  if (!run) throw Object.assign(new Error('not found'), { statusCode: 404 });
  const { nodes, ...summary } = run;
  return { ...summary, graph: await repos.bots.versionGraph(run.botVersionId), nodes };
});

// The HTTP floor: the same answers from memory (the first request of each id fills the cache).
const cached = new Map<string, unknown>();
bare.get<{ Params: { kind: string; id: string } }>('/cached/:kind/:id', async (req) => {
  const key = `${req.params.kind}/${req.params.id}`;
  if (!cached.has(key)) cached.set(key, await bare.inject({ url: `/bare/${key}`, headers: req.headers }).then((r) => r.json()));
  return cached.get(key);
});

const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
console.log(`api-target ready ${JSON.stringify({ url: server.url, bareUrl })}`);

const stop = async () => {
  await bare.close();
  await server.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
