import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake received it. Headers are lower-cased (Node's own normalisation). */
export interface RecordedRequest {
  method: string;
  /** Pathname without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON body when the body was JSON, else the raw text (or `undefined` when empty). */
  body: unknown;
  rawBody: string;
  /** The API key the client presented, the way this provider reads it. */
  apiKey?: string;
  /** Filled once the fake has answered. */
  response?: { status: number; requestId?: string };
}

/** A raw scripted answer. An object body is sent as JSON; a string body is sent as-is. */
export interface FakeRawResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown | ((req: RecordedRequest) => unknown);
  /** Wait this long before sending the status line (a slow provider). */
  delayMs?: number;
}

/**
 * A successful answer in the provider's own wire format carrying `reply`, or the default echo when
 * `reply` is omitted (`{ echo: true, delayMs }` is a slow but otherwise normal answer).
 */
export interface FakeReply {
  reply?: string;
  /**
   * A structured answer, in the provider's structured-output format: the message text as JSON
   * (OpenAI, Gemini), or the forced tool's `input` (Anthropic, when a tool_choice forces one).
   */
  json?: unknown;
  echo?: true;
  delayMs?: number;
  usage?: { inputTokens?: number; outputTokens?: number; cachedTokens?: number };
  /** A streamed answer waits this long between its chunks (a model that writes slowly). */
  chunkDelayMs?: number;
}

/** Accept the request, then drop the TCP connection without answering (a network failure). */
export interface FakeDrop {
  drop: true;
  delayMs?: number;
}

export type FakeBehaviour = FakeRawResponse | FakeReply | FakeDrop;

/** What a provider route hands back to the core. `sse` events are written as `data: …` frames. */
export interface FakeHttpAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Each entry is one frame: a bare value is written as `data: …`; `{ event, data }` adds the `event:` line (Anthropic). */
  sse?: (unknown | SseFrame)[];
  /** Terminates an SSE stream (OpenAI's `[DONE]`). */
  sseDone?: string;
  /** Wait between frames (FakeReply.chunkDelayMs). */
  sseDelayMs?: number;
}

/** A named server-sent event. */
export class SseFrame {
  constructor(
    readonly event: string,
    readonly data: unknown,
  ) {}
}

export interface ProviderSpec {
  /** Prefix that `url` points at, e.g. `/v1` for OpenAI, `` for Anthropic and Gemini. */
  urlPath: string;
  requestIdHeader?: string;
  newRequestId(): string;
  /** Reads the key the way the provider does. */
  readKey(req: RecordedRequest): string | undefined;
  /** The provider's own refusal when the key is missing or not in `validKeys`, else undefined. */
  rejectKey(req: RecordedRequest, key: string | undefined, opts: FakeServerOptions): FakeHttpAnswer | undefined;
  /** Answers a request that no scripted raw behaviour answered. */
  route(req: RecordedRequest, reply: FakeReply | undefined, opts: FakeServerOptions): FakeHttpAnswer;
}

export interface FakeServerOptions {
  /** When set, any other key is refused with the provider's real "invalid key" answer. */
  validKeys?: string[];
  /** Default true. `false` lets keyless clients through (an Ollama-like local server). */
  requireKey?: boolean;
  /** Model ids served by the list-models route. */
  models?: string[];
}

export interface FakeProviderServer {
  /** The root to hand to the SDK as its base URL. */
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** The key presented by the most recent request (undefined when none was sent). */
  readonly lastApiKey: string | undefined;
  /** Scripts the next answers, first in first out. Unscripted requests get the default echo. */
  enqueue(...behaviours: FakeBehaviour[]): void;
  /** Forgets recorded requests and pending behaviours. */
  reset(): void;
  close(): Promise<void>;
}

const isReply = (b: FakeBehaviour): b is FakeReply => 'reply' in b || 'echo' in b || 'json' in b;
const isDrop = (b: FakeBehaviour): b is FakeDrop => 'drop' in b;

