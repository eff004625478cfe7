import ipaddr from 'ipaddr.js';
import { canonicalIp, canonicalIpString, parseIp, type IpAddress } from './address';
import { ALLOWED_PRIVATE_HOSTS_ENV } from './errors';

/** One parsed BOT_MANAGER_ALLOWED_PRIVATE_HOSTS entry. `source` is the entry as written. */
export type AllowRule =
  /** Any port on any address inside the range. */
  | { kind: 'cidr'; source: string; network: IpAddress; prefixLength: number }
  /** One address (canonical text), one port. */
  | { kind: 'address'; source: string; address: string; port: number }
  /** One hostname (lower-case, no trailing dot), one port: whatever that name resolves to. */
  | { kind: 'host'; source: string; host: string; port: number };

const EXPECTED = 'expected host:port, ip:port, [ipv6]:port or a CIDR range such as 10.0.0.0/8 or 127.0.0.1/32';

function invalid(entry: string, why: string): Error {
  return new Error(`Invalid ${ALLOWED_PRIVATE_HOSTS_ENV} entry "${entry}": ${why}; ${EXPECTED}.`);
}

function parsePort(entry: string, text: string): number {
  if (!/^\d{1,5}$/.test(text)) throw invalid(entry, `"${text}" is not a port number`);
  const port = Number(text);
  if (port < 1 || port > 65535) throw invalid(entry, `port ${port} is out of range 1-65535`);
  return port;
}

function parseCidr(entry: string): AllowRule {
  const slash = entry.indexOf('/');
  const ipText = entry.slice(0, slash);
  const bitsText = entry.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bitsText)) throw invalid(entry, `"${bitsText}" is not a prefix length`);
  let network: IpAddress;
  let prefixLength = Number(bitsText);
  if (ipaddr.IPv4.isValidFourPartDecimal(ipText)) {
    // Four-part decimal only: inet_aton spellings ("10/8" = 0.0.0.10/8) would silently mean something else.
    if (prefixLength > 32) throw invalid(entry, 'an IPv4 prefix length must be 0-32');
    network = ipaddr.IPv4.parse(ipText);
  } else if (ipaddr.IPv6.isValid(ipText) && parseIp(ipText)?.kind() === 'ipv6') {
    if (prefixLength > 128) throw invalid(entry, 'an IPv6 prefix length must be 0-128');
    const v6 = parseIp(ipText) as ipaddr.IPv6;
    if (v6.zoneId) throw invalid(entry, 'zone ids are not supported');
    network = v6;
    // ::ffff:a.b.c.d/104 is an IPv4 range; mapped addresses are matched as IPv4 (see canonicalIp).
    if (v6.isIPv4MappedAddress() && prefixLength >= 96) {
      network = canonicalIp(v6);
      prefixLength -= 96;
    }
  } else {
    throw invalid(entry, `"${ipText}" is not an IP address`);
  }
  return { kind: 'cidr', source: entry, network, prefixLength };
}

function parseHostPort(entry: string): AllowRule {
  let hostText: string;
  let portText: string;
  if (entry.startsWith('[')) {
    const m = /^\[([^\]]+)\]:(.*)$/.exec(entry);
    if (!m) throw invalid(entry, 'an IPv6 address in brackets must be followed by :port');
    hostText = m[1]!;
    portText = m[2]!;
    const v6 = ipaddr.IPv6.isValid(hostText) ? parseIp(hostText) : null;
    if (v6 === null || v6.kind() !== 'ipv6') throw invalid(entry, `"${hostText}" is not an IPv6 address`);
    if ((v6 as ipaddr.IPv6).zoneId) throw invalid(entry, 'zone ids are not supported');
    return { kind: 'address', source: entry, address: canonicalIpString(v6), port: parsePort(entry, portText) };
  }
  const colon = entry.lastIndexOf(':');
  if (colon === -1) {
    throw invalid(entry, 'a port is required (to admit every port of one address, write it as ip/32 or ip/128)');
  }
  hostText = entry.slice(0, colon);
  portText = entry.slice(colon + 1);
  if (hostText.includes(':')) throw invalid(entry, 'IPv6 addresses must be written in brackets, e.g. [::1]:11434');
  if (hostText === '' || !/^[^\s/\\?#@[\]*]+$/.test(hostText)) throw invalid(entry, `"${hostText}" is not a host name`);
  const port = parsePort(entry, portText);
  // Canonicalise exactly as request URLs are (WHATWG host parser): lower-case, IDNA, and
  // 0x7f.1-style spellings become dotted decimal, so rules compare with what requests carry.
  let canonical: string;
  try {
    canonical = new URL(`http://${hostText}/`).hostname;
  } catch {
    throw invalid(entry, `"${hostText}" is not a valid host name`);
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(canonical)) {
    return { kind: 'address', source: entry, address: canonical, port };
  }
  return { kind: 'host', source: entry, host: normalizeHostname(canonical), port };
}

/** Lower-case, without brackets and without a trailing dot: the form allow rules compare. */
export function normalizeHostname(host: string): string {
  let h = host.toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}

/**
 * Parses BOT_MANAGER_ALLOWED_PRIVATE_HOSTS (comma-separated; blanks ignored). Throws an Error naming
 * the offending entry when one is malformed, so a typo fails loudly at start-up rather than
 * silently admitting nothing (or too much).
 */
export function parseAllowedPrivateHosts(csv: string | undefined): AllowRule[] {
  if (csv === undefined) return [];
  const rules: AllowRule[] = [];
  for (const raw of csv.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    rules.push(entry.includes('/') ? parseCidr(entry) : parseHostPort(entry));
  }
  return rules;
}

/** Does a rule admit this (already canonical) address on this port, requested under `hostname`? */
export function ruleAdmits(rule: AllowRule, addr: IpAddress, port: number, hostname: string | undefined): boolean {
  switch (rule.kind) {
    case 'cidr': {
      const c = canonicalIp(addr);
      return c.kind() === rule.network.kind() && c.match(rule.network, rule.prefixLength);
    }
    case 'address':
      return rule.port === port && rule.address === canonicalIpString(addr);
    case 'host':
      return rule.port === port && hostname !== undefined && normalizeHostname(hostname) === rule.host;
  }
}
