import path from 'node:path';
import { z } from 'zod';

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
  TEMPORAL_ADDRESS: z.string().optional().or(z.literal('').transform(() => undefined)),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  // Unset: the default task queue of temporal/shared.
  TEMPORAL_TASK_QUEUE: z.string().min(1).optional(),
  BOT_MANAGER_ENCRYPTION_KEY: z.string().optional(),
  BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: z.string().default(''),
  BOT_MANAGER_SMTP_URL: z.string().optional(),
  // Unset: the URL's ?from=, else bot-manager@<SMTP host>.
  BOT_MANAGER_SMTP_FROM: z.string().optional(),
  BOT_MANAGER_PUBLIC_URL: z.string().optional(),
  BOT_MANAGER_MAX_NODES: z.coerce.number().int().positive().default(500),
  BOT_MANAGER_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  BOT_MANAGER_TRUST_PROXY: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
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
    logLevel: e.LOG_LEVEL,
    env,
  };
}
