import { describe, expect, it } from 'vitest';
import { assertUrlAllowed, createOutboundPolicy, OutboundBlockedError, type Resolver } from './index';

const fakeDns: Record<string, string[]> = {
  'metadata.google.internal': ['169.254.169.254'],
  'mixed.example': ['93.184.215.14', '10.0.0.5'],
  'mixed6.example': ['93.184.215.14', 'fd00::5'],
  'public.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'mapped.example': ['::ffff:127.0.0.1'],
};
const resolve: Resolver = async (host) => {
  const found = fakeDns[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};
const none = createOutboundPolicy({ allowedPrivateHosts: '', resolve });

async function blocked(url: string, policy = none): Promise<OutboundBlockedError> {
  const err = await assertUrlAllowed(url, policy).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OutboundBlockedError);
  return err as OutboundBlockedError;
}

describe('assertUrlAllowed', () => {
  it.each([
    'http://127.0.0.1/',
    'http://127.0.0.1:11434/v1',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://0177.0.0.1/',
    'http://127.1/',
    'http://0/',
    'http://%31%32%37.0.0.1/',
    'http://①②⑦.0.0.1/',
    'http://[::1]/',
    'http://[::]/',
    'http://[::ffff:127.0.0.1]:8080/',
    'http://[::ffff:7f00:1]/',
    'http://[::127.0.0.1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd00:ec2::254]/',
    'http://[fe80::1]/',
    'https://10.0.0.1/',
    'http://192.168.0.1:8080',
    'http://100.100.100.200/', // Alibaba metadata (CGNAT range)
    'http://[64:ff9b::a9fe:a9fe]/',
    'http://[2002:a9fe:a9fe::1]/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://mixed.example/',
    'http://mixed6.example/',
    'http://mapped.example/',
  ])('refuses %s with a message naming the allowlist', async (url) => {
    const err = await blocked(url);
    expect(err.code).toBe('OUTBOUND_BLOCKED');
    expect(err.message).toMatch(/BOT_MANAGER_ALLOWED_PRIVATE_HOSTS/);
  });

  it('names the host and the entry to add, keeping the resolved address out of the message', async () => {
    const err = await blocked('http://metadata.google.internal/');
    expect(err.host).toBe('metadata.google.internal');
    expect(err.address).toBe('169.254.169.254');
    expect(err.port).toBe(80);
    expect(err.message).toContain('to metadata.google.internal:80 was refused: the name resolves to an internal');
    expect(err.message).not.toContain('169.254');
    expect(err.message).toContain('"metadata.google.internal:80" to BOT_MANAGER_ALLOWED_PRIVATE_HOSTS');
    const v6 = await blocked('https://[::1]/x');
    expect(v6.message).toContain('"[::1]:443"');
  });

  it.each([
    'file:///etc/passwd',
    'ftp://example.com/',
    'gopher://127.0.0.1:6379/_',
    'data:text/plain,hi',
    'javascript:alert(1)',
    'ws://public.example/',
  ])('refuses the scheme of %s (no allowlist hint)', async (url) => {
    const err = await blocked(url);
    expect(err.message).toMatch(/scheme .* is not allowed/);
    expect(err.message).not.toMatch(/BOT_MANAGER_ALLOWED_PRIVATE_HOSTS/);
  });

  it('rejects an unparsable URL with a TypeError', async () => {
    await expect(assertUrlAllowed('not a url', none)).rejects.toThrow(TypeError);
  });

  it('refuses localhost through the real resolver', async () => {
    const err = await blocked('http://localhost:9/', createOutboundPolicy({ allowedPrivateHosts: '' }));
    expect(err.reason).toMatch(/loopback/);
  });

  it('allows public literals and names whose every address is public', async () => {
    expect((await assertUrlAllowed('https://8.8.8.8/dns-query', none)).hostname).toBe('8.8.8.8');
    expect((await assertUrlAllowed('http://[2606:4700:4700::1111]/', none)).hostname).toBe('[2606:4700:4700::1111]');
    expect((await assertUrlAllowed(new URL('https://public.example/v1'), none)).href).toBe('https://public.example/v1');
  });

  it('admits allowlisted destinations on the listed port only', async () => {
    const p = createOutboundPolicy({ allowedPrivateHosts: '127.0.0.1:8080, metadata.google.internal:8081', resolve });
    await expect(assertUrlAllowed('http://127.0.0.1:8080/v1', p)).resolves.toBeInstanceOf(URL);
    await expect(assertUrlAllowed('http://2130706433:8080/v1', p)).resolves.toBeInstanceOf(URL);
    await blocked('http://127.0.0.1:8081/', p);
    await expect(assertUrlAllowed('http://metadata.google.internal:8081/', p)).resolves.toBeInstanceOf(URL);
    await blocked('http://metadata.google.internal/', p);
  });

  it('a host:port rule also admits the addresses the name resolves to, on that port', async () => {
    const p = createOutboundPolicy({ allowedPrivateHosts: 'localhost:11434' });
    await expect(assertUrlAllowed('http://localhost:11434/v1', p)).resolves.toBeInstanceOf(URL);
    await expect(assertUrlAllowed('http://127.0.0.1:11434/v1', p)).resolves.toBeInstanceOf(URL);
    await blocked('http://127.0.0.1:11435/v1', p);
    await blocked('http://localhost:11435/v1', p);
    await blocked('http://10.0.0.1:11434/v1', p);
  });
});
