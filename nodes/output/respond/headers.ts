/**
 * Which headers a webhook answer may carry. The answer is served from the app's own origin, so a
 * bot must not set what would act on the app for the caller's browser (cookies, security
 * policies) or what the server owns for each connection (framing, length, encoding).
 */
const FORBIDDEN = new Set([
  // Hop-by-hop and framing: Node and any proxy in front set these per connection.
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'content-length',
  // The body is sent as it is: a content-encoding would make clients mis-decode it.
  'content-encoding',
  // Security-sensitive on this origin: a cookie would land in the app's cookie jar, and the
  // browser protections are the app's (plugins/security-headers.ts, with `sandbox` added here).
  'set-cookie',
  'set-cookie2',
  'clear-site-data',
  'content-security-policy',
  'content-security-policy-report-only',
  'strict-transport-security',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'access-control-allow-credentials',
]);

/** RFC 9110 token characters. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** A value Node's http module would refuse (or that would split the answer). */
const BAD_VALUE = /[\r\n\0]/;

export type HeaderProblem = { kind: 'headerForbidden' | 'headerName' | 'headerValue'; header: string };

/** The first problem of a header set, or undefined when every header may be sent. */
export function headerProblem(headers: Record<string, unknown>): HeaderProblem | undefined {
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name)) return { kind: 'headerName', header: name };
    if (FORBIDDEN.has(name.toLowerCase())) return { kind: 'headerForbidden', header: name };
    if (BAD_VALUE.test(String(value))) return { kind: 'headerValue', header: name };
  }
  return undefined;
}

/** Statuses whose answer never has a body (RFC 9110). */
export const NO_BODY_STATUSES = new Set([204, 205, 304]);
