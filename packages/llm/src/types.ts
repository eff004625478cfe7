import type { ImageInput } from './images';
import type { PriceUsed } from './pricing';
import type { ResponseSchema } from './response-schema';

export type Provider = 'openai' | 'anthropic' | 'google' | 'local' | 'other';
export type Purpose = 'analyze' | 'report' | 'draft';

export interface ChatMessage {
  role: 'user' | 'assistant' | 'system';
  content: string;
  /** Images sent with a user message (vision-capable models); see `parseImages` for the accepted forms. */
  images?: ImageInput[];
}

export interface ProviderCallInput {
  provider: Provider;
  /** Decrypted key, in memory only. Optional for `local`/`other` (Ollama needs none). */
  apiKey?: string;
  /** Required for `local`/`other`; optional gateway/proxy root for the others. */
  baseUrl?: string | null;
  model: string;
  messages: ChatMessage[];
  system?: string;
  temperature?: number;
  maxTokens?: number;
  /** Ask for a JSON answer the provider's way, and parse it into `LlmResult.json`. */
  json?: boolean;
  /**
   * The answer must match this JSON Schema (root: an object): asked for the provider's native way
   * (OpenAI json_schema, an Anthropic forced tool, Gemini responseJsonSchema), then validated. An
   * answer that does not match fails with SCHEMA_MISMATCH (billed; the caller may ask again). Not streamed.
   */
  responseSchema?: ResponseSchema;
  signal?: AbortSignal;
  /** Whole-call deadline. Default 120 s. */
  timeoutMs?: number;
  /** Names the connection in error messages (never sent to the provider). */
  connection?: { id: string; name: string };
  /** Stream the answer and report each piece of text as it arrives (best effort: for display only). */
  onDelta?: (text: string) => void;
}

export interface LlmUsage {
  /** Every input token billed, cached ones included. */
  inputTokens: number;
  /** Every output token billed (reasoning/thinking tokens included). */
  outputTokens: number;
  /** Input tokens served from the provider's prompt cache (a subset of inputTokens). */
  cachedTokens?: number;
}

export interface LlmResult {
  text: string;
  json?: unknown;
  model: string;
  usage: LlmUsage;
  latencyMs: number;
  requestId?: string;
  provider: Provider;
  connectionId?: string;
  /** What the call cost the connection's owner, at the price recorded beside it (set by the LLM service). */
  costUsd?: number;
  price?: PriceUsed;
}

export interface ProviderDeps {
  /** The outbound-guarded fetch (`@bm/net` createGuardedFetch). Defaults to the global fetch. */
  fetch?: typeof fetch;
}

export interface ListModelsInput {
  provider: Provider;
  apiKey?: string;
  baseUrl?: string | null;
  signal?: AbortSignal;
  timeoutMs?: number;
  connection?: { id: string; name: string };
}
