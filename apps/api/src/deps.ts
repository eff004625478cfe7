import type { FastifyBaseLogger } from 'fastify';
import type { Database, RawConn, Repositories, RunEventBus } from '@bm/db';
import type { LlmService } from '@bm/llm';
import type { OutboundPolicy } from '@bm/net';
import type { KeyRing } from '@bm/secrets';
import type { RunScheduler } from '@bm/temporal/client';
import type { PlansFile } from '@bm/contract';
import type { SsoSettings } from './sso/settings';

/**
 * What the API uses of the process's services, described by shape: whoever composes the process
 * (apps/server, a standalone API, a test) passes anything that has these members.
 */
export interface ApiServices {
  config: {
    /**
     * How many reverse-proxy hops' X-Forwarded-For to believe (false: none). A count, never `true`:
     * trusting every hop believes the left-most entry, which the client writes itself.
     */
    trustProxy: number | false;
    /** Session cookies only over HTTPS; also turns on HSTS (the app is behind TLS). */
    secureCookies: boolean;
    maxNodes: number;
    /** BOT_MANAGER_PUBLIC_URL: another origin the app's own pages may come from. */
    publicUrl?: string;
    /** The shortest interval a schedule may fire at. */
    minScheduleIntervalMs: number;
    /** BOT_MANAGER_PLANS; unset: one plan without limits. */
    plans?: PlansFile;
    /** BOT_MANAGER_ADMIN_EMAILS: installation admins besides the first user. */
    adminEmails?: string[];
    /** Single sign-on with an OpenID Provider (BOT_MANAGER_OIDC_*); unset: off. */
    sso?: SsoSettings;
    /** Email and password sign-in and sign-up; false only with single sign-on (BOT_MANAGER_PASSWORD_LOGIN=off). Default on. */
    passwordLogin?: boolean;
  };
  logger: FastifyBaseLogger;
  /** For the health check's `SELECT 1`. */
  db: { raw: Pick<RawConn, 'query'> } & Pick<Database, 'kind'>;
  repos: Repositories;
  /** Live run news for GET /api/runs/:id/events (in-process, or LISTEN/NOTIFY across processes). */
  events: RunEventBus;
  /** Seals provider keys as they arrive; the API never opens them. */
  keyRing: KeyRing;
  /** The outbound guard a connection's base URL is checked against. */
  policy: OutboundPolicy;
  llm: Pick<LlmService, 'testConnection' | 'listModels'>;
}

export interface AppDeps {
  services: ApiServices;
  scheduler: RunScheduler;
  /** Absolute URL of a bot's webhook trigger. */
  webhookUrl(token: string): string;
  /** Where people open the app (invitation and reset links); default: the origin the request came to. */
  appUrl?: () => string | undefined;
  /** Sends mail (invitations, reset links) when SMTP is configured; without it links are only shown to copy. */
  mail?: { send(m: { to: string[]; subject: string; text: string }): Promise<unknown> };
  /** The in-process worker's state (embedded mode); otherwise health asks Temporal for pollers. */
  localWorkerState?: () => string;
  /** The built web UI to serve at / (SPA); omitted for an API-only process without a build. */
  webDist?: string;
}
