/**
 * Images sent with a prompt to a vision-capable model. A remote image stays a URL (the provider
 * fetches it; we never download it); an inline one is base64 with its type.
 */
export type ImageMimeType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';
export type ImageInput = { url: string } | { data: string; mimeType: ImageMimeType };

export const MAX_IMAGES = 10;
/** The strictest provider limit on one inline image (Anthropic: 5 MB decoded). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const MIME_TYPES: readonly ImageMimeType[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const DATA_URL = /^data:([^;,]+);base64,(.*)$/s;

/** Why one image is refused; `index` counts from 1 for people. `key`/`params` name it in the `errors` catalogue. */
export interface ImageProblem {
  message: string;
  key: string;
  params: Record<string, string | number>;
}

type Parsed = { ok: true; images: ImageInput[] } | ({ ok: false } & ImageProblem);

const problem = (key: string, params: Record<string, string | number>, message: string): Parsed => ({
  ok: false,
  key: `images.${key}`,
  params,
  message,
});

/** Decoded size of a base64 string, without decoding it. */
export const base64Bytes = (data: string): number =>
  Math.floor((data.length * 3) / 4) - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0);

function inline(data: string, mimeType: string, n: number): ImageInput | Parsed {
  const type = mimeType.trim().toLowerCase() === 'image/jpg' ? 'image/jpeg' : mimeType.trim().toLowerCase();
  if (type === '')
    return problem('noType', { n }, `Image ${n} has no mimeType: say which type it is (image/png, image/jpeg, image/gif or image/webp).`);
  if (!MIME_TYPES.includes(type as ImageMimeType))
    return problem('type', { n, type }, `Image ${n} is of type "${type}"; only PNG, JPEG, GIF and WebP images can be sent.`);
  const clean = data.replace(/\s+/g, '');
  if (clean === '' || !BASE64.test(clean)) return problem('base64', { n }, `Image ${n} is not valid base64 data.`);
  const bytes = base64Bytes(clean);
  if (bytes > MAX_IMAGE_BYTES) {
    const mb = String(Math.round((bytes / 1024 / 1024) * 10) / 10);
    return problem('tooLarge', { n, mb, limit: '5' }, `Image ${n} is ${mb} MB; an image may be at most 5 MB.`);
  }
  return { data: clean, mimeType: type as ImageMimeType };
}

function fromString(s: string, n: number): ImageInput | Parsed {
  const text = s.trim();
  const data = DATA_URL.exec(text);
  if (data) return inline(data[2]!, data[1]!, n);
  if (/^data:/i.test(text))
    return problem('dataUrl', { n }, `Image ${n} is a data URL without base64 data (expected data:image/png;base64,…).`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return problem('notUrl', { n }, `Image ${n} is neither an https:// URL nor a data:image/…;base64 URL.`);
  }
  if (url.protocol !== 'https:') return problem('https', { n }, `Image ${n} must be an https:// URL (the provider fetches it).`);
  return { url: url.href };
}

const isParsed = (v: ImageInput | Parsed): v is Parsed => 'ok' in v;

/**
 * Reads the `images` a node or caller gave: a list (or one) of `https://…` URLs,
 * `data:image/png;base64,…` strings, `{ url }` or `{ data, mimeType }` objects. Empty means none.
 */
export function parseImages(value: unknown): Parsed {
  if (value === undefined || value === null || value === '') return { ok: true, images: [] };
  const list = Array.isArray(value) ? value : [value];
  if (list.length > MAX_IMAGES)
    return problem(
      'tooMany',
      { count: list.length, limit: MAX_IMAGES },
      `${list.length} images were given; at most ${MAX_IMAGES} can be sent.`,
    );
  const images: ImageInput[] = [];
  for (const [i, item] of list.entries()) {
    const n = i + 1;
    let parsed: ImageInput | Parsed;
    if (typeof item === 'string') parsed = fromString(item, n);
    else if (item && typeof item === 'object' && typeof (item as { url?: unknown }).url === 'string')
      parsed = fromString((item as { url: string }).url, n);
    else if (item && typeof item === 'object' && typeof (item as { data?: unknown }).data === 'string') {
      const { data, mimeType } = item as { data: string; mimeType?: unknown };
      parsed = inline(data, typeof mimeType === 'string' ? mimeType : '', n);
    } else parsed = problem('shape', { n }, `Image ${n} is not an image: give a URL, a data URL, { url } or { data, mimeType }.`);
    if (isParsed(parsed)) return parsed;
    images.push(parsed);
  }
  return { ok: true, images };
}

/** The type an image URL's file name suggests (Gemini wants one with a remote file), if any. */
export function mimeTypeFromUrl(url: string): ImageMimeType | undefined {
  const path = (() => {
    try {
      return new URL(url).pathname.toLowerCase();
    } catch {
      return '';
    }
  })();
  if (path.endsWith('.png')) return 'image/png';
  if (path.endsWith('.jpg') || path.endsWith('.jpeg')) return 'image/jpeg';
  if (path.endsWith('.gif')) return 'image/gif';
  if (path.endsWith('.webp')) return 'image/webp';
  return undefined;
}

/** What a run records of an image: a URL as is, inline data only as its type and size. */
export function describeImage(image: ImageInput): { url: string } | { mimeType: ImageMimeType; bytes: number } {
  return 'url' in image ? { url: image.url } : { mimeType: image.mimeType, bytes: base64Bytes(image.data) };
}
