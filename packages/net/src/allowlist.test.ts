import { afterEach, describe, expect, it } from 'vitest';
import { createOutboundPolicy, isAddressAllowed, parseAllowedPrivateHosts } from './index';

describe('parseAllowedPrivateHosts', () => {
  it('parses every supported form and ignores blanks', () => {
    const rules = parseAllowedPrivateHosts(' 127.0.0.1:11434, LOCALHOST.:8080 ,,[::1]:9000, 10.0.0.0/8, fd00::/8, 0x7f.1:81 ');
    expect(rules.map((r) => ({ ...r, network: undefined }))).toEqual([
      { kind: 'address', source: '127.0.0.1:11434', address: '127.0.0.1', port: 11434, network: undefined },
      { kind: 'host', source: 'LOCALHOST.:8080', host: 'localhost', port: 8080, network: undefined },
      { kind: 'address', source: '[::1]:9000', address: '0:0:0:0:0:0:0:1', port: 9000, network: undefined },
      { kind: 'cidr', source: '10.0.0.0/8', prefixLength: 8, network: undefined },
      { kind: 'cidr', source: 'fd00::/8', prefixLength: 8, network: undefined },
      { kind: 'address', source: '0x7f.1:81', address: '127.0.0.1', port: 81, network: undefined },
    ]);
    expect(parseAllowedPrivateHosts(undefined)).toEqual([]);
    expect(parseAllowedPrivateHosts('')).toEqual([]);
    expect(parseAllowedPrivateHosts(' , ')).toEqual([]);
  });

  it.each([
    '127.0.0.1', // no port
    'localhost',
    'localhost:',
    'localhost:0',
    'localhost:65536',
    'localhost:abc',
    'localhost:80:81',
    '::1:80', // IPv6 without brackets
    '[::1]',
    '[::1]80',
    '[zz::1]:80',
    '[fe80::1%eth0]:80',
    '10.0.0.0/33',
    '10/8', // inet_aton shorthand would mean 0.0.0.10/8
    '10.0.0.0/',
    '10.0.0.0/x',
    'fd00::/129',
    'not-an-ip/8',
    'http://localhost:80',
    'user@host:80',
    '*:80',
    '*.internal:80',
    'a b:80',
  ])('throws a clear error for %j', (entry) => {
    expect(() => parseAllowedPrivateHosts(`127.0.0.1:1, ${entry}`)).toThrowError(
      new RegExp(`Invalid BOT_MANAGER_ALLOWED_PRIVATE_HOSTS entry "${entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}".*expected host:port`),
    );
  });
});

describe('allow rules admit exactly what they list', () => {
  it('ip:port admits that address on that port only', () => {
    const p = createOutboundPolicy({ allowedPrivateHosts: '127.0.0.1:11434' });
    expect(isAddressAllowed('127.0.0.1', 11434, p)).toEqual({ ok: true });
    expect(isAddressAllowed('::ffff:127.0.0.1', 11434, p)).toEqual({ ok: true }); // same socket destination
    expect(isAddressAllowed('127.0.0.1', 11435, p).ok).toBe(false);
    expect(isAddressAllowed('127.0.0.1', 80, p).ok).toBe(false);
    expect(isAddressAllowed('127.0.0.2', 11434, p).ok).toBe(false);
    expect(isAddressAllowed('::1', 11434, p).ok).toBe(false);
    expect(isAddressAllowed('10.0.0.1', 11434, p).ok).toBe(false);
  });

  it('[v6]:port admits that address on that port only', () => {
    const p = createOutboundPolicy({ allowedPrivateHosts: '[::1]:8080' });
    expect(isAddressAllowed('::1', 8080, p)).toEqual({ ok: true });
    expect(isAddressAllowed('0:0:0:0:0:0:0:1', 8080, p)).toEqual({ ok: true });
    expect(isAddressAllowed('::1', 8081, p).ok).toBe(false);
    expect(isAddressAllowed('127.0.0.1', 8080, p).ok).toBe(false);
  });

  it('CIDR admits addresses inside the range on any port, nothing outside', () => {
    const p = createOutboundPolicy({ allowedPrivateHosts: '10.0.0.0/8, 127.0.0.1/32, fd00::/8' });
    expect(isAddressAllowed('10.1.2.3', 1, p)).toEqual({ ok: true });
    expect(isAddressAllowed('10.255.255.255', 65535, p)).toEqual({ ok: true });
    expect(isAddressAllowed('::ffff:10.9.9.9', 80, p)).toEqual({ ok: true });
    expect(isAddressAllowed('127.0.0.1', 5432, p)).toEqual({ ok: true });
    expect(isAddressAllowed('fd12::1', 80, p)).toEqual({ ok: true });
    expect(isAddressAllowed('127.0.0.2', 5432, p).ok).toBe(false);
    expect(isAddressAllowed('172.16.0.1', 80, p).ok).toBe(false);
    expect(isAddressAllowed('192.168.0.1', 80, p).ok).toBe(false);
    expect(isAddressAllowed('169.254.169.254', 80, p).ok).toBe(false);
    expect(isAddressAllowed('fe80::1', 80, p).ok).toBe(false);
    expect(isAddressAllowed('fc00::1', 80, p).ok).toBe(false);
  });

  it('an IPv4-mapped CIDR is an IPv4 range', () => {
    const p = createOutboundPolicy({ allowedPrivateHosts: '::ffff:10.0.0.0/104' });
    expect(isAddressAllowed('10.5.5.5', 80, p)).toEqual({ ok: true });
    expect(isAddressAllowed('11.0.0.1', 80, p)).toEqual({ ok: true }); // public anyway
    expect(isAddressAllowed('192.168.0.1', 80, p).ok).toBe(false);
  });

  it('host:port admits the name on that port only', () => {
    const p = createOutboundPolicy({ allowedPrivateHosts: 'localhost:11434' });
    expect(isAddressAllowed('127.0.0.1', 11434, p, 'localhost')).toEqual({ ok: true });
    expect(isAddressAllowed('::1', 11434, p, 'LOCALHOST.')).toEqual({ ok: true });
    expect(isAddressAllowed('127.0.0.1', 11435, p, 'localhost').ok).toBe(false);
    expect(isAddressAllowed('127.0.0.1', 11434, p, 'evil.example').ok).toBe(false);
    expect(isAddressAllowed('127.0.0.1', 11434, p).ok).toBe(false); // no name given: sync check cannot know
  });
});

describe('createOutboundPolicy', () => {
  const saved = process.env.BOT_MANAGER_ALLOWED_PRIVATE_HOSTS;
  afterEach(() => {
    if (saved === undefined) delete process.env.BOT_MANAGER_ALLOWED_PRIVATE_HOSTS;
    else process.env.BOT_MANAGER_ALLOWED_PRIVATE_HOSTS = saved;
  });

  it('reads BOT_MANAGER_ALLOWED_PRIVATE_HOSTS by default; an explicit value wins', () => {
    process.env.BOT_MANAGER_ALLOWED_PRIVATE_HOSTS = '127.0.0.1:7000';
    expect(isAddressAllowed('127.0.0.1', 7000, createOutboundPolicy()).ok).toBe(true);
    expect(isAddressAllowed('127.0.0.1', 7000, createOutboundPolicy({ allowedPrivateHosts: '' })).ok).toBe(false);
  });

  it('fails loudly on a malformed env value', () => {
    process.env.BOT_MANAGER_ALLOWED_PRIVATE_HOSTS = 'localhost';
    expect(() => createOutboundPolicy()).toThrow(/BOT_MANAGER_ALLOWED_PRIVATE_HOSTS entry "localhost"/);
  });
});
