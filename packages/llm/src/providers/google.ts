import { ApiError, GenerateContentResponse, GoogleGenAI, type Content, type GenerateContentParameters, type Part } from '@google/genai';
import { mimeTypeFromUrl, type ImageInput } from '../images';
import type { LlmErrorCode } from '../errors';
import { parseDurationMs, retryAfterFromHeaders } from '../errors';
import { contentFiltered, wrongShape } from '../failures';
import {
  contentTypeOf,
  describeBody,
  isRecord,
  stringsOf,
  type AdapterContext,
  type ChatOutcome,
  type NormalizedChat,
  type ProviderAdapter,
} from './adapter';

/*
 * Gemini API through @google/genai. The SDK takes a custom fetch in `httpOptions.fetch` (3.x), so the
 * outbound guard applies exactly as for the other SDKs. Given a fetch, the SDK also stops installing
 * its own no-timeout undici dispatcher. It only retries when `httpOptions.retryOptions` is set,
 * which we never do: retries belong to Temporal.
 */

function client(ctx: AdapterContext): GoogleGenAI {
  return new GoogleGenAI({
    // Explicit key, backend and version: otherwise the SDK falls back to GOOGLE_API_KEY /
    // GEMINI_API_KEY / GOOGLE_GENAI_USE_VERTEXAI of the server's environment.
    apiKey: ctx.apiKey,
    vertexai: false,
    apiVersion: 'v1beta',
    httpOptions: { baseUrl: ctx.baseUrl, timeout: ctx.timeoutMs, fetch: ctx.fetch },
  });
}

/** finishReason values meaning the answer was withheld by a safety or policy filter. */
const BLOCKED_FINISH = new Set([
  'SAFETY',
  'PROHIBITED_CONTENT',
  'BLOCKLIST',
  'SPII',
  'RECITATION',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
]);

/** The SDK turns a 200 with a non-JSON body into a bare SyntaxError; name what actually came back. */
async function guardShape<T>(ctx: AdapterContext, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof SyntaxError) throw wrongShape(ctx.call, describeBody(ctx.lastResponse()), { status: ctx.lastResponse()?.status });
    throw err;
  }
}

/**
 * The same call streamed (`streamGenerateContent?alt=sse`): text reported as it arrives; the chunks
 * folded into one response of the non-streamed shape (usage and finish reason come with the last).
 */
async function streamContent(
  ai: GoogleGenAI,
  params: GenerateContentParameters,
  onDelta: (text: string) => void,
): Promise<GenerateContentResponse> {
  let text = '';
  let last: GenerateContentResponse | undefined;
  let usage: GenerateContentResponse['usageMetadata'];
  for await (const chunk of await ai.models.generateContentStream(params)) {
    last = chunk;
    if (chunk.usageMetadata) usage = chunk.usageMetadata;
    for (const part of chunk.candidates?.[0]?.content?.parts ?? []) {
      if (part.thought || typeof part.text !== 'string' || !part.text) continue;
      text += part.text;
      onDelta(part.text);
    }
  }
  if (!last) return Object.assign(new GenerateContentResponse(), { candidates: [] });
  const candidate = last.candidates?.[0];
  return Object.assign(new GenerateContentResponse(), {
    ...last,
    usageMetadata: usage,
    candidates: candidate ? [{ ...candidate, content: { role: 'model', parts: [{ text }] } }] : last.candidates,
  });
}

/** Inline data as `inlineData`; a remote image as `fileData` with the type its file name suggests. */
function imagePart(image: ImageInput): Part {
  if ('data' in image) return { inlineData: { mimeType: image.mimeType, data: image.data } };
  const mimeType = mimeTypeFromUrl(image.url);
  return { fileData: { fileUri: image.url, ...(mimeType ? { mimeType } : {}) } };
}

export function toContents(req: NormalizedChat): Content[] {
  return req.messages.map((m) => ({
    role: m.role === 'assistant' ? 'model' : 'user',
    parts: [...(m.role === 'user' ? (m.images ?? []).map(imagePart) : []), { text: m.content }],
  }));
}

/**
 * JSON output: `responseMimeType` alone (JSON mode), or with `responseJsonSchema` — the SDK (3.x)
 * passes that plain JSON Schema through as `generationConfig.responseJsonSchema`, unlike
 * `responseSchema`, which takes Google's OpenAPI subset.
 */
export function jsonConfig(req: NormalizedChat): NonNullable<GenerateContentParameters['config']> {
  if (req.responseSchema) return { responseMimeType: 'application/json', responseJsonSchema: req.responseSchema.schema };
  return req.json ? { responseMimeType: 'application/json' } : {};
}

