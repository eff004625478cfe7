import { redactText } from '@bm/secrets';
import { LlmError, isLlmError } from './errors';
import {
  httpFailureToError,
  invalidJson,
  missingKey,
  schemaMismatch,
  timeoutError,
  transportFailureToError,
  type CallContext,
} from './failures';
import { MAX_IMAGES, parseImages } from './images';
import { JSON_INSTRUCTION, parseModelJson } from './json-output';
import { checkResponseSchema, isStrictCompatible, schemaName, validateAgainstSchema, withoutDialect } from './response-schema';
import type { AdapterContext, ChatOutcome, NormalizedChat, ProviderAdapter } from './providers/adapter';
import { anthropicAdapter } from './providers/anthropic';
import { googleAdapter } from './providers/google';
import { createOpenAIAdapter } from './providers/openai';
import type { ListModelsInput, LlmResult, Provider, ProviderCallInput, ProviderDeps } from './types';

const DEFAULT_TIMEOUT_MS = 120_000;

const ADAPTERS: Record<Provider, ProviderAdapter> = {
  openai: createOpenAIAdapter('openai'),
  local: createOpenAIAdapter('local'),
  other: createOpenAIAdapter('other'),
  anthropic: anthropicAdapter,
  google: googleAdapter,
};

/** Providers whose hosted API always needs a key (`local`/`other` may be keyless, e.g. Ollama). */
const KEY_REQUIRED = new Set<Provider>(['openai', 'anthropic', 'google']);

type Endpoint = Pick<ListModelsInput, 'provider' | 'apiKey' | 'baseUrl' | 'signal' | 'timeoutMs' | 'connection'> & { model?: string };

/** `key` names the message in the `errors` catalogue (llm.BAD_REQUEST.*); its params say which connection. */
function badRequest(call: CallContext, message: string, key: string, more: Record<string, string> = {}): LlmError {
  const params = { hasConnection: call.connection ? 'yes' : 'no', connection: call.connection?.name ?? '', ...more };
  return new LlmError('BAD_REQUEST', message, { provider: call.provider, connectionId: call.connection?.id, key, params });
}

function resolveBaseUrl(input: Endpoint, adapter: ProviderAdapter, call: CallContext): string {
  const configured = input.baseUrl?.trim() || adapter.defaultBaseUrl;
  const where = call.connection ? `connection "${call.connection.name}"` : 'this connection';
  if (!configured) {
    throw badRequest(
      call,
      `${where} has no base URL. Set the OpenAI-compatible API root (for example http://127.0.0.1:11434/v1 for Ollama) in Settings → LLM Connections.`.replace(
        /^./,
        (c) => c.toUpperCase(),
      ),
      'llm.BAD_REQUEST.noBaseUrl',
    );
  }
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    throw badRequest(
      call,
      `The base URL of ${where} is not a valid URL. Fix it in Settings → LLM Connections.`,
      'llm.BAD_REQUEST.baseUrlInvalid',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw badRequest(
      call,
      `The base URL of ${where} must start with http:// or https://. Fix it in Settings → LLM Connections.`,
      'llm.BAD_REQUEST.baseUrlProtocol',
    );
  }
  call.host = url.host;
  return configured.replace(/\/+$/, '');
}

/** Rebuilds an error with the message passed through the secret redactor. */
function redacted(err: LlmError, secrets: string[]): LlmError {
  const message = redactText(err.message, secrets);
  if (message === err.message) return err;
  // The catalogue key stays; its params are plain values and are redacted like the message.
  const params =
    err.params && Object.fromEntries(Object.entries(err.params).map(([k, v]) => [k, typeof v === 'string' ? redactText(v, secrets) : v]));
  const copy = new LlmError(err.code, message, {
    retryAfterMs: err.retryAfterMs,
    provider: err.provider,
    status: err.status,
    connectionId: err.connectionId,
    requestId: err.requestId,
    ...(err.key !== undefined ? { key: err.key, params } : {}),
  });
  if (err.billed) copy.billed = err.billed;
  if (err.mismatch)
    copy.mismatch = { ...err.mismatch, answer: redactText(err.mismatch.answer, secrets), errors: redactText(err.mismatch.errors, secrets) };
  return copy;
}

