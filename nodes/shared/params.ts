import { containsTemplate } from '@bm/graph';
import { z } from 'zod';

/** Editor hints, read by the form generator from the JSON Schema (`widget`). */
export type Widget = 'textarea' | 'code' | 'connection' | 'model' | 'json' | 'keyValue';

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s.trim());
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** An http(s) URL, or a template that will render to one (checked again when the node runs). */
export function urlParam(description: string) {
  return z
    .string()
    .min(1)
    .refine((s) => containsTemplate(s) || isHttpUrl(s), {
      message: 'must be an http:// or https:// URL',
      params: { graphKey: 'INVALID_PARAM.httpUrl' },
    })
    .describe(description);
}

export const EMAIL = /^[^\s@,<>]+@[^\s@,<>]+\.[^\s@,<>]+$/;

/** Splits "a@x.org, b@y.org" (also ; and newlines). */
export function splitAddresses(s: string): string[] {
  return s
    .split(/[,;\n]/)
    .map((a) => a.trim())
    .filter(Boolean);
}

export const timeoutParam = (def: number) =>
  z.number().int().min(100).max(120_000).default(def).describe('Give up after this many milliseconds.');

export const maxBytesParam = (def: number) =>
  z
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(def)
    .describe('Fail when the response body is larger than this many bytes.');

export const headersParam = () =>
  z
    .record(z.string(), z.string())
    .default({})
    .describe('Request headers, e.g. {"Authorization": "Bearer {{ input.token }}"}.')
    .meta({ widget: 'keyValue' });
