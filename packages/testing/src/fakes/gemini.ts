import {
  startFakeProvider,
  type FakeBehaviour,
  type FakeHttpAnswer,
  type FakeProviderServer,
  type FakeRawResponse,
  type FakeServerOptions,
  type ProviderSpec,
  type RecordedRequest,
} from './fake-http';
import {
  HTML_PAGE,
  IMAGE_TYPES,
  asRecord,
  contentText,
  echoText,
  estimateTokens,
  lastOfRole,
  randomBase62,
  scriptedText,
} from './wire-util';

/*
 * Gemini API (generativelanguage.googleapis.com) wire format. Google's errors are google.rpc.Status
 * objects: `{ error: { code, message, status, details? } }`. The API has no request-id header; the
 * body's `responseId` identifies an answer.
 */

const JSON_UTF8 = { 'content-type': 'application/json; charset=UTF-8' };

const rpcError = (code: number, status: string, message: string, details?: unknown[]): FakeHttpAnswer => ({
  status: code,
  headers: JSON_UTF8,
  body: { error: { code, message, status, ...(details ? { details } : {}) } },
});

const asRaw = (a: FakeHttpAnswer): FakeRawResponse => ({ status: a.status, headers: a.headers, body: a.body });

const CALL_RE = /^\/(v1beta|v1)\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

const modelOf = (req: RecordedRequest): string => CALL_RE.exec(req.path)?.[2] ?? 'gemini-2.5-flash';

interface Usage {
  input: number;
  output: number;
  cached: number;
}

function promptTokens(body: Record<string, any>): number {
  const contents: unknown[] = Array.isArray(body.contents) ? body.contents : [];
  const system = contentText(asRecord(body.systemInstruction).parts);
  return contents.reduce((sum: number, c) => sum + estimateTokens(contentText(asRecord(c).parts)), estimateTokens(system));
}

const usageMetadata = (u: Usage) => ({
  promptTokenCount: u.input,
  candidatesTokenCount: u.output,
  totalTokenCount: u.input + u.output,
  ...(u.cached ? { cachedContentTokenCount: u.cached } : {}),
  promptTokensDetails: [{ modality: 'TEXT', tokenCount: u.input }],
});

function generateResponse(req: RecordedRequest, text: string | null, finishReason: string, usage: Usage) {
  return {
    candidates: [
      {
        ...(text === null ? {} : { content: { parts: [{ text }], role: 'model' } }),
        finishReason,
        index: 0,
        ...(finishReason === 'SAFETY'
          ? { safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true }] }
          : {}),
      },
    ],
    usageMetadata: usageMetadata(usage),
    modelVersion: modelOf(req),
    responseId: randomBase62(22),
  };
}

const DEFAULT_MODELS = ['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.5-flash-lite'];

const modelResource = (id: string) => ({
  name: `models/${id}`,
  version: '001',
  displayName: id,
  inputTokenLimit: 1_048_576,
  outputTokenLimit: 65_536,
  supportedGenerationMethods: ['generateContent', 'countTokens', 'createCachedContent', 'batchGenerateContent'],
});

const invalidKey = () =>
  rpcError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'API_KEY_INVALID',
      domain: 'googleapis.com',
      metadata: { service: 'generativelanguage.googleapis.com' },
    },
    {
      '@type': 'type.googleapis.com/google.rpc.LocalizedMessage',
      locale: 'en-US',
      message: 'API key not valid. Please pass a valid API key.',
    },
  ]);