/**
 * Runs one SDK operation with the deadline, the caller's signal, the recording fetch and the
 * error mapping shared by every provider. Whatever fails comes out as one LlmError — except a
 * cancellation by the caller, which is re-thrown as the signal's reason so Temporal sees it as such.
 */
async function withProvider<T>(
  input: Endpoint,
  deps: ProviderDeps,
  op: (adapter: ProviderAdapter, ctx: AdapterContext) => Promise<T>,
): Promise<T> {
  const timeoutMs = input.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const call: CallContext = {
    provider: input.provider,
    model: input.model,
    host: 'the configured endpoint',
    connection: input.connection,
    timeoutMs,
  };
  const secrets = input.apiKey ? [input.apiKey] : [];
  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = () => controller.abort(input.signal?.reason);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('timeout'));
  }, timeoutMs);
  try {
    const adapter = ADAPTERS[input.provider];
    if (!adapter)
      throw badRequest(call, `Unknown LLM provider "${String(input.provider)}".`, 'llm.BAD_REQUEST.unknownProvider', {
        provider: String(input.provider),
      });
    const baseUrl = resolveBaseUrl(input, adapter, call);
    if (KEY_REQUIRED.has(input.provider) && !input.apiKey) throw missingKey(call);
    if (input.signal?.aborted) throw input.signal.reason;
    input.signal?.addEventListener('abort', onCallerAbort, { once: true });

    let last: Response | undefined;
    const baseFetch = deps.fetch ?? globalThis.fetch;
    const recordingFetch: typeof fetch = async (url, init) => {
      const res = await baseFetch(url, init);
      last = res;
      return res;
    };
    const ctx: AdapterContext = {
      apiKey: input.apiKey,
      baseUrl,
      fetch: recordingFetch,
      lastResponse: () => last,
      signal: controller.signal,
      // The SDK's own timer is a backstop only; ours fires first and is reported as TIMEOUT.
      timeoutMs: timeoutMs + 1_000,
      call,
    };
    try {
      return await op(adapter, ctx);
    } catch (err) {
      if (isLlmError(err)) throw err;
      if (timedOut) throw timeoutError(call);
      if (input.signal?.aborted) throw input.signal.reason ?? err;
      const http = adapter.httpFailure(err, ctx);
      throw http ? httpFailureToError(http, call) : transportFailureToError(err, call);
    }
  } catch (err) {
    throw isLlmError(err) ? redacted(err, secrets) : err;
  } finally {
    clearTimeout(timer);
    input.signal?.removeEventListener('abort', onCallerAbort);
  }
}