export const googleAdapter: ProviderAdapter = {
  defaultBaseUrl: 'https://generativelanguage.googleapis.com',

  async chat(req, ctx): Promise<ChatOutcome> {
    const params: GenerateContentParameters = {
      model: req.model,
      contents: toContents(req),
      config: {
        abortSignal: ctx.signal,
        ...(req.system ? { systemInstruction: req.system } : {}),
        ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
        ...(req.maxTokens !== undefined ? { maxOutputTokens: req.maxTokens } : {}),
        ...jsonConfig(req),
      },
    };
    const res = await guardShape(ctx, () =>
      req.onDelta ? streamContent(client(ctx), params, req.onDelta) : client(ctx).models.generateContent(params),
    );
    const requestId = typeof res.responseId === 'string' ? res.responseId : undefined;
    if (!Array.isArray(res.candidates) && !isRecord(res.promptFeedback)) {
      throw wrongShape(ctx.call, 'JSON without "candidates"', { requestId });
    }
    const blockReason = res.promptFeedback?.blockReason;
    if (blockReason) throw contentFiltered(ctx.call, `the prompt was blocked (blockReason ${blockReason})`, { requestId });
    const candidate = res.candidates?.[0];
    if (!candidate) throw wrongShape(ctx.call, 'an answer with no candidates', { requestId });
    if (candidate.finishReason && BLOCKED_FINISH.has(candidate.finishReason)) {
      throw contentFiltered(ctx.call, `the answer was blocked (finishReason ${candidate.finishReason})`, { requestId });
    }
    const text = (candidate.content?.parts ?? [])
      .filter((p) => !p.thought && typeof p.text === 'string')
      .map((p) => p.text)
      .join('');
    const u = res.usageMetadata;
    return {
      text,
      model: res.modelVersion || req.model,
      usage: {
        inputTokens: u?.promptTokenCount ?? 0,
        // Thinking tokens are billed as output.
        outputTokens: (u?.candidatesTokenCount ?? 0) + (u?.thoughtsTokenCount ?? 0),
        ...(u?.cachedContentTokenCount ? { cachedTokens: u.cachedContentTokenCount } : {}),
      },
      requestId,
      truncated: candidate.finishReason === 'MAX_TOKENS',
    };
  },

  async listModels(ctx) {
    return guardShape(ctx, async () => {
      const pager = await client(ctx).models.list({ config: { pageSize: 1000, abortSignal: ctx.signal } });
      const models: { id: string }[] = [];
      for await (const model of pager) {
        if (typeof model.name !== 'string') continue;
        // The list also holds embedding, imagen and veo models; keep what can answer a chat.
        if (Array.isArray(model.supportedActions) && !model.supportedActions.includes('generateContent')) continue;
        models.push({ id: model.name.replace(/^models\//, '') });
      }
      return models;
    });
  },

  httpFailure(err, ctx) {
    if (!(err instanceof ApiError)) return undefined;
    // ApiError.message is the JSON body (google.rpc.Status) — or the SDK's own wrapper of a non-JSON body.
    let parsed: unknown;
    try {
      parsed = JSON.parse(err.message);
    } catch {
      parsed = undefined;
    }
    if (Array.isArray(parsed)) parsed = parsed[0];
    const e: Record<string, any> = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : {};
    const last = ctx.lastResponse();
    const shaped = last ? /json/i.test(contentTypeOf(last)) : typeof e.status === 'string' && /^[A-Z_]+$/.test(e.status);
    const details: Record<string, any>[] = Array.isArray(e.details) ? e.details.filter(isRecord) : [];
    const reasons = details.map((d) => d.reason).filter((r): r is string => typeof r === 'string');
    const retryInfo = details.find((d) => String(d['@type']).endsWith('google.rpc.RetryInfo'));
    const message = typeof e.message === 'string' ? e.message : undefined;
    let hint: LlmErrorCode | undefined;
    // Gemini answers a bad key with 400 INVALID_ARGUMENT, not 401.
    if (reasons.some((r) => /^API_KEY_/.test(r)) || /API key (not valid|expired)/i.test(message ?? '')) hint = 'KEY_REJECTED';
    return {
      status: err.status,
      codes: stringsOf(e.status, ...reasons),
      providerMessage: message,
      providerShaped: shaped,
      retryAfterMs: parseDurationMs(retryInfo?.retryDelay) ?? retryAfterFromHeaders(last?.headers),
      ...(hint ? { hint } : {}),
    };
  },
};
