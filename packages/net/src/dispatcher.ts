import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, buildConnector, type Dispatcher } from 'undici';
import { normalizeHostname } from './allowlist';
import { OutboundBlockedError } from './errors';
import { assertAddressesAllowed, defaultPort, type OutboundPolicy } from './policy';

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function familyOf(options: LookupOptions): number {
  const f = options.family as unknown;
  if (f === 4 || f === 'IPv4') return 4;
  if (f === 6 || f === 'IPv6') return 6;
  return 0;
}

/**
 * A net/tls `lookup` bound to one destination port. Node calls it for every hostname connection
 * (never for IP literals), and connects only to the addresses it returns — so the addresses we
 * check are exactly the ones the socket uses: no window between check and connect for DNS
 * rebinding.
 */
function guardedLookup(policy: OutboundPolicy, port: number) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    const family = familyOf(options);
    const run = async (): Promise<LookupAddress[]> => {
      const found = (await policy.resolve(hostname, family)).filter((a) => family === 0 || a.family === family);
      if (found.length === 0) {
        const err: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
        err.code = 'ENOTFOUND';
        throw err;
      }
      await assertAddressesAllowed(
        hostname,
        port,
        found.map((a) => a.address),
        policy,
      );
      return found;
    };
    run().then(
      (found) => {
        if (options.all) callback(null, found);
        else callback(null, found[0]!.address, found[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  };
}

export interface GuardedDispatcherOptions {
  /** Connect timeout in ms (undici default 10 s). */
  connectTimeoutMs?: number;
  /** Extra undici Agent options (pool sizes, keep-alive, header/body timeouts). `connect` is ours. */
  agentOptions?: Omit<Agent.Options, 'connect'>;
}

/**
 * An undici Agent that refuses, at connect time, any destination the policy does not allow: IP
 * literals are checked before connecting, hostnames through a checking `lookup`. Every request made
 * through it is covered, including each hop of a redirect and each new pooled connection.
 */
export function createGuardedDispatcher(policy: OutboundPolicy, opts: GuardedDispatcherOptions = {}): Dispatcher {
  // net's lookup hook does not receive the port, and allow rules are per port, so keep one
  // connector (and its TLS session cache) per destination port.
  const connectors = new Map<number, buildConnector.connector>();
  const connectorFor = (port: number): buildConnector.connector => {
    let c = connectors.get(port);
    if (!c) {
      c = buildConnector({
        ...(opts.connectTimeoutMs !== undefined ? { timeout: opts.connectTimeoutMs } : {}),
        lookup: guardedLookup(policy, port),
      });
      connectors.set(port, c);
    }
    return c;
  };

  const connect: buildConnector.connector = (options, callback) => {
    if (options.socketPath) {
      callback(new OutboundBlockedError({ reason: 'unix-socket destinations are not allowed', allowlistable: false }), null);
      return;
    }
    if (options.protocol !== 'http:' && options.protocol !== 'https:') {
      callback(
        new OutboundBlockedError({
          host: options.hostname,
          reason: `the scheme "${options.protocol}" is not allowed (only http: and https:)`,
          allowlistable: false,
        }),
        null,
      );
      return;
    }
    const port = options.port ? Number(options.port) : defaultPort(options.protocol);
    const host = normalizeHostname(options.hostname);
    if (isIP(host) === 0) {
      connectorFor(port)(options, callback);
      return;
    }
    // IP literal: net skips `lookup` entirely, so check here before connecting.
    assertAddressesAllowed(host, port, [host], policy).then(
      () => connectorFor(port)(options, callback),
      (err: Error) => callback(err, null),
    );
  };

  return new Agent({ ...opts.agentOptions, connect });
}
