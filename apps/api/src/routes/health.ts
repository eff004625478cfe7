import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';

type State = 'ok' | 'down';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`no answer within ${ms} ms`)), ms).unref())]);

/** A worker that has not polled for this long is considered gone (long polls last ~60 s). */
const POLLER_FRESH_MS = 90_000;

export const healthRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    app.route({
      ...fromContract(contract.health.get),
      handler: async (_req, reply) => {
        const details: Record<string, string> = {};
        const check = async (name: string, fn: () => Promise<boolean | void>): Promise<State> => {
          try {
            if ((await withTimeout(fn(), 3000)) !== false) return 'ok';
            details[name] = 'no worker is polling the task queue';
          } catch (err) {
            // The raw error (hosts, users) goes to the log; the public answer only says what is down.
            details[name] = 'unreachable';
            deps.services.logger.warn({ err, part: name }, 'health check failed');
          }
          return 'down';
        };
        const { client } = deps.scheduler;
        const [db, temporal] = await Promise.all([
          check('db', async () => void (await deps.services.db.raw.query('SELECT 1'))),
          check('temporal', async () => void (await client.workflowService.getSystemInfo({}))),
        ]);
        const worker: State =
          temporal === 'down'
            ? 'down'
            : await check('worker', async () => {
                if (deps.localWorkerState) return deps.localWorkerState() === 'RUNNING';
                const r = await client.workflowService.describeTaskQueue({
                  namespace: client.options.namespace,
                  taskQueue: { name: deps.scheduler.taskQueue },
                  taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
                });
                const now = Date.now();
                return (r.pollers ?? []).some(
                  (p: { lastAccessTime?: { seconds?: unknown } | null }) =>
                    now - Number(p.lastAccessTime?.seconds ?? 0) * 1000 < POLLER_FRESH_MS,
                );
              });
        const ok = db === 'ok' && temporal === 'ok' && worker === 'ok';
        const body = { status: ok ? ('ok' as const) : ('degraded' as const), db, temporal, worker, ...(ok ? {} : { details }) };
        return reply.code(ok ? 200 : 503).send(body);
      },
    });
  };
