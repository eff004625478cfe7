import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '@bm/api';
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createRunScheduler } from '@bm/temporal/client';
import { createBotWorker } from '@bm/worker';
import { loadConfig } from './config';
import { lockDataDir } from './data-dir-lock';
import { startTemporalDevServer, type DevServer } from './dev-server';
import { createMailer } from './mailer';
import { createServices } from './services';

const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface StartServerOptions {
  /** 0 = a free port. Default: PORT or 3000. */
  port?: number;
  host?: string;
  dataDir?: string;
  /** An existing Temporal cluster; when unset a dev server is started as a child process. */
  temporalAddress?: string;
  /** Extra environment (configuration names of shared/API.md) layered over process.env. */
  env?: Record<string, string | undefined>;
  webDist?: string;
  /** Where log lines go (tests capture them); default stdout. */
  logDestination?: { write(line: string): void };
}

export interface RunningServer {
  url: string;
  temporalAddress: string;
  services: Awaited<ReturnType<typeof createServices>>;
  close(): Promise<void>;
}

/**
 * The embedded default in one process: API + worker + the built web UI, PGlite in-process
 * (or PostgreSQL when DATABASE_URL is set), and a Temporal dev server child unless TEMPORAL_ADDRESS is set.
 */
export async function startServer(opts: StartServerOptions = {}): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  if (opts.dataDir) env.BOT_MANAGER_DATA_DIR = opts.dataDir;
  if (opts.port !== undefined) env.PORT = String(opts.port);
  if (opts.temporalAddress) env.TEMPORAL_ADDRESS = opts.temporalAddress;
  const config = loadConfig(env);
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => {});
    cleanups.length = 0;
  };
  try {
    // PGlite and the dev server's file belong to one process at a time.
    if (!config.databaseUrl || !config.temporalAddress) {
      const unlock = lockDataDir(config.dataDir);
      cleanups.push(async () => unlock());
    }
    let temporalAddress = config.temporalAddress;
    if (!temporalAddress) {
      const dev: DevServer = await startTemporalDevServer({
        dbFile: path.join(config.dataDir, 'temporal.db'),
        namespace: config.temporalNamespace,
        supervise: true,
        log: (message) => console.error(`[bot-manager] ${message}`),
      });
      cleanups.push(dev.stop);
      temporalAddress = dev.address;
    }
    const services = await createServices(config, { logDestination: opts.logDestination });
    cleanups.push(services.close);
    // One connection for the API's client and the worker: runs started here start eagerly on this worker.
    const connection = await NativeConnection.connect({ address: temporalAddress });
    cleanups.push(() => connection.close());
    const client = new Client({ connection, namespace: config.temporalNamespace });
    const worker = await createBotWorker({
      services,
      address: temporalAddress,
      namespace: config.temporalNamespace,
      taskQueue: config.taskQueue,
      connection,
    });
    cleanups.push(worker.stop);
    void worker.start().catch((err) => services.logger.error({ err }, 'the worker stopped'));

    let publicUrl = config.publicUrl;
    const app = await buildApp({
      services,
      scheduler: createRunScheduler(client, config.taskQueue, { eagerStart: true }),
      webhookUrl: (t) => `${publicUrl}/api/hooks/${t}`,
      // Unset: links name the origin the inviter's browser used.
      appUrl: () => config.publicUrl,
      mail: createMailer(config),
      localWorkerState: () => worker.worker.getState(),
      webDist: opts.webDist ?? defaultWebDist,
    });
    cleanups.push(() => app.close());
    await app.listen({ port: config.port, host: config.host });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
    publicUrl ??= url;
    return { url, temporalAddress, services, close };
  } catch (err) {
    await close();
    throw err;
  }
}
