import type { CallContext, HttpFailure } from '../failures';
import type { ImageInput } from '../images';
import type { LlmUsage } from '../types';

/** A chat request after callProvider normalised it (system text merged, JSON instruction added). */
export interface NormalizedChat {
  model: string;
  system?: string;
  messages: { role: 'user' | 'assistant'; content: string; images?: ImageInput[] }[];
  temperature?: number;
  maxTokens?: number;
  json: boolean;
  /** Structured output: the schema (root an object), a provider-safe name, and whether OpenAI may enforce it strictly. */
  responseSchema?: { name: string; schema: Record<string, unknown>; strict: boolean };
  /** Set: the answer is streamed and each piece of text reported here as it arrives (the result is still the whole answer). */
  onDelta?: (text: string) => void;
}

export interface AdapterContext {
  apiKey?: string;
  /** The endpoint root, without a trailing slash. */
  baseUrl: string;
  /** The (guarded) fetch, wrapped so the last HTTP response stays inspectable. */
  fetch: typeof fetch;
  lastResponse(): Response | undefined;
  signal: AbortSignal;
  timeoutMs: number;
  call: CallContext;
}

export interface ChatOutcome {
  text: string;
  model: string;
  usage: LlmUsage;
  requestId?: string;
  /** The answer stopped at the output token limit (it may be incomplete). */
  truncated?: boolean;
  /** A structured answer the provider handed over as a value (Anthropic's tool input), not as text. */
  structured?: { value: unknown };
}

/** One per provider SDK. Only files under providers/ import an SDK. */
export interface ProviderAdapter {
  defaultBaseUrl?: string;
  chat(req: NormalizedChat, ctx: AdapterContext): Promise<ChatOutcome>;
  listModels(ctx: AdapterContext): Promise<{ id: string }[]>;
  /** Reduces this SDK's HTTP error to an HttpFailure; undefined for anything else. */
  httpFailure(err: unknown, ctx: AdapterContext): HttpFailure | undefined;
}

export const stringsOf = (...values: unknown[]): string[] => values.filter((v): v is string => typeof v === 'string' && v !== '');

export const isRecord = (v: unknown): v is Record<string, any> => v !== null && typeof v === 'object' && !Array.isArray(v);

export const contentTypeOf = (res: Response | undefined): string => res?.headers.get('content-type') ?? '';

/** A streamed call must get a stream: anything else (an HTML page, JSON) is the wrong endpoint. */
export const isEventStream = (res: Response | undefined): boolean => /event-stream/i.test(contentTypeOf(res));

export const describeBody = (res: Response | undefined): string => {
  const type = contentTypeOf(res).split(';')[0]?.trim();
  return type ? `a ${type} answer` : 'an answer without a content type';
};
