import path from 'node:path';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PlansFile } from '@bm/contract';
// Only the parser: the worker process reads this config too and must not load the HTTP app.
import { parseMinInterval } from '@bm/api/schedule-interval';
import type { SsoSettings } from '@bm/api/sso-settings';

/** An optional variable where an empty value counts as unset. */
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

/** Configuration from the environment (names fixed by shared/API.md), validated once at start. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  BOT_MANAGER_DATA_DIR: z.string().default('./.data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  TEMPORAL_ADDRESS: z
    .string()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  // Unset: the default task queue of temporal/shared.
  TEMPORAL_TASK_QUEUE: z.string().min(1).optional(),
  BOT_MANAGER_ENCRYPTION_KEY: z.string().optional(),
  BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: z.string().default(''),
  BOT_MANAGER_SMTP_URL: z.string().optional(),
  // Unset: the URL's ?from=, else bot-manager@<SMTP host>.
  BOT_MANAGER_SMTP_FROM: z.string().optional(),
  BOT_MANAGER_PUBLIC_URL: z.string().optional(),
  BOT_MANAGER_MAX_NODES: z.coerce.number().int().positive().default(2000),
  BOT_MANAGER_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  // The number of reverse-proxy hops in front of the app whose X-Forwarded-For is believed. `true`
  // is one hop; never "trust everything": the left-most X-Forwarded-For entry is the client's own
  // choice, and rate limits keyed on it would be walked around with one header.
  BOT_MANAGER_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const s = (v ?? '').trim().toLowerCase();
      if (s === '' || s === 'false' || s === '0') return false as const;
      if (s === 'true') return 1;
      if (/^\d+$/.test(s) && Number(s) <= 10) return Number(s);
      ctx.addIssue({
        code: 'custom',
        message: 'BOT_MANAGER_TRUST_PROXY must be false, true (one proxy) or the number of proxy hops (1-10)',
      });
      return z.NEVER;
    }),
  // The shortest interval a schedule may fire at (`60` seconds, `30s`, `5m`); default 1 minute.
  BOT_MANAGER_MIN_SCHEDULE_INTERVAL: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const ms = parseMinInterval(v);
      if (ms === undefined) {
        ctx.addIssue({ code: 'custom', message: 'BOT_MANAGER_MIN_SCHEDULE_INTERVAL must be seconds (60) or a duration (30s, 5m, 1h)' });
        return z.NEVER;
      }
      return ms;
    }),
  // A JSON file of plans ({ plans: [...], defaultPlan }); unset: one plan without limits.
  BOT_MANAGER_PLANS: z.string().optional(),
  // Installation admins besides the first user (comma-separated emails).
  BOT_MANAGER_ADMIN_EMAILS: z.string().default(''),
  // Single sign-on (OpenID Connect): issuer, client id and secret together, or none of them.
  BOT_MANAGER_OIDC_ISSUER: optionalString,
  BOT_MANAGER_OIDC_CLIENT_ID: optionalString,
  BOT_MANAGER_OIDC_CLIENT_SECRET: optionalString,
  // Comma-separated email domains that may sign in with SSO; unset: any.
  BOT_MANAGER_OIDC_ALLOWED_DOMAINS: optionalString,
  // A workspace id new SSO users join, with this role.
  BOT_MANAGER_OIDC_DEFAULT_WORKSPACE: optionalString,
  BOT_MANAGER_OIDC_DEFAULT_ROLE: z
    .enum(['viewer', 'editor', 'admin'], 'BOT_MANAGER_OIDC_DEFAULT_ROLE must be viewer, editor or admin')
    .optional(),
  BOT_MANAGER_PASSWORD_LOGIN: z.enum(['on', 'off'], 'BOT_MANAGER_PASSWORD_LOGIN must be on or off').default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type AppConfig = ReturnType<typeof loadConfig>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  const sso = ssoSettings(e);
  if (sso.problems.length) throw new Error(`Invalid configuration:\n${sso.problems.map((p) => `  ${p}`).join('\n')}`);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.BOT_MANAGER_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    temporalAddress: e.TEMPORAL_ADDRESS,
    temporalNamespace: e.TEMPORAL_NAMESPACE,
    taskQueue: e.TEMPORAL_TASK_QUEUE,
    allowedPrivateHosts: e.BOT_MANAGER_ALLOWED_PRIVATE_HOSTS,
    smtpUrl: e.BOT_MANAGER_SMTP_URL,
    smtpFrom: e.BOT_MANAGER_SMTP_FROM,
    publicUrl: e.BOT_MANAGER_PUBLIC_URL,
    maxNodes: e.BOT_MANAGER_MAX_NODES,
    secureCookies: e.BOT_MANAGER_SECURE_COOKIES,
    trustProxy: e.BOT_MANAGER_TRUST_PROXY,
    minScheduleIntervalMs: e.BOT_MANAGER_MIN_SCHEDULE_INTERVAL,
    logLevel: e.LOG_LEVEL,
    plans: e.BOT_MANAGER_PLANS ? loadPlans(e.BOT_MANAGER_PLANS, e.BOT_MANAGER_MIN_SCHEDULE_INTERVAL) : undefined,
    adminEmails: e.BOT_MANAGER_ADMIN_EMAILS.split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
    sso: sso.settings,
    passwordLogin: e.BOT_MANAGER_PASSWORD_LOGIN === 'on',
    env,
  };
}

/** The plans file, checked at start: a broken file stops the app with the reason, never half-applies. */
function loadPlans(file: string, floorMs: number): PlansFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path.resolve(file), 'utf8'));
  } catch (err) {
    throw new Error(`BOT_MANAGER_PLANS: cannot read ${file} as JSON (${(err as Error).message}).`);
  }
  const parsed = PlansFile.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`BOT_MANAGER_PLANS (${file}) is not valid:\n${lines}`);
  }
  for (const p of parsed.data.plans) {
    const s = p.limits.minScheduleIntervalSeconds;
    if (s !== undefined && s * 1000 < floorMs)
      throw new Error(
        `BOT_MANAGER_PLANS: plan "${p.id}" allows schedules every ${s} s, below the installation's floor of ${floorMs / 1000} s.`,
      );
  }
  return parsed.data;
}

