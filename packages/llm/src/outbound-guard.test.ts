// The outbound guard (@bm/net's guarded fetch) applies to all three SDKs, Google's included
// (through httpOptions.fetch), and its refusal surfaces as OUTBOUND_BLOCKED.
import { createGuardedFetch, createOutboundPolicy } from '@bm/net';
import { startFakeAnthropic, startFakeGemini, startFakeOpenAI, type FakeProviderServer } from '@bm/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callProvider, listProviderModels } from './call-provider';
import { LlmError } from './errors';
import { rejectionOf } from './testing';
import type { Provider } from './types';

const fakes: Partial<Record<Provider, FakeProviderServer>> = {};

beforeAll(async () => {
  [fakes.openai, fakes.anthropic, fakes.google, fakes.local] = await Promise.all([
    startFakeOpenAI(),
    startFakeAnthropic(),
    startFakeGemini(),
    startFakeOpenAI({ requireKey: false }),
  ]);
});
afterAll(async () => {
  await Promise.all(Object.values(fakes).map((f) => f.close()));
});

const providers = ['openai', 'anthropic', 'google', 'local'] as const;
const call = (provider: (typeof providers)[number], fetchFn: typeof fetch) =>
  callProvider(
    {
      provider,
      apiKey: provider === 'local' ? undefined : 'test-key',
      baseUrl: fakes[provider]!.url,
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      connection: { id: 'c1', name: 'Guarded' },
    },
    { fetch: fetchFn },
  );

describe('outbound guard', () => {
  it.each(providers)('%s: allowed when the host:port is allowlisted', async (provider) => {
    const fake = fakes[provider]!;
    fake.reset();
    const guarded = createGuardedFetch(createOutboundPolicy({ allowedPrivateHosts: `127.0.0.1:${fake.port}` }));
    expect((await call(provider, guarded)).text).toBe('echo: hi');
    expect(fake.requests).toHaveLength(1);
  });

  it.each(providers)('%s: loopback refused by default → OUTBOUND_BLOCKED, nothing sent', async (provider) => {
    const fake = fakes[provider]!;
    fake.reset();
    const guarded = createGuardedFetch(createOutboundPolicy({ allowedPrivateHosts: '' }));
    const err = (await rejectionOf(call(provider, guarded))) as LlmError;
    expect(err).toBeInstanceOf(LlmError);
    expect(err.code).toBe('OUTBOUND_BLOCKED');
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('(connection "Guarded")');
    expect(err.message).toContain('BOT_MANAGER_ALLOWED_PRIVATE_HOSTS');
    expect(fake.requests).toHaveLength(0);
  });

  it('listing models goes through the guard too', async () => {
    const guarded = createGuardedFetch(createOutboundPolicy({ allowedPrivateHosts: '' }));
    const err = (await rejectionOf(
      listProviderModels({ provider: 'google', apiKey: 'k', baseUrl: fakes.google!.url }, { fetch: guarded }),
    )) as LlmError;
    expect(err.code).toBe('OUTBOUND_BLOCKED');
  });
});
