import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { isLlmError } from '@bm/llm';
import type { RunScheduler } from '@bm/temporal/client';
import { HttpError } from './lib/errors';
import type { Services } from './services-type';
import { registerAuth } from './plugins/auth';
import { authRoutes } from './routes/auth';
import { botRoutes } from './routes/bots';
import { connectionRoutes } from './routes/connections';
import { healthRoutes } from './routes/health';
import { hookRoutes } from './routes/hooks';
import { resultRoutes } from './routes/results';
import { runRoutes } from './routes/runs';
import { scheduleRoutes } from './routes/schedules';
import { secretRoutes } from './routes/secrets';

function serializeRequest(req: { method: string; url: string; id: string }) {
  const path = req.url.split('?')[0]!.replace(/^\/api\/hooks\/[^/]+/, '/api/hooks/[token]');
  return { id: req.id, method: req.method, path };
}

export interface AppDeps {
  services: Services;
  scheduler: RunScheduler;
  /** Absolute URL of a bot's webhook trigger. */
  webhookUrl(token: string): string;
  /** The in-process worker's state (embedded mode); otherwise health asks Temporal for pollers. */
  localWorkerState?: () => string;
  /** The built web UI to serve at / (SPA); omitted for an API-only process without a build. */
  webDist?: string;
}

/** Fastify app: thin routes, one plugin per concern, zod schemas on every route. */
export async function buildApp(deps: AppDeps) {
  const app = Fastify({
    // Request logs show the path without webhook tokens or query strings (which may carry secrets).
    loggerInstance: deps.services.logger.child({ component: 'api' }, { serializers: { req: serializeRequest } }),
    bodyLimit: 5 * 1024 * 1024,
    // Only behind a reverse proxy that sets X-Forwarded-For: otherwise clients could pick their own
    // address and walk around the rate limits.
    trustProxy: deps.services.config.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof HttpError) {
      return reply.code(err.statusCode).send({ error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({ path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'), message: v.message ?? 'invalid' }));
      const first = details[0];
      return reply.code(400).send({
        error: { code: 'VALIDATION_FAILED', message: first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'The request is not valid.', details },
      });
    }
    // A provider's failure (model list, …): the provider is the bad gateway; the message says what to do.
    if (isLlmError(err)) {
      return reply.code(502).send({ error: { code: err.code, message: err.message } });
    }
    if (err.statusCode && err.statusCode < 500) {
      const code = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'BODY_TOO_LARGE' : err.code?.startsWith('FST_') ? 'BAD_REQUEST' : (err.code ?? 'BAD_REQUEST');
      return reply.code(err.statusCode).send({ error: { code, message: err.message } });
    }
    req.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: { code: 'INTERNAL', message: 'Something went wrong on our side. The error was logged.' } });
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !deps.webDist) {
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0]}.` } });
    }
    return reply.sendFile('index.html');
  });

  await app.register(cookie);
  app.decorateRequest('user', null);
  // Baseline browser protections: no MIME sniffing, no framing (clickjacking), no referrer leaks of
  // URLs that may hold ids.
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
  });
  // Opt-in per route (config.rateLimit): credential guessing on login/signup, webhook floods.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => new HttpError(429, 'RATE_LIMITED', `Too many requests; try again in ${Math.ceil(ctx.ttl / 1000)} s.`),
  });
  // The OpenAPI description of every route, generated from the same zod schemas that validate them.
  await app.register(swagger, {
    openapi: { info: { title: 'Bot Manager API', version: '1' } },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  // Public: health and webhook triggers (the token in the URL is the credential).
  await app.register(healthRoutes(deps));
  await app.register(hookRoutes(deps));
  // Everything else resolves the caller (session cookie or API token) first.
  await app.register(async (authed) => {
    registerAuth(authed, deps);
    await authed.register(authRoutes(deps));
    await authed.register(connectionRoutes(deps));
    await authed.register(botRoutes(deps));
    await authed.register(runRoutes(deps));
    await authed.register(resultRoutes(deps));
    await authed.register(scheduleRoutes(deps));
    await authed.register(secretRoutes(deps));
  });

  if (deps.webDist && existsSync(path.join(deps.webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: deps.webDist, wildcard: false, index: 'index.html' });
    app.get('/*', (req, reply) => {
      const file = req.url.split('?')[0]!.slice(1);
      if (file && existsSync(path.join(deps.webDist!, file))) return reply.sendFile(file);
      return reply.sendFile('index.html');
    });
  } else {
    deps.webDist = undefined;
  }
  return app;
}
