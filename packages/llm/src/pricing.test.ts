import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callCost, costOf, listPrices, PRICE_SOURCE, priceFor } from './pricing';

describe('prices', () => {
  it('names the price package version that is installed (an upgrade must update asOf too)', () => {
    const require = createRequire(import.meta.url);
    // The package exports no package.json: read it beside its entry point.
    const entry = require.resolve('@pydantic/genai-prices');
    const pkg = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
    expect(pkg.version).toBe(PRICE_SOURCE.version);
    expect(PRICE_SOURCE.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('prices current models of each hosted provider from the package, with cached input where the provider has it', () => {
    expect(priceFor('openai', 'gpt-4o-mini')).toEqual({
      inputPerMTok: 0.15,
      outputPerMTok: 0.6,
      cachedInputPerMTok: 0.075,
      source: '@pydantic/genai-prices@0.1.8',
    });
    expect(priceFor('anthropic', 'claude-sonnet-4-5')).toMatchObject({ inputPerMTok: 3, outputPerMTok: 15, cachedInputPerMTok: 0.3 });
    expect(priceFor('google', 'gemini-2.5-flash')).toMatchObject({ inputPerMTok: 0.3, outputPerMTok: 2.5 });
    const table = listPrices();
    for (const provider of ['openai', 'anthropic', 'google'])
      expect(table.filter((p) => p.provider === provider).length).toBeGreaterThan(5);
  });

  it('never guesses: unknown models and local or custom endpoints are unpriced (0) unless the connection prices them', () => {
    expect(priceFor('openai', 'gpt-made-up')).toEqual({ inputPerMTok: 0, outputPerMTok: 0, source: 'unpriced' });
    expect(priceFor('local', 'llama3.2')).toMatchObject({ source: 'unpriced' });
    const own = { 'llama3.2': { inputPerMTok: 0.1, outputPerMTok: 0.2 } };
    expect(priceFor('local', 'llama3.2', own)).toEqual({ inputPerMTok: 0.1, outputPerMTok: 0.2, source: 'connection' });
    // An override wins over the package for a hosted model too (a negotiated rate).
    expect(priceFor('openai', 'gpt-4o-mini', { 'gpt-4o-mini': { inputPerMTok: 0.1, outputPerMTok: 0.4 } }).source).toBe('connection');
  });

  it('charges cached input at its own rate and the rest at the input rate', () => {
    const usage = { inputTokens: 1000, outputTokens: 100, cachedTokens: 200 };
    // 800 × 0.15 + 200 × 0.075 + 100 × 0.6 per million
    expect(callCost({ provider: 'openai', model: 'gpt-4o-mini', usage }).costUsd).toBeCloseTo(0.000195, 12);
    // 800 × 3 + 200 × 0.3 + 100 × 15 per million
    expect(callCost({ provider: 'anthropic', model: 'claude-sonnet-4-5', usage }).costUsd).toBeCloseTo(0.00396, 12);
    expect(costOf(usage, { inputPerMTok: 1, outputPerMTok: 2 })).toBeCloseTo(0.0012, 12);
    expect(callCost({ provider: 'other', model: 'x', usage }).costUsd).toBe(0);
  });

  it('applies long-context tiers to the call that crosses them', () => {
    const long = callCost({ provider: 'anthropic', model: 'claude-sonnet-4-5', usage: { inputTokens: 300_000, outputTokens: 0 } });
    expect(long.price.inputPerMTok).toBe(3);
    expect(long.costUsd).toBeGreaterThan(0.9);
  });
});
