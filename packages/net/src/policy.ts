import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import { canonicalIpString, parseIp, whyNotPublic } from './address';
import { normalizeHostname, parseAllowedPrivateHosts, ruleAdmits, type AllowRule } from './allowlist';
import { ALLOWED_PRIVATE_HOSTS_ENV, OutboundBlockedError } from './errors';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a hostname to every address (like dns.lookup with all: true). `family` 4/6 filters. */
export type Resolver = (hostname: string, family?: number) => Promise<ResolvedAddress[]>;

export interface OutboundPolicy {
  /** Parsed BOT_MANAGER_ALLOWED_PRIVATE_HOSTS. */
  readonly rules: readonly AllowRule[];
  /**
   * Name resolution used for the pre-flight check AND at connect time (the connection goes to
   * exactly the addresses this returned and that were checked). Defaults to the OS resolver
   * (dns.lookup, so /etc/hosts applies); tests inject one to simulate DNS answers.
   */
  readonly resolve: Resolver;
}

export interface CreateOutboundPolicyOptions {
  /** Comma-separated allow entries; default process.env.BOT_MANAGER_ALLOWED_PRIVATE_HOSTS. */
  allowedPrivateHosts?: string;
  resolve?: Resolver;
}

const systemResolver: Resolver = async (hostname, family) => {
  const fam = family === 4 || family === 6 ? family : 0;
  const found = await dns.lookup(hostname, { all: true, family: fam });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export function createOutboundPolicy(opts: CreateOutboundPolicyOptions = {}): OutboundPolicy {
  const csv = opts.allowedPrivateHosts ?? process.env[ALLOWED_PRIVATE_HOSTS_ENV];
  return Object.freeze({
    rules: Object.freeze(parseAllowedPrivateHosts(csv)),
    resolve: opts.resolve ?? systemResolver,
  });
}

export type AddressVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Synchronous check of one destination address. Public unicast addresses pass; anything else
 * passes only when an allow rule admits it: a CIDR rule (any port), an ip:port rule (that port),
 * or a host:port rule when `hostname` — the name the request used — matches it.
 */
export function isAddressAllowed(ip: string, port: number, policy: OutboundPolicy, hostname?: string): AddressVerdict {
  const addr = parseIp(ip);
  if (addr === null) return { ok: false, reason: `"${ip}" is not an IP address` };
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { ok: false, reason: `port ${port} is not valid` };
  const why = whyNotPublic(addr);
  if (why === null) return { ok: true };
  if (policy.rules.some((r) => ruleAdmits(r, addr, port, hostname))) return { ok: true };
  return { ok: false, reason: why };
}

/**
 * Throws OutboundBlockedError unless EVERY address is allowed. Refusing the whole name when any
 * answer is internal (rather than filtering those answers out) is deliberate: a name that mixes
 * public and internal answers is either misconfigured or a rebinding attempt, and filtering
 * would make reachability depend on answer order and on which family the socket tries first.
 */
export async function assertAddressesAllowed(
  hostname: string,
  port: number,
  addresses: readonly string[],
  policy: OutboundPolicy,
): Promise<void> {
  const host = normalizeHostname(hostname);
  let refused = addresses
    .map((address) => ({ address, verdict: isAddressAllowed(address, port, policy, host) }))
    .filter((x) => !x.verdict.ok);
  if (refused.length > 0) {
    // A host:port rule also admits the addresses its name resolves to when they are requested
    // directly (rule "localhost:11434" admits http://127.0.0.1:11434): same server, same port.
    const hostRules = policy.rules.filter((r) => r.kind === 'host' && r.port === port && r.host !== host);
    if (hostRules.length > 0) {
      const admitted = new Set<string>();
      for (const rule of hostRules) {
        if (rule.kind !== 'host') continue;
        const found = await policy.resolve(rule.host).catch(() => [] as ResolvedAddress[]);
        for (const a of found) {
          const parsed = parseIp(a.address);
          if (parsed) admitted.add(canonicalIpString(parsed));
        }
      }
      refused = refused.filter((x) => {
        const parsed = parseIp(x.address);
        return !(parsed && admitted.has(canonicalIpString(parsed)));
      });
    }
  }
  const first = refused[0];
  if (first && !first.verdict.ok) {
    throw new OutboundBlockedError({ host, address: first.address, port, reason: first.verdict.reason });
  }
}

export function defaultPort(protocol: string): number {
  return protocol === 'https:' ? 443 : 80;
}

/** Throws OutboundBlockedError unless the scheme is http: or https:. */
export function assertSchemeAllowed(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundBlockedError({
      host: url.hostname || undefined,
      reason: `the scheme "${url.protocol}" is not allowed (only http: and https:)`,
      allowlistable: false,
    });
  }
}

/**
 * Pre-flight check of a URL: scheme, IP-literal host, and every address the hostname resolves to
 * now. Use it to validate a base URL when it is saved; it cannot stop DNS rebinding by itself —
 * requests must still go through createGuardedFetch / createGuardedDispatcher, which check again
 * at connect time. DNS failures propagate as the resolver's error (ENOTFOUND, …).
 */
export async function assertUrlAllowed(url: string | URL, policy: OutboundPolicy): Promise<URL> {
  let u: URL;
  try {
    u = new URL(typeof url === 'string' ? url : url.href);
  } catch {
    throw new TypeError('Invalid URL: expected an absolute http:// or https:// URL.');
  }
  assertSchemeAllowed(u);
  const host = normalizeHostname(u.hostname);
  const port = u.port === '' ? defaultPort(u.protocol) : Number(u.port);
  if (isIP(host) !== 0) {
    await assertAddressesAllowed(host, port, [host], policy);
  } else {
    const found = await policy.resolve(host);
    if (found.length === 0) {
      throw new OutboundBlockedError({ host, port, reason: 'the host name did not resolve to any address', allowlistable: false });
    }
    await assertAddressesAllowed(
      host,
      port,
      found.map((a) => a.address),
      policy,
    );
  }
  return u;
}
