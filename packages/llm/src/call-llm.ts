import { callProvider, listProviderModels } from './call-provider';
import { estimateCallUsd } from './estimate';
import { callCost, priceFor, pricesOf } from './pricing';
import { LlmError, isLlmError } from './errors';
import type { ImageInput } from './images';
import type { ResponseSchema } from './response-schema';
import type { ChatMessage, LlmResult, Provider, Purpose } from './types';

/** A stored connection as the store hands it over: the key still sealed. */
export interface LlmConnectionRecord {
  id: string;
  ownerUserId: string;
  workspaceId: string;
  provider: Provider;
  name: string;
  baseUrl: string | null;
  modelDefault: string;
  isActive: boolean;
  shared: boolean;
  apiKeyEncrypted: string | null;
  keyId: string | null;
  keyNonce: string | null;
  /** The connection's own prices per model (USD per million tokens), over the price data (stored JSON, read with `pricesOf`). */
  prices?: unknown;
}

/** A bot's LLM settings, as callLLM reads them. */
export interface LlmBotRecord {
  id: string;
  workspaceId: string;
  llmConnectionId: string | null;
  llmModelOverride: string | null;
}

/**
 * Implemented over the database elsewhere; callLLM depends on nothing else of it. One lookup per
 * call (an LLM node's hot path): the bot, the connection to use — `connectionId` if given, else the
 * bot's — and whether the caller is a member of the bot's workspace. Null when the bot does not exist.
 */
export interface LlmStore {
  lookup(req: {
    botId: string;
    connectionId?: string;
    userId: string;
  }): Promise<{ bot: LlmBotRecord; connection: LlmConnectionRecord | null; member: boolean } | null>;
}

export interface CallLlmRequest {
  userId: string;
  botId: string;
  nodeId?: string;
  purpose: Purpose;
  prompt?: string;
  messages?: ChatMessage[];
  system?: string;
  /** The node's own connection; wins over the bot's. */
  connectionId?: string;
  /** The node's own model; wins over the bot's override and the connection's default. */
  model?: string;
  temperature?: number;
  maxTokens?: number;
  json?: boolean;
  /** The answer must match this JSON Schema (see ProviderCallInput.responseSchema); such a call is not streamed. */
  responseSchema?: ResponseSchema;
  /** Images sent with `prompt` (a vision-capable model is needed). */
  images?: ImageInput[];
  signal?: AbortSignal;
  /** Overrides the service's deadline for this call. */
  timeoutMs?: number;
  /** Stream the answer: each piece of text as it arrives (display only; the result is still the whole answer). */
  onDelta?: (text: string) => void;
  /**
   * Called once the connection and model are known, right before the provider is: may refuse the
   * call (throw, e.g. BUDGET_EXCEEDED) — nothing is sent and nothing is spent then.
   */
  beforeCall?: (call: { connectionId: string; provider: Provider; model: string; estimateUsd: () => Promise<number> }) => Promise<void>;
}

export interface LlmServiceDeps {
  store: LlmStore;
  /** Opens the sealed key (e.g. `decryptSecret(ring, sealed, rec.id)`); undefined when none is stored. */
  decrypt: (rec: LlmConnectionRecord) => string | undefined;
  /** The outbound-guarded fetch. Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Deadline of one callLLM. Default 120 s. */
  timeoutMs?: number;
  /** Deadline of testConnection / listModels. Default 30 s. */
  probeTimeoutMs?: number;
}

export type TestConnectionResult =
  { ok: true; model: string; latencyMs: number; output: string } | { ok: false; error: { code: string; message: string } };

export interface LlmService {
  callLLM(req: CallLlmRequest): Promise<LlmResult>;
  testConnection(rec: LlmConnectionRecord, opts?: { signal?: AbortSignal }): Promise<TestConnectionResult>;
  listModels(rec: LlmConnectionRecord, opts?: { signal?: AbortSignal }): Promise<{ id: string }[]>;
}

const PICK_ONE = "Pick one in the bot's settings or on the node.";
const nonEmpty = (s: string | null | undefined): string | undefined => (s && s.trim() !== '' ? s.trim() : undefined);

/**
 * The one rule for who may use a connection, everywhere (API, validation, callLLM): it belongs to
 * the workspace the bot lives in, and the user owns it or it is shared there. Workspace membership
 * itself is checked by the caller.
 */
export function connectionUsableBy(
  rec: { workspaceId: string; ownerUserId: string; shared: boolean },
  userId: string,
  workspaceId: string,
): boolean {
  return rec.workspaceId === workspaceId && (rec.ownerUserId === userId || rec.shared);
}