/** The API's 400 for a malformed image part or a schema without JSON output, else undefined. */
function requestProblem(body: Record<string, any>): FakeHttpAnswer | undefined {
  const bad = (message: string) => rpcError(400, 'INVALID_ARGUMENT', message);
  for (const [i, c] of (body.contents as unknown[]).entries()) {
    const parts: unknown[] = Array.isArray(asRecord(c).parts) ? asRecord(c).parts : [];
    for (const [j, part] of parts.entries()) {
      const p = asRecord(part);
      const at = `* GenerateContentRequest.contents[${i}].parts[${j}]`;
      if (p.inlineData !== undefined) {
        const d = asRecord(p.inlineData);
        if (!IMAGE_TYPES.includes(d.mimeType) && !/^(audio|video|application|text)\//.test(String(d.mimeType)))
          return bad(`${at}.inline_data.mime_type: Unsupported MIME type: ${String(d.mimeType)}\n`);
        if (typeof d.data !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(d.data))
          return bad(`Invalid value at 'contents[${i}].parts[${j}].inline_data.data' (TYPE_BYTES), Base64 decoding failed`);
      }
      if (p.fileData !== undefined && typeof asRecord(p.fileData).fileUri !== 'string')
        return bad(`${at}.file_data.file_uri: file_uri is not specified\n`);
    }
  }
  const config = asRecord(body.generationConfig);
  if ((config.responseJsonSchema !== undefined || config.responseSchema !== undefined) && config.responseMimeType !== 'application/json')
    return bad(
      '* GenerateContentRequest.generation_config.response_mime_type: a response schema needs response_mime_type "application/json".\n',
    );
  return undefined;
}

const geminiSpec: ProviderSpec = {
  urlPath: '',
  newRequestId: () => randomBase62(22),
  readKey: (req) => req.headers['x-goog-api-key'] ?? req.query.key,
  rejectKey(_req, key, opts) {
    if (opts.requireKey === false && key === undefined) return undefined;
    if (key === undefined) {
      return rpcError(
        403,
        'PERMISSION_DENIED',
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
      );
    }
    if (opts.validKeys && !opts.validKeys.includes(key)) return invalidKey();
    return undefined;
  },
  route(req, reply, opts): FakeHttpAnswer {
    const ids = opts.models ?? DEFAULT_MODELS;
    if (req.method === 'GET' && /^\/(v1beta|v1)\/models$/.test(req.path)) {
      return { status: 200, headers: JSON_UTF8, body: { models: ids.map(modelResource) } };
    }
    const get = /^\/(v1beta|v1)\/models\/([^/:]+)$/.exec(req.path);
    if (req.method === 'GET' && get) {
      return ids.includes(get[2]!)
        ? { status: 200, headers: JSON_UTF8, body: modelResource(get[2]!) }
        : rpcError(404, 'NOT_FOUND', `Model is not found: models/${get[2]} for api version ${get[1]}`);
    }
    const call = CALL_RE.exec(req.path);
    if (req.method === 'POST' && call) {
      const body = asRecord(req.body);
      if (!Array.isArray(body.contents) || body.contents.length === 0) {
        return rpcError(400, 'INVALID_ARGUMENT', '* GenerateContentRequest.contents: contents is not specified\n');
      }
      const problem = requestProblem(body);
      if (problem) return problem;
      const json = asRecord(body.generationConfig).responseMimeType === 'application/json';
      const text = scriptedText(reply) ?? echoText(lastOfRole(body.contents, ['user']), json);
      const usage: Usage = {
        input: reply?.usage?.inputTokens ?? promptTokens(body),
        output: reply?.usage?.outputTokens ?? estimateTokens(text),
        cached: reply?.usage?.cachedTokens ?? 0,
      };
      if (call[3] === 'streamGenerateContent') {
        const pieces = text.match(/.{1,16}/gs) ?? [''];
        const responseId = randomBase62(22);
        const sse = pieces.map((p, i) => {
          const last = i === pieces.length - 1;
          return {
            candidates: [{ content: { parts: [{ text: p }], role: 'model' }, ...(last ? { finishReason: 'STOP' } : {}), index: 0 }],
            usageMetadata: last ? usageMetadata(usage) : { promptTokenCount: usage.input, totalTokenCount: usage.input },
            modelVersion: call[2],
            responseId,
          };
        });
        return { status: 200, sse };
      }
      return { status: 200, headers: JSON_UTF8, body: generateResponse(req, text, 'STOP', usage) };
    }
    return {
      status: 404,
      headers: { 'content-type': 'text/html; charset=UTF-8' },
      body: '<!DOCTYPE html>\n<html lang=en><title>Error 404 (Not Found)!!1</title><p><b>404.</b> <ins>That’s an error.</ins></html>',
    };
  },
};

/** A loopback server speaking the Gemini API (`/v1beta/models/{model}:generateContent`). `url` is the root. */
export function startFakeGemini(opts: FakeServerOptions = {}): Promise<FakeProviderServer> {
  return startFakeProvider(geminiSpec, opts);
}

/** Scripted answers with the bodies generativelanguage.googleapis.com really sends. */
export const geminiResponses = {
  text: (reply: string): FakeBehaviour => ({ reply }),
  /** A structured answer: the text part is this value as JSON (what responseMimeType application/json gives). */
  json: (value: unknown): FakeBehaviour => ({ json: value }),
  slow: (delayMs: number): FakeBehaviour => ({ echo: true, delayMs }),
  /** Gemini answers a bad key with 400 INVALID_ARGUMENT / API_KEY_INVALID, not 401. */
  invalidKey: (): FakeRawResponse => asRaw(invalidKey()),
  forbidden: (): FakeRawResponse =>
    asRaw(
      rpcError(403, 'PERMISSION_DENIED', "Permission denied: Consumer 'api_key:fake' has been suspended.", [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'CONSUMER_SUSPENDED', domain: 'googleapis.com' },
      ]),
    ),
  modelNotFound: (): FakeRawResponse => ({
    status: 404,
    headers: JSON_UTF8,
    body: (req: RecordedRequest) => ({
      error: {
        code: 404,
        message: `models/${modelOf(req)} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`,
        status: 'NOT_FOUND',
      },
    }),
  }),
  /** 429 RESOURCE_EXHAUSTED with a QuotaFailure and a RetryInfo `retryDelay` (Gemini sends no retry-after header). */
  rateLimited: (opts: { retryDelaySeconds?: number } = {}): FakeRawResponse =>
    asRaw(
      rpcError(
        429,
        'RESOURCE_EXHAUSTED',
        'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.',
        [
          {
            '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
            violations: [
              {
                quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
                quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier',
                quotaDimensions: { location: 'global', model: 'gemini-2.5-flash' },
                quotaValue: '10',
              },
            ],
          },
          {
            '@type': 'type.googleapis.com/google.rpc.Help',
            links: [{ description: 'Learn more about Gemini API quotas', url: 'https://ai.google.dev/gemini-api/docs/rate-limits' }],
          },
          ...(opts.retryDelaySeconds !== undefined
            ? [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${opts.retryDelaySeconds}s` }]
            : []),
        ],
      ),
    ),
  tokenLimit: (): FakeRawResponse =>
    asRaw(rpcError(400, 'INVALID_ARGUMENT', 'The input token count (1200293) exceeds the maximum number of tokens allowed (1048576).')),
  /** HTTP 200, the candidate stopped with `finishReason: "SAFETY"` and carries no content. */
  safety: (): FakeRawResponse => ({
    status: 200,
    headers: JSON_UTF8,
    body: (req: RecordedRequest) =>
      generateResponse(req, null, 'SAFETY', { input: promptTokens(asRecord(req.body)), output: 0, cached: 0 }),
  }),
  /** HTTP 200, the prompt itself was blocked: `promptFeedback.blockReason`, no candidates. */
  promptBlocked: (): FakeRawResponse => ({
    status: 200,
    headers: JSON_UTF8,
    body: (req: RecordedRequest) => {
      const input = promptTokens(asRecord(req.body));
      return {
        promptFeedback: {
          blockReason: 'SAFETY',
          safetyRatings: [{ category: 'HARM_CATEGORY_HARASSMENT', probability: 'HIGH', blocked: true }],
        },
        usageMetadata: { promptTokenCount: input, totalTokenCount: input },
        modelVersion: modelOf(req),
        responseId: randomBase62(22),
      };
    },
  }),
  serverError: (): FakeRawResponse =>
    asRaw(
      rpcError(
        500,
        'INTERNAL',
        'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
      ),
    ),
  unavailable: (): FakeRawResponse => asRaw(rpcError(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.')),
  html: (): FakeRawResponse => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: HTML_PAGE }),
};
