import OpenAI, { APIError } from 'openai';
import type {
  ChatCompletionContentPart,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { ImageInput } from '../images';
import { retryAfterFromHeaders as retryAfter } from '../errors';
import { contentFiltered, wrongShape } from '../failures';
import type { Provider } from '../types';
import {
  describeBody,
  isEventStream,
  isRecord,
  stringsOf,
  type AdapterContext,
  type ChatOutcome,
  type NormalizedChat,
  type ProviderAdapter,
} from './adapter';

/*
 * OpenAI, and every OpenAI-compatible server (`local`: Ollama, LM Studio, vLLM…; `other`: OpenRouter,
 * Groq…) through the same Chat Completions API at the connection's base URL.
 */

/** The SDK refuses to start without a key; keyless servers get this, and the header is then removed. */
const NO_KEY_PLACEHOLDER = 'no-key';

function client(ctx: AdapterContext): OpenAI {
  return new OpenAI({
    apiKey: ctx.apiKey ?? NO_KEY_PLACEHOLDER,
    baseURL: ctx.baseUrl,
    // Explicit nulls: the SDK would otherwise read OPENAI_* variables of the server's environment
    // and send the operator's organization/project along with a user's key.
    adminAPIKey: null,
    organization: null,
    project: null,
    webhookSecret: null,
    // Retries belong to Temporal: one call here is one HTTP request.
    maxRetries: 0,
    timeout: ctx.timeoutMs,
    fetch: ctx.fetch,
    ...(ctx.apiKey ? {} : { defaultHeaders: { Authorization: null } }),
  });
}

/** An image as an `image_url` part: a remote URL as is, inline data as a data URL (both are what the API takes). */
const imagePart = (image: ImageInput): ChatCompletionContentPart => ({
  type: 'image_url',
  image_url: { url: 'url' in image ? image.url : `data:${image.mimeType};base64,${image.data}` },
});

export function toMessages(req: NormalizedChat): ChatCompletionMessageParam[] {
  return [
    ...(req.system ? [{ role: 'system' as const, content: req.system }] : []),
    ...req.messages.map((m): ChatCompletionMessageParam =>
      m.role === 'user' && m.images?.length
        ? { role: 'user', content: [{ type: 'text', text: m.content }, ...m.images.map(imagePart)] }
        : { role: m.role, content: m.content },
    ),
  ];
}

/** `response_format` for the request: a JSON Schema (strict only when OpenAI can enforce it), JSON mode, or none. */
export function responseFormat(req: NormalizedChat): Pick<ChatCompletionCreateParamsNonStreaming, 'response_format'> {
  if (req.responseSchema) {
    const { name, schema, strict } = req.responseSchema;
    return { response_format: { type: 'json_schema', json_schema: { name, schema, strict } } };
  }
  return req.json ? { response_format: { type: 'json_object' } } : {};
}

export function createOpenAIAdapter(provider: Provider): ProviderAdapter {
  return {
    defaultBaseUrl: provider === 'openai' ? 'https://api.openai.com/v1' : undefined,

    async chat(req, ctx): Promise<ChatOutcome> {
      const params: ChatCompletionCreateParamsNonStreaming = {
        model: req.model,
        messages: toMessages(req),
        ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
        // OpenAI's own API deprecated max_tokens (reasoning models reject it); many compatible
        // servers only know max_tokens.
        ...(req.maxTokens !== undefined
          ? provider === 'openai'
            ? { max_completion_tokens: req.maxTokens }
            : { max_tokens: req.maxTokens }
          : {}),
        ...responseFormat(req),
      };
      if (req.onDelta) return streamChat(client(ctx), params, req, ctx, req.onDelta);
      const { data, response } = await client(ctx).chat.completions.create(params, { signal: ctx.signal }).withResponse();
      const requestId = response.headers.get('x-request-id') ?? undefined;
      const body: unknown = data;
      if (!isRecord(body) || !Array.isArray(body.choices) || body.choices.length === 0 || !isRecord(body.choices[0]?.message)) {
        throw wrongShape(ctx.call, isRecord(body) ? 'JSON without "choices[0].message"' : describeBody(response), {
          status: response.status,
          requestId,
        });
      }
      const choice = data.choices[0]!;
      if (choice.finish_reason === 'content_filter')
        throw contentFiltered(ctx.call, 'its content filter stopped the answer', { requestId });
      if (choice.message.refusal && !choice.message.content)
        throw contentFiltered(ctx.call, `the model declined ("${choice.message.refusal.slice(0, 200)}")`, { requestId });
      const usage = data.usage;
      return {
        text: choice.message.content ?? '',
        model: data.model || req.model,
        usage: {
          inputTokens: usage?.prompt_tokens ?? 0,
          outputTokens: usage?.completion_tokens ?? 0,
          ...(usage?.prompt_tokens_details?.cached_tokens ? { cachedTokens: usage.prompt_tokens_details.cached_tokens } : {}),
        },
        requestId,
        truncated: choice.finish_reason === 'length',
      };
    },

    async listModels(ctx) {
      const { data: page, response } = await client(ctx).models.list({ signal: ctx.signal }).withResponse();
      if (!/json/i.test(response.headers.get('content-type') ?? ''))
        throw wrongShape(ctx.call, describeBody(response), { status: response.status });
      const ids: string[] = [];
      for await (const model of page) if (typeof model?.id === 'string') ids.push(model.id);
      const usable = provider === 'openai' ? ids.filter((id) => !NOT_CHAT.test(id)).sort() : ids;
      return usable.map((id) => ({ id }));
    },

    httpFailure(err) {
      if (!(err instanceof APIError) || err.status === undefined) return undefined;
      // APIError.error is the body's `error` object, or undefined when the body was not JSON.
      const shaped = isRecord(err.error);
      const body = shaped ? (err.error as Record<string, unknown>) : {};
      return {
        status: err.status,
        codes: stringsOf(body.code, body.type),
        providerMessage: typeof body.message === 'string' ? body.message : undefined,
        providerShaped: shaped,
        retryAfterMs: retryAfter(err.headers),
        requestId: err.requestID ?? undefined,
      };
    },
  };
}

/** The same call streamed: text reported as it arrives, usage from the final chunk (`include_usage`). */
async function streamChat(
  openai: OpenAI,
  params: ChatCompletionCreateParamsNonStreaming,
  req: NormalizedChat,
  ctx: AdapterContext,
  onDelta: (text: string) => void,
): Promise<ChatOutcome> {
  const { data: stream, response } = await openai.chat.completions
    .create({ ...params, stream: true, stream_options: { include_usage: true } }, { signal: ctx.signal })
    .withResponse();
  const requestId = response.headers.get('x-request-id') ?? undefined;
  if (!isEventStream(response)) throw wrongShape(ctx.call, describeBody(response), { status: response.status, requestId });
  let text = '';
  let refusal = '';
  let model = '';
  let finish: string | null | undefined;
  let usage: OpenAI.CompletionUsage | null | undefined;
  for await (const chunk of stream) {
    model ||= chunk.model;
    if (chunk.usage) usage = chunk.usage;
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    const piece = choice.delta?.content;
    if (piece) {
      text += piece;
      onDelta(piece);
    }
    if (choice.delta?.refusal) refusal += choice.delta.refusal;
    if (choice.finish_reason) finish = choice.finish_reason;
  }
  if (finish === 'content_filter') throw contentFiltered(ctx.call, 'its content filter stopped the answer', { requestId });
  if (refusal && !text) throw contentFiltered(ctx.call, `the model declined ("${refusal.slice(0, 200)}")`, { requestId });
  return {
    text,
    model: model || req.model,
    usage: {
      inputTokens: usage?.prompt_tokens ?? 0,
      outputTokens: usage?.completion_tokens ?? 0,
      ...(usage?.prompt_tokens_details?.cached_tokens ? { cachedTokens: usage.prompt_tokens_details.cached_tokens } : {}),
    },
    requestId,
    truncated: finish === 'length',
  };
}

// OpenAI's /models lists every model of the account; these families cannot answer a chat request.
const NOT_CHAT = /embedding|whisper|tts|dall-e|davinci|babbage|moderation|transcribe|realtime|audio|image|search|sora|computer-use/i;
