import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import type { RunEventRow } from '@bm/db';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';
import { accessTo } from '../plugins/access';

const { runs } = contract;

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);
/** A comment line this often keeps proxies and load balancers from closing an idle stream. */
const HEARTBEAT_MS = 15_000;
/**
 * Read the event table this often even without news: a lost PostgreSQL notification (a listener
 * reconnecting) delays an event, never loses it. The in-process bus (PGlite) loses none, so there
 * this is only a safety net.
 */
const POLL_MS = { postgres: 2_000, pglite: 15_000 } as const;

/**
 * GET /api/runs/:id/events — the run as Server-Sent Events (apps/api/README.md): every persisted
 * `node` and `run` event after `Last-Event-ID` (or `?after=`), in order, each with its number as
 * `id:`; then live ones, and `llm.delta` text while an LLM node streams (not stored, no `id:`).
 * The stream of a finished run replays its events and closes.
 */
export const runEventRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos, events: bus } = deps.services;
    const pollMs = POLL_MS[deps.services.db.kind];

    app.route({
      ...fromContract(runs.events),
      handler: async (req, reply) => {
        const { row } = accessTo(req, 'run');
        const header = Number(req.headers['last-event-id']);
        let last = Number.isInteger(header) && header >= 0 ? header : (req.query.after ?? 0);
        const runId = row.id;

        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          ...(reply.getHeaders() as Record<string, string>),
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          // nginx buffers responses unless told not to.
          'x-accel-buffering': 'no',
        });
        res.write('retry: 2000\n\n');

        let closed = false;
        const timers: ReturnType<typeof setInterval>[] = [];
        let unsubscribe = () => {};
        const close = () => {
          if (closed) return;
          closed = true;
          unsubscribe();
          for (const t of timers) clearInterval(t);
          res.end();
        };
        req.raw.on('close', close);

        const send = (e: RunEventRow) => {
          res.write(`id: ${e.seq}\nevent: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`);
          last = e.seq;
        };

        // One read of the table at a time; news during a read asks for another.
        let reading: Promise<void> | null = null;
        let again = false;
        const drain = (): Promise<void> => {
          if (reading) {
            again = true;
            return reading;
          }
          reading = (async () => {
            try {
              do {
                again = false;
                let batch: RunEventRow[];
                do {
                  batch = await repos.runEvents.after(runId, last);
                  for (const e of batch) {
                    if (closed) return;
                    send(e);
                    if (e.type === 'run' && FINAL.has(String(e.data.status))) return close();
                  }
                } while (batch.length && !closed);
              } while (again && !closed);
              // A run that finished before it recorded events (or whose last event was lost): its state, then the end.
              if (!closed) {
                const now = await repos.runs.get(runId);
                if (!now || FINAL.has(now.status)) {
                  if (now) res.write(`event: run\ndata: ${JSON.stringify({ status: now.status })}\n\n`);
                  close();
                }
              }
            } catch (err) {
              req.log.warn({ err, runId }, 'reading run events failed');
            } finally {
              reading = null;
            }
          })();
          return reading;
        };

        // Subscribed before the first read: nothing recorded in between goes unnoticed.
        unsubscribe = bus.subscribe(runId, (msg) => {
          if (closed) return;
          if (msg.kind === 'delta') res.write(`event: llm.delta\ndata: ${JSON.stringify({ nodeId: msg.nodeId, text: msg.text })}\n\n`);
          else void drain();
        });
        timers.push(setInterval(() => !closed && res.write(': keep-alive\n\n'), HEARTBEAT_MS));
        timers.push(setInterval(() => !closed && void drain(), pollMs));
        await drain();
      },
    });
  };
