import { Response as UndiciResponse } from 'undici';
import { ResponseTooLargeError } from './errors';

/** The parts of a fetch Response the helpers need (works for global and undici Responses). */
export interface BodyLike {
  readonly body: ReadableStream<Uint8Array> | null;
  readonly headers: { get(name: string): string | null };
}

function declaredLength(res: BodyLike): number | undefined {
  const raw = res.headers.get('content-length');
  if (raw === null || !/^\d+$/.test(raw.trim())) return undefined;
  return Number(raw);
}

/**
 * Reads a whole body but never more than `maxBytes` (after content decoding): fails fast on a
 * larger Content-Length, otherwise counts while streaming and cancels the stream as soon as the
 * limit is passed. Throws ResponseTooLargeError.
 */
export async function readBodyCapped(res: BodyLike, maxBytes: number): Promise<Uint8Array> {
  const len = declaredLength(res as unknown as BodyLike);
  if (len !== undefined && len > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(maxBytes);
  }
  if (res.body === null) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/**
 * Returns a Response whose body errors with ResponseTooLargeError once more than `maxBytes` have
 * been read (and which throws at once when Content-Length already says so). Lets callers that
 * consume the body themselves (SDKs, res.json()) still be bounded.
 */
export async function capResponse(res: UndiciResponse, maxBytes: number): Promise<UndiciResponse> {
  // Cast: undici's and the global stream typings differ when a program also loads DOM lib types.
  const len = declaredLength(res as unknown as BodyLike);
  if (len !== undefined && len > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(maxBytes);
  }
  if (res.body === null) return res;
  let seen = 0;
  const counted = (res.body as unknown as ReadableStream<Uint8Array>).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(new ResponseTooLargeError(maxBytes));
        else controller.enqueue(chunk);
      },
    }),
  );
  const capped = new UndiciResponse(counted as never, { status: res.status, statusText: res.statusText, headers: res.headers });
  // A constructed Response has no URL; keep the one the caller would have seen.
  Object.defineProperty(capped, 'url', { value: res.url });
  if (res.redirected) Object.defineProperty(capped, 'redirected', { value: true });
  return capped;
}
