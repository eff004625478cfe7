import { calcPrice, findProvider } from '@pydantic/genai-prices';
import type { LlmUsage, Provider } from './types';

/**
 * Where every price comes from: the maintained price data of @pydantic/genai-prices, bundled at
 * this version (these machines cannot look prices up on the web, and nobody types prices in by
 * hand). `asOf` is that version's release date; pricing.test.ts fails when the installed version
 * differs, so an upgrade also updates the date.
 */
export const PRICE_SOURCE = { package: '@pydantic/genai-prices', version: '0.1.8', asOf: '2026-09-23' } as const;
const SOURCE_ID = `${PRICE_SOURCE.package}@${PRICE_SOURCE.version}`;

/** USD per million tokens. `cachedInputPerMTok` absent: cached input costs as much as other input. */
export interface ModelPrice {
  inputPerMTok: number;
  outputPerMTok: number;
  cachedInputPerMTok?: number;
}

/**
 * The price a call was charged at, recorded with it (later price changes never rewrite history):
 * `source` is the price package and its version, `connection` for a connection's own override, or
 * `unpriced` (0, shown as such in the UI — never a guess).
 */
export interface PriceUsed extends ModelPrice {
  source: string;
}

/** The price data's provider for each of ours; local and custom endpoints have none (priced 0 unless overridden). */
const PRICE_PROVIDER: Record<Provider, string | null> = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'google',
  local: null,
  other: null,
};

const UNPRICED: PriceUsed = { inputPerMTok: 0, outputPerMTok: 0, source: 'unpriced' };

/** A flat price, or the base of a tiered one (tiers apply to the cost of each call, see callCost). */
const listed = (v: unknown) =>
  typeof v === 'number'
    ? v
    : v && typeof v === 'object' && typeof (v as { base?: unknown }).base === 'number'
      ? (v as { base: number }).base
      : undefined;

const opts = (provider: string, at: Date) => ({ providerId: provider, timestamp: at });

/** The model's list price in the price data (null: the data does not know the model). */
function packagePrice(provider: string, model: string, at: Date): PriceUsed | null {
  const found = calcPrice({ input_tokens: 1, output_tokens: 1 }, model, opts(provider, at));
  const input = listed(found?.model_price.input_mtok);
  const output = listed(found?.model_price.output_mtok);
  if (input === undefined || output === undefined) return null;
  const cached = listed(found?.model_price.cache_read_mtok);
  return { inputPerMTok: input, outputPerMTok: output, ...(cached !== undefined ? { cachedInputPerMTok: cached } : {}), source: SOURCE_ID };
}

/** The price of a model on a connection now: the connection's override, else the price data, else unpriced. */
export function priceFor(provider: Provider, model: string, overrides?: Record<string, ModelPrice> | null, at = new Date()): PriceUsed {
  const own = overrides?.[model];
  if (own) return { ...own, source: 'connection' };
  const id = PRICE_PROVIDER[provider];
  return (id && packagePrice(id, model, at)) || UNPRICED;
}

/** What a call cost in USD at a flat price (cached input at its own rate when the model has one). */
export function costOf(usage: LlmUsage, price: ModelPrice): number {
  const cached = Math.min(usage.cachedTokens ?? 0, usage.inputTokens);
  const cachedRate = price.cachedInputPerMTok ?? price.inputPerMTok;
  return round(((usage.inputTokens - cached) * price.inputPerMTok + cached * cachedRate + usage.outputTokens * price.outputPerMTok) / 1e6);
}

/**
 * The price and cost of one call, fixed when it is made: an override at its flat rate; the price
 * data through its own calculation (long-context tiers and dated prices applied to this call).
 */
export function callCost(
  call: { provider: Provider; model: string; usage: LlmUsage },
  overrides?: Record<string, ModelPrice> | null,
  at = new Date(),
): { price: PriceUsed; costUsd: number } {
  const price = priceFor(call.provider, call.model, overrides, at);
  if (price.source !== SOURCE_ID) return { price, costUsd: costOf(call.usage, price) };
  const { inputTokens, outputTokens, cachedTokens } = call.usage;
  const r = calcPrice(
    {
      input_tokens: inputTokens,
      output_tokens: outputTokens,
      ...(cachedTokens ? { cache_read_tokens: Math.min(cachedTokens, inputTokens) } : {}),
    },
    call.model,
    opts(PRICE_PROVIDER[call.provider]!, at),
  );
  return { price, costUsd: r ? round(r.total_price) : costOf(call.usage, price) };
}

/** Twelve decimals: far below a cent, and free of float noise in sums shown to people. */
const round = (usd: number) => Math.round(usd * 1e12) / 1e12;

export interface ListedPrice extends ModelPrice {
  provider: 'openai' | 'anthropic' | 'google';
  model: string;
}

/** The price table of GET /api/prices: every current (not deprecated) model of the hosted providers with a flat token price. */
export function listPrices(): ListedPrice[] {
  const out: ListedPrice[] = [];
  for (const provider of ['openai', 'anthropic', 'google'] as const) {
    for (const m of findProvider({ providerId: PRICE_PROVIDER[provider]! })?.models ?? []) {
      if (m.deprecated) continue;
      const p = priceFor(provider, m.id);
      if (p.source === 'unpriced') continue;
      const { source: _, ...price } = p;
      out.push({ provider, model: m.id, ...price });
    }
  }
  return out;
}

const isRate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** A connection's stored overrides, keeping only well-formed entries (the column is JSON). */
export function pricesOf(stored: unknown): Record<string, ModelPrice> | null {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return null;
  const out: Record<string, ModelPrice> = {};
  for (const [model, p] of Object.entries(stored as Record<string, Partial<ModelPrice>>)) {
    if (!p || !isRate(p.inputPerMTok) || !isRate(p.outputPerMTok)) continue;
    out[model] = {
      inputPerMTok: p.inputPerMTok,
      outputPerMTok: p.outputPerMTok,
      ...(isRate(p.cachedInputPerMTok) ? { cachedInputPerMTok: p.cachedInputPerMTok } : {}),
    };
  }
  return out;
}
