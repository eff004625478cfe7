import { describe, expect, it } from 'vitest';
import { createOutboundPolicy, isAddressAllowed, isPublicAddress } from './index';

const none = createOutboundPolicy({ allowedPrivateHosts: '' });

const REFUSED_V4: [string, RegExp][] = [
  ['127.0.0.1', /loopback/],
  ['127.255.255.254', /loopback/],
  ['10.0.0.1', /private/],
  ['10.255.255.255', /private/],
  ['172.16.0.1', /private/],
  ['172.31.255.255', /private/],
  ['192.168.1.1', /private/],
  ['169.254.169.254', /link-local/], // cloud metadata
  ['169.254.0.1', /link-local/],
  ['100.64.0.1', /carrier-grade NAT/],
  ['100.127.255.254', /carrier-grade NAT/],
  ['0.0.0.0', /unspecified/],
  ['0.1.2.3', /unspecified/],
  ['255.255.255.255', /broadcast/],
  ['224.0.0.1', /multicast/],
  ['239.255.255.250', /multicast/],
  ['240.0.0.1', /reserved/],
  ['192.0.0.1', /reserved/],
  ['192.0.0.170', /reserved/],
  ['192.0.2.1', /reserved or documentation/], // TEST-NET-1
  ['198.51.100.7', /reserved or documentation/], // TEST-NET-2
  ['203.0.113.9', /reserved or documentation/], // TEST-NET-3
  ['198.18.0.1', /reserved/], // benchmarking 198.18/15
  ['198.19.255.255', /reserved/],
  ['192.88.99.1', /reserved/], // 6to4 relay anycast
];

// inet_aton spellings: never produced by the URL parser for http(s), but callers may pass them.
const REFUSED_ODD_V4 = [
  '2130706433',
  '0x7f000001',
  '0x7f.1',
  '0177.0.0.1',
  '127.1',
  '0x7f.0.0.1',
  '017700000001',
  '10.1',
  '0xa9fea9fe',
  '3232235777',
];

const REFUSED_V6: [string, RegExp][] = [
  ['::1', /loopback/],
  ['[::1]', /loopback/],
  ['0:0:0:0:0:0:0:1', /loopback/],
  ['::', /unspecified/],
  ['fe80::1', /link-local/],
  ['fe80::1%eth0', /zone-scoped/],
  ['febf:ffff::1', /link-local/],
  ['fc00::1', /unique-local/],
  ['fd12:3456:789a::1', /unique-local/],
  ['fd00:ec2::254', /unique-local/], // AWS IMDS over IPv6
  ['ff02::1', /multicast/],
  ['ff05::2', /multicast/],
  ['fec0::1', /site-local/],
  ['100::1', /discard/],
  ['2001:db8::1', /documentation/],
  ['3fff::1', /documentation/],
  ['2001:2::1', /benchmarking/],
  ['5f00::1', /segment-routing/],
  ['::ffff:127.0.0.1', /IPv4-mapped.*loopback/],
  ['::ffff:7f00:1', /IPv4-mapped.*loopback/],
  ['0:0:0:0:0:ffff:7f00:1', /IPv4-mapped.*loopback/],
  ['::ffff:10.0.0.1', /IPv4-mapped.*private/],
  ['::ffff:169.254.169.254', /IPv4-mapped.*link-local/],
  ['::ffff:0:127.0.0.1', /IPv4-mapped.*loopback/], // IPv4-translated (RFC 6145)
  ['::127.0.0.1', /IPv4-compatible/],
  ['::7f00:1', /IPv4-compatible/],
  ['::8.8.8.8', /IPv4-compatible/],
  ['1::1', /non-global/],
  ['64:ff9b::127.0.0.1', /NAT64.*loopback/],
  ['64:ff9b::a00:1', /NAT64.*private/],
  ['64:ff9b::a9fe:a9fe', /NAT64.*link-local/],
  ['64:ff9b:1::1', /local-use NAT64/],
  ['2002:7f00:1::1', /6to4.*loopback/],
  ['2002:c0a8:101::1', /6to4.*private/],
  ['2002:a9fe:a9fe::', /6to4.*link-local/],
  ['2001:0:4136:e378:8000:63bf:3f57:fefe', /Teredo.*192\.168\.1\.1/], // client 192.168.1.1 (stored inverted)
  ['2001:0:a00:1::f7f7:f7f7', /Teredo.*10\.0\.0\.1/], // server 10.0.0.1
];

const ALLOWED = [
  '8.8.8.8',
  '1.1.1.1',
  '93.184.215.14',
  '104.18.0.1',
  // just outside the refused ranges
  '11.0.0.0',
  '9.255.255.255',
  '100.63.255.255',
  '100.128.0.0',
  '172.15.255.255',
  '172.32.0.0',
  '192.167.255.255',
  '192.169.0.0',
  '169.253.255.255',
  '169.255.0.0',
  '126.255.255.255',
  '128.0.0.0',
  '198.17.255.255',
  '198.20.0.0',
  '223.255.255.255',
  '2606:4700:4700::1111',
  '2a00:1450:4001:80e::200e',
  '2001:4860:4860::8888',
  '::ffff:8.8.8.8',
  '64:ff9b::808:808',
  '2002:808:808::1',
  '2001:0:4136:e378:8000:63bf:f7f7:f7f7', // Teredo, server and client public
];

describe('isAddressAllowed — refused by default', () => {
  it.each(REFUSED_V4)('refuses IPv4 %s', (ip, why) => {
    const v = isAddressAllowed(ip, 443, none);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toMatch(why);
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each(REFUSED_ODD_V4)('refuses odd IPv4 spelling %s', (ip) => {
    expect(isAddressAllowed(ip, 80, none).ok).toBe(false);
  });

  it.each(REFUSED_V6)('refuses IPv6 %s', (ip, why) => {
    const v = isAddressAllowed(ip, 443, none);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toMatch(why);
  });

  it.each(['localhost', 'example.com', '', '1.2.3.4.5', '::g', '127.0.0.1:80'])('refuses non-address %j', (text) => {
    expect(isAddressAllowed(text, 80, none)).toEqual({ ok: false, reason: expect.stringMatching(/not an IP address/) });
  });

  it('refuses invalid ports even for public addresses', () => {
    expect(isAddressAllowed('8.8.8.8', 0, none).ok).toBe(false);
    expect(isAddressAllowed('8.8.8.8', 70000, none).ok).toBe(false);
  });
});

describe('isAddressAllowed — public addresses', () => {
  it.each(ALLOWED)('allows %s', (ip) => {
    expect(isAddressAllowed(ip, 443, none)).toEqual({ ok: true });
    expect(isPublicAddress(ip)).toBe(true);
  });
});
