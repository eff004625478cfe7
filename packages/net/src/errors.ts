/** Env var that administrators use to admit private destinations. Named in every refusal. */
export const ALLOWED_PRIVATE_HOSTS_ENV = 'BOT_MANAGER_ALLOWED_PRIVATE_HOSTS';

export interface OutboundBlockedDetails {
  /** Host as requested (hostname or IP literal, without brackets). */
  host?: string;
  /** The resolved/literal address that was refused, when the refusal is about an address. */
  address?: string;
  port?: number;
  /** Why it was refused, e.g. "127.0.0.1 is a loopback address". */
  reason: string;
  /**
   * Whether adding an entry to BOT_MANAGER_ALLOWED_PRIVATE_HOSTS could admit it
   * (false for a refused scheme, which no allowlist entry changes).
   */
  allowlistable?: boolean;
}

function formatHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function buildMessage(d: OutboundBlockedDetails): string {
  let target = '';
  if (d.host !== undefined && d.port !== undefined) target = ` to ${formatHostPort(d.host, d.port)}`;
  // A name that resolved to an internal address: say so without the address, so refusals cannot be
  // used to map internal DNS (the address stays on the error for server logs).
  const resolvedName = d.address !== undefined && d.host !== undefined && d.address !== d.host;
  const reason = resolvedName ? 'the name resolves to an internal (private, loopback, link-local or reserved) address' : d.reason;
  let msg = `Outbound request${target} was refused: ${reason}.`;
  if (d.allowlistable !== false && d.host !== undefined && d.port !== undefined) {
    msg +=
      ' Private, loopback, link-local and other internal destinations are blocked by default.' +
      ` If this destination is intended (for example a local model server), an administrator can allow it by adding` +
      ` "${formatHostPort(d.host, d.port)}" to ${ALLOWED_PRIVATE_HOSTS_ENV}.`;
  }
  return msg;
}

/** A request was refused by the outbound policy (SSRF guard). */
export class OutboundBlockedError extends Error {
  readonly code = 'OUTBOUND_BLOCKED' as const;
  readonly host: string | undefined;
  readonly address: string | undefined;
  readonly port: number | undefined;
  readonly reason: string;

  constructor(details: OutboundBlockedDetails) {
    super(buildMessage(details));
    this.name = 'OutboundBlockedError';
    this.host = details.host;
    this.address = details.address;
    this.port = details.port;
    this.reason = details.reason;
  }
}

/** A response body exceeded the caller's byte limit. */
export class ResponseTooLargeError extends Error {
  readonly code = 'RESPONSE_TOO_LARGE' as const;
  constructor(readonly maxBytes: number) {
    super(`The response body exceeded the limit of ${maxBytes} bytes.`);
    this.name = 'ResponseTooLargeError';
  }
}

/** More redirects than the guarded fetch is configured to follow. */
export class TooManyRedirectsError extends Error {
  readonly code = 'TOO_MANY_REDIRECTS' as const;
  constructor(readonly maxRedirects: number) {
    super(`The request was redirected more than ${maxRedirects} times.`);
    this.name = 'TooManyRedirectsError';
  }
}

/** Finds an OutboundBlockedError in an error's cause chain (undici wraps connect errors in "fetch failed"). */
export function findBlockedError(err: unknown): OutboundBlockedError | undefined {
  let cur: unknown = err;
  for (let depth = 0; depth < 8 && cur !== null && cur !== undefined; depth++) {
    if (cur instanceof OutboundBlockedError) return cur;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}