export function createLlmService(deps: LlmServiceDeps): LlmService {
  const probeTimeoutMs = deps.probeTimeoutMs ?? 30_000;

  function openKey(rec: LlmConnectionRecord): string | undefined {
    try {
      return deps.decrypt(rec);
    } catch {
      // The cause may quote sealed material; it is not passed on.
      throw new LlmError(
        'KEY_UNREADABLE',
        `The stored API key of connection "${rec.name}" could not be decrypted (the server's encryption key may have changed). Enter the key again in Settings → LLM Connections.`,
        { provider: rec.provider, connectionId: rec.id, key: 'llm.KEY_UNREADABLE', params: { connection: rec.name } },
      );
    }
  }

  async function resolveConnection(req: CallLlmRequest) {
    const fromNode = nonEmpty(req.connectionId);
    const found = await deps.store.lookup({ botId: req.botId, connectionId: fromNode, userId: req.userId });
    if (!found) throw new LlmError('BAD_REQUEST', `The bot ${req.botId} was not found.`);
    const { bot } = found;
    const connectionId = fromNode ?? nonEmpty(bot.llmConnectionId);
    if (!connectionId)
      throw new LlmError('NO_CONNECTION', `This bot has no LLM connection. ${PICK_ONE}`, { key: 'llm.NO_CONNECTION', params: {} });
    const rec = found.connection;
    const allowed = rec !== null && connectionUsableBy(rec, req.userId, bot.workspaceId) && found.member;
    // A colleague's personal key in the same workspace: say whose money it is and what to do instead
    // (the bot's members can see which connection it names; the key itself stays sealed).
    if (rec && !allowed && found.member && rec.workspaceId === bot.workspaceId && !rec.shared) {
      throw new LlmError(
        'CONNECTION_PERSONAL',
        `The LLM connection "${rec.name}" is another member's personal connection: only runs they start, and triggers they created, may use their key. Pick a shared connection or one of your own in the bot's settings or on the node.`,
        { key: 'llm.CONNECTION_PERSONAL', params: { connection: rec.name } },
      );
    }
    if (!rec || !allowed) {
      // Same answer whether it does not exist or is someone else's: existence is not revealed.
      throw new LlmError(
        'CONNECTION_NOT_FOUND',
        `The LLM connection chosen for this ${fromNode ? 'node' : 'bot'} was not found or is not available to you. Pick a shared connection or one of your own in the bot's settings or on the node.`,
        { key: 'llm.CONNECTION_NOT_FOUND', params: { for: fromNode ? 'node' : 'bot' } },
      );
    }
    if (!rec.isActive) {
      throw new LlmError(
        'CONNECTION_INACTIVE',
        `The LLM connection "${rec.name}" is turned off. Turn it back on in Settings → LLM Connections, or pick another connection in the bot's settings or on the node.`,
        { provider: rec.provider, connectionId: rec.id, key: 'llm.CONNECTION_INACTIVE', params: { connection: rec.name } },
      );
    }
    const model = nonEmpty(req.model) ?? nonEmpty(bot.llmModelOverride) ?? rec.modelDefault;
    return { rec, model };
  }

  return {
    async callLLM(req) {
      const { rec, model } = await resolveConnection(req);
      const messages: ChatMessage[] = [
        ...(req.messages ?? []),
        ...(nonEmpty(req.prompt)
          ? [{ role: 'user' as const, content: req.prompt!, ...(req.images?.length ? { images: req.images } : {}) }]
          : []),
      ];
      const own = pricesOf(rec.prices);
      // The estimate is made only when a budget needs it (OpenAI's tokenizer is loaded then).
      const estimateUsd = async () =>
        (
          await estimateCallUsd(
            { system: req.system, messages, maxTokens: req.maxTokens },
            priceFor(rec.provider, model, own),
            rec.provider,
            model,
          )
        ).usd;
      await req.beforeCall?.({ connectionId: rec.id, provider: rec.provider, model, estimateUsd });
      const result = await callProvider(
        {
          provider: rec.provider,
          apiKey: openKey(rec),
          baseUrl: rec.baseUrl,
          model,
          messages,
          system: req.system,
          temperature: req.temperature,
          maxTokens: req.maxTokens,
          json: req.json,
          ...(req.responseSchema ? { responseSchema: req.responseSchema } : {}),
          signal: req.signal,
          timeoutMs: req.timeoutMs ?? deps.timeoutMs,
          connection: { id: rec.id, name: rec.name },
          onDelta: req.onDelta,
        },
        { fetch: deps.fetch },
      ).catch((err: unknown) => {
        // Billed although it failed: priced like a success, so the node's cost counts it.
        if (isLlmError(err) && err.billed) {
          const { price, costUsd } = callCost({ provider: rec.provider, model: err.billed.model || model, usage: err.billed.usage }, own);
          err.billed = { ...err.billed, price, costUsd, connectionId: rec.id };
        }
        throw err;
      });
      // Priced now, at today's price: a later price change never rewrites what this call cost.
      // An override may name the model as configured or as the provider reported it.
      const priced = own?.[model] ? model : result.model;
      const { price, costUsd } = callCost({ provider: rec.provider, model: priced, usage: result.usage }, own);
      return { ...result, connectionId: rec.id, costUsd, price };
    },

    async testConnection(rec, opts = {}) {
      try {
        const result = await callProvider(
          {
            provider: rec.provider,
            apiKey: openKey(rec),
            baseUrl: rec.baseUrl,
            model: rec.modelDefault,
            messages: [{ role: 'user', content: 'Hello world' }],
            maxTokens: 16,
            signal: opts.signal,
            timeoutMs: probeTimeoutMs,
            connection: { id: rec.id, name: rec.name },
          },
          { fetch: deps.fetch },
        );
        return { ok: true, model: result.model, latencyMs: result.latencyMs, output: result.text };
      } catch (err) {
        if (isLlmError(err)) return { ok: false, error: { code: err.code, message: err.message } };
        throw err;
      }
    },

    async listModels(rec, opts = {}) {
      return listProviderModels(
        {
          provider: rec.provider,
          apiKey: openKey(rec),
          baseUrl: rec.baseUrl,
          signal: opts.signal,
          timeoutMs: probeTimeoutMs,
          connection: { id: rec.id, name: rec.name },
        },
        { fetch: deps.fetch },
      );
    },
  };
}