const OIDC_CORE = ['BOT_MANAGER_OIDC_ISSUER', 'BOT_MANAGER_OIDC_CLIENT_ID', 'BOT_MANAGER_OIDC_CLIENT_SECRET'] as const;
const OIDC_EXTRAS = ['BOT_MANAGER_OIDC_ALLOWED_DOMAINS', 'BOT_MANAGER_OIDC_DEFAULT_WORKSPACE', 'BOT_MANAGER_OIDC_DEFAULT_ROLE'] as const;
const isLoopbackHost = (h: string) => h === 'localhost' || h === '[::1]' || /^127\./.test(h);

/**
 * Single sign-on from BOT_MANAGER_OIDC_*, or the problems of a half-made configuration: starting
 * with SSO silently off (or everyone locked out) would be worse than not starting.
 */
function ssoSettings(e: z.infer<typeof EnvSchema>): { settings?: SsoSettings; problems: string[] } {
  const problems: string[] = [];
  const set = OIDC_CORE.filter((k) => e[k] !== undefined);
  if (set.length === 0) {
    const stray = OIDC_EXTRAS.filter((k) => e[k] !== undefined);
    if (stray.length) problems.push(`${stray.join(', ')}: single sign-on is not configured (set ${OIDC_CORE.join(', ')})`);
    if (e.BOT_MANAGER_PASSWORD_LOGIN === 'off')
      problems.push('BOT_MANAGER_PASSWORD_LOGIN: "off" needs single sign-on configured, or nobody could sign in');
    return { problems };
  }
  if (set.length < OIDC_CORE.length)
    problems.push(
      `single sign-on needs ${OIDC_CORE.join(', ')} together; missing: ${OIDC_CORE.filter((k) => e[k] === undefined).join(', ')}`,
    );
  let issuer: URL | undefined;
  try {
    issuer = new URL(e.BOT_MANAGER_OIDC_ISSUER ?? '');
  } catch {
    if (e.BOT_MANAGER_OIDC_ISSUER)
      problems.push("BOT_MANAGER_OIDC_ISSUER must be a URL (the provider's issuer, e.g. https://accounts.example.com)");
  }
  if (issuer && issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname)))
    problems.push('BOT_MANAGER_OIDC_ISSUER must be an https:// URL (http:// only for a provider on this machine)');
  const allowedDomains = (e.BOT_MANAGER_OIDC_ALLOWED_DOMAINS ?? '')
    .split(',')
    .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
    .filter(Boolean);
  const badDomain = allowedDomains.find((d) => !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d));
  if (badDomain) problems.push(`BOT_MANAGER_OIDC_ALLOWED_DOMAINS: "${badDomain}" is not an email domain (e.g. example.com)`);
  if (e.BOT_MANAGER_OIDC_DEFAULT_ROLE && !e.BOT_MANAGER_OIDC_DEFAULT_WORKSPACE)
    problems.push('BOT_MANAGER_OIDC_DEFAULT_ROLE needs BOT_MANAGER_OIDC_DEFAULT_WORKSPACE (the workspace new users join)');
  if (problems.length) return { problems };
  return {
    problems,
    settings: {
      issuer: e.BOT_MANAGER_OIDC_ISSUER!,
      clientId: e.BOT_MANAGER_OIDC_CLIENT_ID!,
      clientSecret: e.BOT_MANAGER_OIDC_CLIENT_SECRET!,
      allowedDomains,
      ...(e.BOT_MANAGER_OIDC_DEFAULT_WORKSPACE
        ? { defaultWorkspace: { id: e.BOT_MANAGER_OIDC_DEFAULT_WORKSPACE, role: e.BOT_MANAGER_OIDC_DEFAULT_ROLE ?? 'viewer' } }
        : {}),
    },
  };
}
