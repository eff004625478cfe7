// For the API's own tests: the app over real services (PGlite in a temp dir, a real key ring and
// outbound policy) composed here from the packages, and a Temporal client that is never reached.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { applyMigrations, createRepositories, createRunEventBus, openDatabase } from '@bm/db';
import { connectionKeyDecrypter, createLlmService } from '@bm/llm';
import { createOutboundPolicy } from '@bm/net';
import { createKeyRing, createLogger } from '@bm/secrets';
import { createRunScheduler } from '@bm/temporal/client';
import { buildApp } from '../app';
import type { ApiServices, AppDeps } from '../deps';

const notUsedByTheApi = () => {
  throw new Error('callLLM is not used by the API');
};

export async function startTestApp(
  opts: {
    webDist?: string;
    databaseUrl?: string;
    config?: Partial<ApiServices['config']>;
    /** host:port the outbound guard lets through although loopback (a test's OpenID Provider). */
    allowedPrivateHosts?: string;
    mail?: AppDeps['mail'];
    appUrl?: string;
  } = {},
) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bm-api-'));
  const db = await openDatabase({ databaseUrl: opts.databaseUrl, dataDir });
  await applyMigrations(db.raw);
  const repos = createRepositories(db);
  const keyRing = createKeyRing(randomBytes(32));
  const services = {
    config: { trustProxy: false as number | false, secureCookies: false, maxNodes: 500, minScheduleIntervalMs: 60_000, ...opts.config },
    logger: createLogger({ level: 'silent' }),
    db,
    repos,
    events: createRunEventBus(db),
    keyRing,
    policy: createOutboundPolicy({ allowedPrivateHosts: opts.allowedPrivateHosts ?? '' }),
    llm: createLlmService({
      store: { lookup: notUsedByTheApi },
      decrypt: connectionKeyDecrypter(keyRing),
    }),
  } satisfies ApiServices;
  const client = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const app = await buildApp({
    services,
    scheduler: createRunScheduler(client),
    webhookUrl: (t) => `http://x/api/hooks/${t}`,
    webDist: opts.webDist,
    mail: opts.mail,
    appUrl: opts.appUrl === undefined ? undefined : () => opts.appUrl,
  });
  return {
    app,
    db,
    repos,
    async close() {
      await app.close();
      await db.close();
      // Each PGlite directory is ~40 MB: a day of test runs would fill the disk.
      rmSync(dataDir, { recursive: true, force: true });
    },
    /** Signs up a new user; returns their id, personal workspace and session cookie. */
    async signup(email = `u${Math.random().toString(36).slice(2)}@example.com`) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        payload: { email, password: 'long enough password', name: 'Sam' },
      });
      if (r.statusCode !== 201) throw new Error(`signup failed: ${r.statusCode} ${r.body}`);
      const cookies = { bm_session: r.cookies.find((c) => c.name === 'bm_session')!.value };
      const workspaceId = (await repos.workspaces.personal(r.json().user.id))!;
      return { id: r.json().user.id as string, workspaceId, cookies };
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
