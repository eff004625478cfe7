import Anthropic, { APIError } from '@anthropic-ai/sdk';
import type { ContentBlockParam, MessageCreateParamsNonStreaming, MessageParam, Tool } from '@anthropic-ai/sdk/resources/messages';
import type { ImageInput } from '../images';
import { retryAfterFromHeaders } from '../errors';
import { contentFiltered, wrongShape } from '../failures';
import type { Message } from '@anthropic-ai/sdk/resources/messages';
import {
  describeBody,
  isRecord,
  stringsOf,
  type AdapterContext,
  type ChatOutcome,
  type NormalizedChat,
  type ProviderAdapter,
} from './adapter';

/** The Messages API requires max_tokens; every current Claude model allows at least this many. */
const DEFAULT_MAX_TOKENS = 4096;

function client(ctx: AdapterContext): Anthropic {
  return new Anthropic({
    // Passing the key explicitly also stops the SDK from reading ANTHROPIC_* credentials.
    apiKey: ctx.apiKey,
    baseURL: ctx.baseUrl,
    // Retries belong to Temporal: one call here is one HTTP request.
    maxRetries: 0,
    // An explicit timeout also skips the SDK's "use streaming for large max_tokens" refusal.
    timeout: ctx.timeoutMs,
    fetch: ctx.fetch,
  });
}

/** An `image` block: a remote image by URL (Anthropic fetches it), inline data as base64. */
const imageBlock = (image: ImageInput): ContentBlockParam => ({
  type: 'image',
  source: 'url' in image ? { type: 'url', url: image.url } : { type: 'base64', media_type: image.mimeType, data: image.data },
});

export function toMessages(req: NormalizedChat): MessageParam[] {
  return req.messages.map((m) =>
    m.role === 'user' && m.images?.length
      ? { role: 'user', content: [...m.images.map(imageBlock), { type: 'text', text: m.content }] }
      : { role: m.role, content: m.content },
  );
}

/**
 * Structured output the way Anthropic documents it: one tool whose input schema is the answer's,
 * and a tool_choice that forces it; the answer is that tool_use block's `input`.
 */
export function forcedTool(req: NormalizedChat): Pick<MessageCreateParamsNonStreaming, 'tools' | 'tool_choice'> {
  if (!req.responseSchema) return {};
  const { name, schema } = req.responseSchema;
  const tool: Tool = {
    name,
    description: 'Give your answer by calling this tool; its input is the answer.',
    input_schema: schema as Tool['input_schema'],
  };
  return { tools: [tool], tool_choice: { type: 'tool', name } };
}

export const anthropicAdapter: ProviderAdapter = {
  defaultBaseUrl: 'https://api.anthropic.com',

  async chat(req, ctx): Promise<ChatOutcome> {
    // JSON mode: Anthropic has no JSON switch without a schema, and the newest models refuse an
    // assistant prefill, so the instruction in `system` (added by callProvider) carries it.
    const params: MessageCreateParamsNonStreaming = {
      model: req.model,
      max_tokens: req.maxTokens ?? DEFAULT_MAX_TOKENS,
      messages: toMessages(req),
      ...(req.system ? { system: req.system } : {}),
      ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
      ...forcedTool(req),
    };
    let data: Message;
    let response: Response;
    if (req.onDelta) {
      // Streamed: each text delta as it arrives; the SDK assembles the final message (usage from message_start + message_delta).
      const stream = client(ctx).messages.stream(params, { signal: ctx.signal });
      stream.on('text', req.onDelta);
      const connected = await stream.withResponse();
      response = connected.response;
      if (!/event-stream/i.test(response.headers.get('content-type') ?? '')) {
        stream.abort();
        throw wrongShape(ctx.call, describeBody(response), {
          status: response.status,
          requestId: response.headers.get('request-id') ?? undefined,
        });
      }
      data = await stream.finalMessage();
    } else {
      ({ data, response } = await client(ctx).messages.create(params, { signal: ctx.signal }).withResponse());
    }
    const requestId = response.headers.get('request-id') ?? undefined;
    const body: unknown = data;
    if (!isRecord(body) || !Array.isArray(body.content) || !isRecord(body.usage)) {
      throw wrongShape(ctx.call, isRecord(body) ? 'JSON without "content"' : describeBody(response), {
        status: response.status,
        requestId,
      });
    }
    const text = data.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
    if (data.stop_reason === 'refusal')
      throw contentFiltered(ctx.call, 'the model declined the request (stop_reason "refusal")', { requestId });
    const toolUse = req.responseSchema ? data.content.find((b) => b.type === 'tool_use' && b.name === req.responseSchema!.name) : undefined;
    const u = data.usage;
    const cacheRead = u.cache_read_input_tokens ?? 0;
    return {
      text,
      model: data.model || req.model,
      usage: {
        // Anthropic reports cache reads and writes apart from input_tokens; all of them are input.
        inputTokens: u.input_tokens + cacheRead + (u.cache_creation_input_tokens ?? 0),
        outputTokens: u.output_tokens,
        ...(cacheRead ? { cachedTokens: cacheRead } : {}),
      },
      requestId,
      truncated: data.stop_reason === 'max_tokens',
      ...(toolUse?.type === 'tool_use' ? { structured: { value: toolUse.input } } : {}),
    };
  },

  async listModels(ctx) {
    const { data: page, response } = await client(ctx).models.list({ limit: 1000 }, { signal: ctx.signal }).withResponse();
    if (!/json/i.test(response.headers.get('content-type') ?? ''))
      throw wrongShape(ctx.call, describeBody(response), { status: response.status });
    const models: { id: string }[] = [];
    for await (const model of page) if (typeof model?.id === 'string') models.push({ id: model.id });
    return models;
  },

  httpFailure(err) {
    if (!(err instanceof APIError) || err.status === undefined) return undefined;
    // APIError.error is the whole body: { type: "error", error: { type, message, details? } }.
    const shaped = isRecord(err.error) && isRecord((err.error as Record<string, unknown>).error);
    const type = err.type ?? undefined;
    return {
      status: err.status,
      codes: stringsOf(type, err.errorCode),
      providerMessage: err.apiMessage ?? undefined,
      providerShaped: shaped,
      retryAfterMs: retryAfterFromHeaders(err.headers),
      requestId: err.requestID ?? undefined,
      ...(type === 'overloaded_error' ? { hint: 'PROVIDER_UNAVAILABLE' as const } : {}),
    };
  },
};
