import ipaddr from 'ipaddr.js';

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

/** Parses an IP address (IPv4 in any inet_aton spelling, IPv6 with or without brackets); null if it is not one. */
export function parseIp(text: string): IpAddress | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  try {
    if (!bare.includes(':')) return ipaddr.IPv4.parse(bare);
    // Canonicalise IPv6 with the WHATWG parser first: ipaddr.js reads "::8.8.8.8" as the mapped
    // ::ffff:8.8.8.8, while URLs and sockets treat it as ::808:808 (IPv4-compatible). Checking
    // one address and connecting to another is exactly the differential an SSRF guard must avoid.
    const zoneAt = bare.indexOf('%');
    const addrText = zoneAt === -1 ? bare : bare.slice(0, zoneAt);
    const canonical = new URL(`http://[${addrText}]/`).hostname.slice(1, -1);
    const v6 = ipaddr.IPv6.parse(canonical);
    if (zoneAt !== -1) v6.zoneId = bare.slice(zoneAt + 1);
    return v6;
  } catch {
    return null;
  }
}

/**
 * The address a socket would really talk to: an IPv4-mapped IPv6 address (::ffff:a.b.c.d) is the
 * IPv4 address, so allow rules and range checks treat both spellings the same.
 */
export function canonicalIp(addr: IpAddress): IpAddress {
  return addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress() ? (addr as ipaddr.IPv6).toIPv4Address() : addr;
}

/** Canonical text of an address, for equality between rules and resolved addresses. */
export function canonicalIpString(addr: IpAddress): string {
  const c = canonicalIp(addr);
  return c.kind() === 'ipv6' ? (c as ipaddr.IPv6).toNormalizedString() : c.toString();
}

const RANGE_LABELS: Record<string, string> = {
  unspecified: 'an unspecified',
  broadcast: 'a broadcast',
  multicast: 'a multicast',
  linkLocal: 'a link-local',
  loopback: 'a loopback',
  carrierGradeNat: 'a carrier-grade NAT (100.64.0.0/10)',
  private: 'a private (RFC 1918)',
  reserved: 'a reserved or documentation',
  benchmarking: 'a benchmarking',
  as112: 'an AS112',
  amt: 'an AMT',
  uniqueLocal: 'a unique-local (fc00::/7)',
  deprecatedSiteLocal: 'a site-local (fec0::/10)',
  discard: 'a discard-only (100::/64)',
  rfc6052: 'a local-use NAT64',
  orchid2: 'an ORCHID',
  deprecatedOrchid: 'an ORCHID',
  droneRemoteIdProtocolEntityTags: 'a DRIP',
  segmentRouting: 'a segment-routing',
  as112v6: 'an AS112',
  ipv4Compatible: 'an IPv4-compatible (deprecated ::/96)',
  nonGlobalV6: 'a non-global IPv6 (outside 2000::/3)',
  scoped: 'a zone-scoped',
};

function label(range: string): string {
  return RANGE_LABELS[range] ?? `a ${range}`;
}

function v4From(hi: number, lo: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
}

/** null when the IPv4 address is public unicast; otherwise a description of why not. */
function classifyV4(a: ipaddr.IPv4): string | null {
  // ipaddr.js's range() knows every IANA special-purpose IPv4 block we must refuse (0/8, 10/8,
  // 100.64/10, 127/8, 169.254/16, 172.16/12, 192.0.0/24, 192.0.2/24, 192.88.99/24, 192.168/16,
  // 198.18/15, 198.51.100/24, 203.0.113/24, 224/4, 240/4, 255.255.255.255); only 'unicast' is public.
  const r = a.range();
  return r === 'unicast' ? null : `${a.toString()} is ${label(r)} address`;
}

function embedded(kind: string, outer: ipaddr.IPv6, inner: ipaddr.IPv4[]): string | null {
  for (const v4 of inner) {
    const why = classifyV4(v4);
    if (why !== null) return `${outer.toString()} is a ${kind} address embedding ${why}`;
  }
  return null;
}

/** null when the IPv6 address is public unicast; otherwise a description of why not. */
function classifyV6(a: ipaddr.IPv6): string | null {
  const text = a.toString();
  if (a.zoneId) return `${text} is ${label('scoped')} address`;
  const p = a.parts as [number, number, number, number, number, number, number, number];
  const r = a.range();
  switch (r) {
    case 'ipv4Mapped': // ::ffff:a.b.c.d
    case 'rfc6145': // ::ffff:0:a.b.c.d (IPv4-translated)
      return embedded('IPv4-mapped', a, [v4From(p[6], p[7])]);
    case 'rfc6052':
      // 64:ff9b::/96 is the well-known NAT64 prefix: IPv6-only networks with DNS64 reach every
      // public IPv4 host through it, so judge it by the IPv4 address inside. 64:ff9b:1::/48 is
      // local-use with an unknown embedding layout: refuse.
      if (a.match(ipaddr.IPv6.parse('64:ff9b::'), 96)) return embedded('NAT64', a, [v4From(p[6], p[7])]);
      return `${text} is ${label(r)} address`;
    case '6to4': // 2002:VVVV:VVVV::/48
      return embedded('6to4', a, [v4From(p[1], p[2])]);
    case 'teredo': // 2001:0:SSSS:SSSS:flags:port:CCCC:CCCC (client address stored inverted)
      return embedded('Teredo', a, [v4From(p[2], p[3]), v4From(p[6] ^ 0xffff, p[7] ^ 0xffff)]);
    case 'unicast':
      // ipaddr.js calls everything it has no name for 'unicast', including ::a.b.c.d
      // (IPv4-compatible) and other parts of ::/8. Only 2000::/3 is global unicast today.
      if (a.match(ipaddr.IPv6.parse('::'), 96)) return `${text} is ${label('ipv4Compatible')} address`;
      if (!a.match(ipaddr.IPv6.parse('2000::'), 3)) return `${text} is ${label('nonGlobalV6')} address`;
      return null;
    default:
      return `${text} is ${label(r)} address`;
  }
}

/**
 * Range check only (no allow rules): null when the address is public unicast and may be reached
 * by default, otherwise a human-readable reason ("127.0.0.1 is a loopback address").
 */
export function whyNotPublic(addr: IpAddress): string | null {
  return addr.kind() === 'ipv4' ? classifyV4(addr as ipaddr.IPv4) : classifyV6(addr as ipaddr.IPv6);
}

/** True when `ip` is a public unicast address (no allow rules considered). */
export function isPublicAddress(ip: string): boolean {
  const addr = parseIp(ip);
  return addr !== null && whyNotPublic(addr) === null;
}
