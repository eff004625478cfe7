import type { FastifyInstance } from 'fastify';

// What the built editor needs and nothing more: its own scripts and styles (React sets inline
// style properties through the DOM, which CSP allows; libraries such as the canvas add <style>
// rules, hence 'unsafe-inline' for styles only), images from itself or data: URLs, and the API on
// the same origin. No framing (clickjacking), no plugins, forms and <base> only to itself.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Browser protections on every answer; HSTS only when the app runs behind TLS (secure cookies). */
export function registerSecurityHeaders(app: FastifyInstance, opts: { hsts: boolean }) {
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    // One year; not includeSubDomains: other hosts of the domain are not ours to decide for.
    if (opts.hsts) reply.header('strict-transport-security', 'max-age=31536000');
  });
}