function sleep(ms: number, res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    }
    // The client may give up (timeout test); stop waiting so close() stays fast.
    res.once('close', done);
  });
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function recordRequest(req: http.IncomingMessage, rawBody: string): RecordedRequest {
  const url = new URL(req.url ?? '/', 'http://fake.local');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  let body: unknown = rawBody === '' ? undefined : rawBody;
  if (rawBody !== '' && (headers['content-type'] ?? '').includes('json')) {
    try {
      body = JSON.parse(rawBody);
    } catch {
      body = rawBody;
    }
  }
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body,
    rawBody,
  };
}

async function writeAnswer(res: http.ServerResponse, answer: FakeHttpAnswer, baseHeaders: Record<string, string>): Promise<void> {
  if (res.destroyed) return;
  const headers: Record<string, string> = { ...baseHeaders, ...answer.headers };
  if (answer.sse) {
    res.writeHead(answer.status, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', ...headers });
    for (const [i, frame] of answer.sse.entries()) {
      if (i > 0 && answer.sseDelayMs) await sleep(answer.sseDelayMs, res);
      if (res.destroyed) return;
      if (frame instanceof SseFrame) res.write(`event: ${frame.event}\ndata: ${JSON.stringify(frame.data)}\n\n`);
      else res.write(`data: ${JSON.stringify(frame)}\n\n`);
    }
    if (answer.sseDone !== undefined) res.write(`data: ${answer.sseDone}\n\n`);
    res.end();
    return;
  }
  let payload = '';
  if (typeof answer.body === 'string') {
    payload = answer.body;
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'text/plain; charset=utf-8';
  } else if (answer.body !== undefined) {
    payload = JSON.stringify(answer.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  }
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(answer.status, headers);
  res.end(payload);
}

/** Starts a loopback HTTP server that speaks one provider's wire format (see `spec`). */
export async function startFakeProvider(spec: ProviderSpec, opts: FakeServerOptions = {}): Promise<FakeProviderServer> {
  const requests: RecordedRequest[] = [];
  let queue: FakeBehaviour[] = [];
  let lastApiKey: string | undefined;

  const server = http.createServer((req, res) => {
    void (async () => {
      const recorded = recordRequest(req, await readBody(req));
      recorded.apiKey = spec.readKey(recorded);
      lastApiKey = recorded.apiKey;
      requests.push(recorded);

      const requestId = spec.newRequestId();
      const baseHeaders: Record<string, string> = spec.requestIdHeader ? { [spec.requestIdHeader]: requestId } : {};
      const answerWith = (answer: FakeHttpAnswer) => {
        recorded.response = { status: answer.status, ...(spec.requestIdHeader ? { requestId } : {}) };
        const bodyId = (answer.body as { responseId?: unknown } | undefined)?.responseId;
        if (!spec.requestIdHeader && typeof bodyId === 'string') recorded.response.requestId = bodyId;
        return writeAnswer(res, answer, baseHeaders);
      };

      // Providers authenticate before anything else, so a refused key does not consume a script.
      const refusal = spec.rejectKey(recorded, recorded.apiKey, opts);
      if (refusal) return answerWith(refusal);

      const behaviour = queue.shift();
      if (behaviour?.delayMs) await sleep(behaviour.delayMs, res);
      if (res.destroyed) return;
      if (behaviour && isDrop(behaviour)) {
        req.socket.destroy();
        return;
      }
      if (behaviour && !isReply(behaviour)) {
        const body = typeof behaviour.body === 'function' ? (behaviour.body as (r: RecordedRequest) => unknown)(recorded) : behaviour.body;
        return answerWith({ status: behaviour.status ?? 200, headers: behaviour.headers, body });
      }
      const routed = spec.route(recorded, behaviour, opts);
      await answerWith(routed.sse && behaviour?.chunkDelayMs ? { ...routed, sseDelayMs: behaviour.chunkDelayMs } : routed);
    })().catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`fake provider crashed: ${String(err)}`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${spec.urlPath}`,
    port,
    requests,
    get lastApiKey() {
      return lastApiKey;
    },
    enqueue: (...behaviours) => {
      queue.push(...behaviours);
    },
    reset: () => {
      requests.length = 0;
      queue = [];
      lastApiKey = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
