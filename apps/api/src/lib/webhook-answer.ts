import { WEBHOOK_WAIT_DEFAULT_MS, WebhookResponse } from '@bm/contract';
import { RESPOND_NODE_TYPE, runResult } from '@bm/graph';
import type { AppDeps } from '../deps';

/** A bot's stored webhook response setting, read leniently: null or anything unknown answers at once. */
export function webhookResponseOf(stored: unknown): WebhookResponse {
  const parsed = WebhookResponse.safeParse(stored);
  return parsed.success ? parsed.data : { mode: 'immediate' };
}

/** What a waiting webhook answers. */
export type WebhookAnswer =
  /** Still running when the wait ended (timeout, or the caller left): 202 `{ runId }`. */
  | { kind: 'started' }
  /** The Respond node's record. */
  | { kind: 'respond'; status: number; headers: Record<string, string>; body: unknown }
  /** The run finished: its result (runResult), null when no node produced one. */
  | { kind: 'result'; output: unknown }
  | { kind: 'failed'; status: 'failed' | 'cancelled' };

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

/**
 * The bus is in-process with PGlite and loses nothing; a PostgreSQL notification can be lost (the
 * LISTEN connection is opened with the first subscriber, and reopened after an error), so there the
 * records are re-read this often as well — the same safety net as GET /api/runs/:id/events.
 */
const SAFETY_READ_MS = { postgres: 2_000, pglite: null } as const;

interface Graph {
  nodes: { id: string; type: string }[];
  edges: { id: string; source: string; target: string }[];
}

/** The answer as the records say it now, or undefined while the run has not got that far. */
async function answerNow(deps: AppDeps, runId: string, mode: WebhookResponse['mode'], graph: Graph): Promise<WebhookAnswer | undefined> {
  const { repos } = deps.services;
  const respond = mode === 'respondNode' ? graph.nodes.find((n) => n.type === RESPOND_NODE_TYPE) : undefined;
  if (respond) {
    const row = await repos.nodeRuns.get(runId, respond.id);
    if (row?.status === 'succeeded') {
      const out = (row.output ?? {}) as { status?: number; headers?: Record<string, string>; body?: unknown };
      return { kind: 'respond', status: out.status ?? 200, headers: out.headers ?? {}, body: out.body ?? null };
    }
  }
  const run = await repos.runs.get(runId);
  if (!run || !FINAL.has(run.status)) return undefined;
  if (run.status !== 'succeeded') return { kind: 'failed', status: run.status as 'failed' | 'cancelled' };
  const nodes = await repos.nodeRuns.outputs(
    runId,
    graph.nodes.map((n) => n.id),
  );
  return { kind: 'result', output: runResult(graph, nodes)?.output ?? null };
}

/**
 * Waits until the run can answer its webhook (`respondNode`: the Respond node recorded its output;
 * either mode: the run finished), the timeout passes or `signal` aborts (the caller went away).
 * Woken by the run event bus — every node and run event is announced there — and reads the records
 * once right after subscribing, so an event that came before the subscription is not missed.
 */
export async function waitForWebhookAnswer(
  deps: AppDeps,
  runId: string,
  setting: WebhookResponse,
  signal: AbortSignal,
): Promise<WebhookAnswer> {
  const { repos, events, logger, db } = deps.services;
  const run = await repos.runs.get(runId);
  const graph = (run ? await repos.bots.versionGraph(run.botVersionId) : null) as Graph | null;
  if (!graph || signal.aborted) return { kind: 'started' };
  const timeoutMs = setting.timeoutMs ?? WEBHOOK_WAIT_DEFAULT_MS;

  return new Promise<WebhookAnswer>((resolve) => {
    let done = false;
    let reading = false;
    let again = false;
    const timers: ReturnType<typeof setTimeout>[] = [];
    let unsubscribe = () => {};
    const finish = (answer: WebhookAnswer) => {
      if (done) return;
      done = true;
      unsubscribe();
      for (const t of timers) clearTimeout(t);
      signal.removeEventListener('abort', onAbort);
      resolve(answer);
    };
    const onAbort = () => finish({ kind: 'started' });

    // One read at a time; news during a read asks for another.
    const read = async () => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          const answer = await answerNow(deps, runId, setting.mode, graph);
          if (answer) return finish(answer);
        } while (again && !done);
      } catch (err) {
        // A database hiccup: the next event (or the timeout) decides.
        logger.warn({ err, runId }, 'reading a run for its webhook answer failed');
      } finally {
        reading = false;
      }
    };

    unsubscribe = events.subscribe(runId, (msg) => {
      if (msg.kind === 'event' && !done) void read();
    });
    signal.addEventListener('abort', onAbort);
    timers.push(setTimeout(() => finish({ kind: 'started' }), timeoutMs));
    const safety = SAFETY_READ_MS[db.kind];
    if (safety !== null) timers.push(setInterval(() => !done && void read(), safety));
    void read();
  });
}
