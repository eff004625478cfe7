import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { contract } from '@bm/contract';
import type { AppDeps } from './deps';
import { fromContract } from './lib/contract-route';
import { errorHandler } from './lib/error-handler';
import { responseSerializer } from './lib/response-serializer';
import { apiError } from './lib/errors';
import { registerAccess } from './plugins/access';
import { registerExpiredCleanup } from './plugins/expired-cleanup';
import { SESSION_COOKIE } from './plugins/auth';
import { registerInputGuard } from './plugins/input-guard';
import { databaseRateLimitStore } from './plugins/rate-limit-store';
import { registerSameOriginGuard } from './plugins/same-origin';
import { registerSecurityHeaders } from './plugins/security-headers';
import { registerWebUi } from './plugins/web-ui';
import { accountRoutes } from './routes/account';
import { authRoutes } from './routes/auth';
import { botRoutes } from './routes/bots';
import { connectionRoutes } from './routes/connections';
import { connectionUsageRoutes } from './routes/connection-usage';
import { healthRoutes } from './routes/health';
import { hookRoutes } from './routes/hooks';
import { meRoutes } from './routes/me';
import { nodeTypeRoutes } from './routes/node-types';
import { passwordResetLinkRoutes } from './routes/password-reset-links';
import { resultRoutes } from './routes/results';
import { runRoutes } from './routes/runs';
import { runEventRoutes } from './routes/run-events';
import { pinRoutes } from './routes/pins';
import { scheduleRoutes } from './routes/schedules';
import { secretRoutes } from './routes/secrets';
import { ssoRoutes } from './routes/sso';
import { tokenRoutes } from './routes/tokens';
import { versionRoutes } from './routes/versions';
import { webhookRoutes } from './routes/webhooks';
import { invitationRoutes } from './routes/invitations';
import { workspaceRoutes } from './routes/workspaces';
import { usageRoutes } from './routes/usage';
import { budgetRoutes } from './routes/budgets';
import { planRoutes } from './routes/plans';
import { portabilityRoutes } from './routes/portability';
import { importN8nRoutes } from './routes/import-n8n';
import { templateRoutes } from './routes/templates';
import { approvalRoutes } from './routes/approvals';
import { approvalLinkRoutes } from './routes/approval-links';

export type { AppDeps, ApiServices } from './deps';

/** One plugin per concern; each registers the contract's routes of that concern. */
const ROUTES = [
  healthRoutes,
  hookRoutes,
  approvalLinkRoutes,
  authRoutes,
  ssoRoutes,
  accountRoutes,
  passwordResetLinkRoutes,
  meRoutes,
  tokenRoutes,
  connectionRoutes,
  connectionUsageRoutes,
  nodeTypeRoutes,
  botRoutes,
  versionRoutes,
  webhookRoutes,
  runRoutes,
  runEventRoutes,
  pinRoutes,
  resultRoutes,
  scheduleRoutes,
  secretRoutes,
  workspaceRoutes,
  invitationRoutes,
  usageRoutes,
  budgetRoutes,
  planRoutes,
  templateRoutes,
  portabilityRoutes,
  importN8nRoutes,
  approvalRoutes,
];

/** What a request log line says of the request: no tokens in paths, no query strings. */
export function serializeRequest(req: { method: string; url: string; id: string }) {
  const path = req.url
    .split('?')[0]!
    .replace(/^\/api\/hooks\/[^/]+/, '/api/hooks/[token]')
    .replace(/^\/api\/approval-links\/[^/]+/, '/api/approval-links/[token]')
    .replace(/^\/approve\/[^/]+/, '/approve/[token]')
    .replace(/^\/reset-password\/[^/]+/, '/reset-password/[token]');
  return { id: req.id, method: req.method, path };
}

/** Trust the nearest `hops` addresses (the socket peer is hop 0): the client is the next one out. */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

const isApiPath = (url: string) => /^\/api(\/|\?|$)/.test(url);

/** Fastify app: thin routes from @bm/contract, every route's permission from permissions.ts. */
export async function buildApp(deps: AppDeps) {
  const { config } = deps.services;
  const app = Fastify({
    // Request logs show the path without webhook or reset-link tokens or query strings (which may carry secrets).
    loggerInstance: deps.services.logger.child({ component: 'api' }, { serializers: { req: serializeRequest } }),
    bodyLimit: 5 * 1024 * 1024,
    // Only behind a reverse proxy that sets X-Forwarded-For, and only as many hops as there are
    // proxies: `true` would believe the left-most entry, which the client writes itself, and every
    // request could pick a new address to walk around the rate limits.
    // (The hop count as proxy-addr's function form: Fastify's types omit the number it accepts.)
    trustProxy: config.trustProxy === false ? false : trustHops(config.trustProxy),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer);
  app.setErrorHandler(errorHandler);
  // First, so that it sees every route registered after it: deny by default.
  registerAccess(app, deps);

  await app.register(cookie);
  registerSecurityHeaders(app, { hsts: config.secureCookies });
  // Cookie-authenticated state changes only from the app's own pages (same-site request forgery).
  registerSameOriginGuard(app, { sessionCookie: SESSION_COOKIE, publicUrl: config.publicUrl });
  // What the database cannot store never reaches a handler (422), nor an id that cannot be one (404).
  registerInputGuard(app);
  // Opt-in per route (config.rateLimit): credential guessing on login/signup, webhook floods.
  // PostgreSQL may serve several API processes: their counters must be one, in the database.
  // PGlite lives in one process, whose memory is the cheaper store.
  await app.register(rateLimit, {
    global: false,
    ...(deps.services.db.kind === 'postgres' ? { store: databaseRateLimitStore(deps.services.repos.rateLimits) } : {}),
    errorResponseBuilder: (_req, ctx) => apiError(429, 'RATE_LIMITED', { params: { seconds: Math.ceil(ctx.ttl / 1000) } }),
  });
  // The OpenAPI description of every route, generated from the contract's zod schemas.
  await app.register(swagger, { openapi: { info: { title: 'Bot Manager API', version: '1' } }, transform: jsonSchemaTransform });
  const openapi = fromContract(contract.openapi.get);
  app.route({ ...openapi, schema: { ...openapi.schema, hide: true }, handler: () => app.swagger() as unknown as Record<string, unknown> });

  for (const routes of ROUTES) await app.register(routes(deps));
  registerExpiredCleanup(app, deps);

  const serving = await registerWebUi(app, deps.webDist);
  app.setNotFoundHandler((req, reply) => {
    if (isApiPath(req.url) || !serving || req.method !== 'GET') {
      throw apiError(404, 'NOT_FOUND', { key: 'NOT_FOUND.route', params: { method: req.method, path: req.url.split('?')[0]! } });
    }
    return reply.sendFile('index.html');
  });
  return app;
}
