import { EventEmitter } from 'node:events';
import type { Database } from './client';

/**
 * Live news of runs, from the worker to whoever streams a run's events (GET /api/runs/:id/events):
 * `event` says a persisted event was appended (the reader reads it from RunEvent, in order);
 * `delta` carries a piece of an LLM node's streamed text — best effort, never stored, never in
 * Temporal history. Embedded (PGlite: API and worker in one process) it is an in-process emitter;
 * with PostgreSQL the worker and the API may be separate processes, so it travels by NOTIFY.
 */
export type RunBusMessage = { runId: string; kind: 'event' } | { runId: string; kind: 'delta'; nodeId: string; text: string };

export interface RunEventBus {
  publish(msg: RunBusMessage): void;
  /** Returns the unsubscribe function. */
  subscribe(runId: string, fn: (msg: RunBusMessage) => void): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'bm_run_events';
/** NOTIFY payloads are limited to 8000 bytes; a longer delta is sent in pieces. */
const MAX_PAYLOAD_CHARS = 2000;

function localBus(): RunEventBus & { deliver(msg: RunBusMessage): void } {
  const emitter = new EventEmitter();
  // Every open stream is one listener on its run; thousands of viewers are legitimate.
  emitter.setMaxListeners(0);
  return {
    publish: (msg) => emitter.emit(msg.runId, msg),
    deliver: (msg) => emitter.emit(msg.runId, msg),
    subscribe(runId, fn) {
      emitter.on(runId, fn);
      return () => emitter.off(runId, fn);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/** The bus of a database: in-process for PGlite, PostgreSQL LISTEN/NOTIFY otherwise. */
export function createRunEventBus(db: Pick<Database, 'kind' | 'raw' | 'listenUrl'>): RunEventBus {
  if (db.kind === 'pglite' || !db.listenUrl) return localBus();
  const local = localBus();
  const url = db.listenUrl;
  let listener: Promise<{ end(): Promise<void> } | null> | null = null;
  let closed = false;

  /** One dedicated connection LISTENs for the process, opened with the first subscriber; reopened after an error. */
  const listen = () => {
    listener ??= (async () => {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => {
        listener = null;
        void client.end().catch(() => {});
      });
      client.on('notification', (n) => {
        try {
          local.deliver(JSON.parse(n.payload ?? '') as RunBusMessage);
        } catch {
          // Not ours.
        }
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${CHANNEL}`);
        return client;
      } catch {
        listener = null;
        await client.end().catch(() => {});
        return null;
      }
    })();
    return listener;
  };

  // One after another: pooled connections in parallel could commit (and so deliver) out of order,
  // and a run's text pieces must arrive in the order they were written.
  let queue: Promise<unknown> = Promise.resolve();
  const notify = (msg: RunBusMessage) => {
    queue = queue.then(() =>
      db.raw.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(msg)]).catch(() => {
        // Best effort: a reader also re-reads the event table on its own every few seconds.
      }),
    );
  };

  return {
    publish(msg) {
      if (msg.kind === 'delta' && msg.text.length > MAX_PAYLOAD_CHARS) {
        for (let i = 0; i < msg.text.length; i += MAX_PAYLOAD_CHARS)
          void notify({ ...msg, text: msg.text.slice(i, i + MAX_PAYLOAD_CHARS) });
        return;
      }
      void notify(msg);
    },
    subscribe(runId, fn) {
      if (!closed) void listen();
      return local.subscribe(runId, fn);
    },
    async close() {
      closed = true;
      await local.close();
      const client = await listener?.catch(() => null);
      listener = null;
      await client?.end().catch(() => {});
    },
  };
}
