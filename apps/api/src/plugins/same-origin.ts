import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiError } from '../lib/errors';

// Same-site request forgery: SameSite=Lax cookies are still sent with requests from *other
// origins of the same site* (another port of the same host, a sibling subdomain), and a page there
// can POST with `fetch(…, { mode: 'no-cors', credentials: 'include' })`. So every state change that
// a browser could make with the session cookie must prove it comes from the app's own pages:
// - `Origin` (sent by browsers with every non-GET request) must be the app's own origin;
// - `Sec-Fetch-Site` (sent by every current browser) must be `same-origin` (or `none`: typed by the user);
// - with neither header (an old browser, a script), the request must be one a cross-site page
//   cannot send without a CORS preflight: a JSON content type or an `X-CSRF-Token` header.
// API-token requests (`Authorization: Bearer`) carry no ambient credential and are not affected;
// neither are requests without the session cookie (webhook triggers carry their own token).

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SameOriginOptions {
  /** Name of the session cookie whose presence makes a request cookie-authenticated. */
  sessionCookie: string;
  /** BOT_MANAGER_PUBLIC_URL, when the app is reached under another host than the one it sees. */
  publicUrl?: string;
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/** Why a request is refused, or undefined when it may go on. */
export function crossOriginReason(req: FastifyRequest, opts: SameOriginOptions): string | undefined {
  if (SAFE_METHODS.has(req.method)) return undefined;
  if (req.headers.authorization?.startsWith('Bearer ')) return undefined;
  if (!req.cookies?.[opts.sessionCookie]) return undefined;
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  if (origin !== undefined) {
    const own = new Set([req.headers.host, opts.publicUrl && originHost(opts.publicUrl)].filter(Boolean));
    const host = origin === 'null' ? undefined : originHost(origin);
    if (!host || !own.has(host)) return 'origin';
  }
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'fetch-site';
  if (origin === undefined && site === undefined) {
    const json = /^application\/([\w.+-]*\+)?json\b/i.test(req.headers['content-type'] ?? '');
    if (!json && !req.headers['x-csrf-token']) return 'no-proof';
  }
  return undefined;
}

/** Refuses cookie-authenticated state changes from other origins with 403 CROSS_ORIGIN_REQUEST. */
export function registerSameOriginGuard(app: FastifyInstance<any, any, any, any, any>, opts: SameOriginOptions) {
  app.addHook('onRequest', async (req) => {
    if (crossOriginReason(req, opts)) {
      throw apiError(403, 'CROSS_ORIGIN_REQUEST');
    }
  });
}
