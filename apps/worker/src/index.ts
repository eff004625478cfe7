import { createRequire } from 'node:module';
import {
  DefaultLogger,
  NativeConnection,
  Runtime,
  Worker,
  bundleWorkflowCode,
  type LogLevel,
  type WorkerOptions,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { createSmtpEmailSender } from '@bm/nodes';
import type { createLogger } from '@bm/secrets';
import { createActivities, type ActivityDeps } from '@bm/temporal/activities';
import { TASK_QUEUE } from '@bm/temporal/shared';

const require = createRequire(import.meta.url);
let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Workflow code is bundled once per process (webpack, a few seconds) and reused by every worker. */
function workflowBundle() {
  bundle ??= bundleWorkflowCode({
    workflowsPath: require.resolve('@bm/temporal/workflows'),
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: console.error },
  });
  return bundle;
}

/** What the worker reads of the process's services; apps/server builds them and passes them in. */
export interface WorkerServices extends Pick<ActivityDeps, 'repos' | 'llm' | 'fetch' | 'secrets' | 'events'> {
  config: { smtpUrl?: string; smtpFrom?: string; maxNodes: number; publicUrl?: string };
  logger: ReturnType<typeof createLogger>;
}

export interface BotWorkerOptions {
  services: WorkerServices;
  address: string;
  namespace: string;
  taskQueue?: string;
  /** Extra worker options (tests shorten shutdown grace, etc.). */
  // Temporal's own type: a plain string is not a duration once `ms`'s types are the strict ones.
  shutdownGraceTime?: WorkerOptions['shutdownGraceTime'];
  /**
   * A connection shared with the process's client (the embedded app): the server then hands a run's
   * first workflow task straight back with the start call (eager start). Closed by its owner.
   */
  connection?: NativeConnection;
}

let runtimeInstalled = false;

/** Routes the Temporal SDK's own logs (warnings and errors only) into our redacting logger. Once per process. */
function installRuntime(log: WorkerServices['logger']) {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  const levels: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
    TRACE: 'trace',
    DEBUG: 'debug',
    INFO: 'info',
    WARN: 'warn',
    ERROR: 'error',
  };
  try {
    Runtime.install({ logger: new DefaultLogger('WARN', (e) => log[levels[e.level]]({ ...e.meta }, e.message)) });
  } catch {
    // Already installed by the host (e.g. a test harness): keep theirs.
  }
}

/** Boots a Temporal Worker: the interpreter workflow plus activities wired to real dependencies. */
export async function createBotWorker(opts: BotWorkerOptions) {
  const { services } = opts;
  const log = services.logger.child({ component: 'worker' });
  installRuntime(log);
  const connection = opts.connection ?? (await NativeConnection.connect({ address: opts.address }));
  const activities = createActivities({
    repos: services.repos,
    llm: services.llm,
    fetch: services.fetch,
    email: services.config.smtpUrl ? createSmtpEmailSender(services.config.smtpUrl, { from: services.config.smtpFrom }) : undefined,
    log: (msg, data) => log.info(data ?? {}, msg),
    maxNodes: services.config.maxNodes,
    secrets: services.secrets,
    events: services.events,
    publicUrl: services.config.publicUrl,
  });
  const worker = await Worker.create({
    connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue ?? TASK_QUEUE,
    workflowBundle: await workflowBundle(),
    activities,
    shutdownGraceTime: opts.shutdownGraceTime ?? '10 seconds',
  });
  let running: Promise<void> | undefined;
  return {
    worker,
    /** Starts polling; resolves when the worker has stopped. */
    start() {
      running ??= worker.run();
      return running;
    },
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running?.catch(() => {});
      if (!opts.connection) await connection.close();
    },
  };
}

export type BotWorker = Awaited<ReturnType<typeof createBotWorker>>;