function normalize(input: ProviderCallInput): NormalizedChat {
  const invalid = (message: string, key: string, params: Record<string, string | number> = {}) =>
    new LlmError('BAD_REQUEST', message, { provider: input.provider, connectionId: input.connection?.id, key, params });
  const system = [input.system, ...input.messages.filter((m) => m.role === 'system').map((m) => m.content)].filter(
    (s): s is string => typeof s === 'string' && s.trim() !== '',
  );
  // A schema is asked for natively (it says more than the instruction); plain JSON mode needs the instruction.
  if (input.json && !input.responseSchema) system.push(JSON_INSTRUCTION);
  let imageCount = 0;
  const messages: NormalizedChat['messages'] = [];
  for (const m of input.messages) {
    if (m.role === 'system') continue;
    // Images come from upstream data: checked here too, whoever the caller is.
    const parsed = m.role === 'user' ? parseImages(m.images) : { ok: true as const, images: [] };
    if (!parsed.ok) throw invalid(parsed.message, `llm.BAD_REQUEST.${parsed.key}`, parsed.params);
    imageCount += parsed.images.length;
    messages.push({ role: m.role, content: m.content, ...(parsed.images.length ? { images: parsed.images } : {}) });
  }
  if (imageCount > MAX_IMAGES) {
    const params = { count: imageCount, limit: MAX_IMAGES };
    throw invalid(`${imageCount} images were given; at most ${MAX_IMAGES} can be sent.`, 'llm.BAD_REQUEST.images.tooMany', params);
  }
  if (messages.length === 0) throw invalid("The LLM node has no prompt: write one in the node's Prompt field.", 'llm.BAD_REQUEST.noPrompt');
  if (!input.model?.trim())
    throw invalid(
      "No model is selected. Choose one on the node, in the bot's settings or on the LLM connection.",
      'llm.BAD_REQUEST.noModel',
    );
  let responseSchema: NormalizedChat['responseSchema'];
  if (input.responseSchema) {
    const problem = checkResponseSchema(input.responseSchema.schema);
    if (problem) throw invalid(`The output schema ${problem.message}.`, 'llm.BAD_REQUEST.schema', { detail: problem.message });
    const schema = withoutDialect(input.responseSchema.schema);
    responseSchema = { name: schemaName(input.responseSchema.name), schema, strict: isStrictCompatible(schema) };
  }
  return {
    model: input.model.trim(),
    ...(system.length ? { system: system.join('\n\n') } : {}),
    messages,
    ...(input.temperature !== undefined ? { temperature: input.temperature } : {}),
    ...(input.maxTokens !== undefined ? { maxTokens: input.maxTokens } : {}),
    json: input.json === true || responseSchema !== undefined,
    ...(responseSchema ? { responseSchema } : {}),
    // A structured answer is only usable whole (and validated whole): it is not streamed.
    ...(input.onDelta && !responseSchema ? { onDelta: input.onDelta } : {}),
  };
}

/**
 * The answer's JSON: the provider's structured value (Anthropic's tool input), else the text
 * parsed. With a schema it must also match it; both failures are billed, and say so.
 */
function answerJson(chat: NormalizedChat, out: ChatOutcome, call: CallContext): { value: unknown; text: string } {
  const billed = { usage: out.usage, model: out.model };
  const parsed = out.structured ? { ok: true as const, value: out.structured.value } : parseModelJson(out.text);
  const text = out.structured ? JSON.stringify(out.structured.value) : out.text;
  if (!parsed.ok) {
    const err = chat.responseSchema
      ? schemaMismatch(
          call,
          {
            answer: text,
            path: '/',
            errors: out.truncated ? 'the answer was cut off before its JSON was complete' : 'the answer is not JSON',
          },
          out.requestId,
        )
      : invalidJson(call, out.text, out.requestId, out.truncated);
    // The tokens were spent: the caller prices them.
    err.billed = billed;
    throw err;
  }
  if (chat.responseSchema) {
    const check = validateAgainstSchema(chat.responseSchema.schema, parsed.value);
    if (!check.ok) {
      const err = schemaMismatch(call, { answer: text, path: check.path, errors: check.errors }, out.requestId);
      err.billed = billed;
      throw err;
    }
  }
  return { value: parsed.value, text };
}

/** One chat completion with the given provider settings. Throws LlmError. */
export async function callProvider(input: ProviderCallInput, deps: ProviderDeps = {}): Promise<LlmResult> {
  const chat = normalize(input);
  return withProvider({ ...input, model: chat.model }, deps, async (adapter, ctx) => {
    const started = performance.now();
    const out = await adapter.chat(chat, ctx);
    const latencyMs = Math.round(performance.now() - started);
    const json = chat.json ? answerJson(chat, out, ctx.call) : undefined;
    return {
      text: json?.text ?? out.text,
      ...(json ? { json: json.value } : {}),
      model: out.model,
      usage: out.usage,
      latencyMs,
      ...(out.requestId ? { requestId: out.requestId } : {}),
      provider: input.provider,
      ...(input.connection ? { connectionId: input.connection.id } : {}),
    };
  });
}

/** The models the endpoint offers to this key. Throws LlmError. */
export function listProviderModels(input: ListModelsInput, deps: ProviderDeps = {}): Promise<{ id: string }[]> {
  return withProvider(input, deps, (adapter, ctx) => adapter.listModels(ctx));
}
