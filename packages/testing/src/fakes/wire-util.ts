import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomBase62(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += BASE62[b % 62];
  return out;
}

export const randomHex = (bytes: number): string => randomBytes(bytes).toString('hex');

/** Roughly four characters per token: close enough to real tokenizers for plausible usage numbers. */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.max(1, Math.ceil(text.length / 4));
}

/** Text of a content value in any of the shapes the providers accept (string, parts, blocks). */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((part) => (typeof part === 'string' ? part : typeof part?.text === 'string' ? (part.text as string) : '')).join('');
  }
  return '';
}

export function asRecord(value: unknown): Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, any>) : {};
}

export function lastOfRole(messages: unknown, roles: string[]): string {
  if (!Array.isArray(messages)) return '';
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = asRecord(messages[i]);
    if (roles.includes(m.role)) return contentText(m.content ?? m.parts);
  }
  return '';
}

export const unixSeconds = (): number => Math.floor(Date.now() / 1000);

/** The default answer every fake gives: derived from the request so tests can see it went through. */
export const echoText = (lastUser: string, json: boolean): string => (json ? JSON.stringify({ echo: lastUser }) : `echo: ${lastUser}`);

export const HTML_PAGE =
  '<!DOCTYPE html>\n<html lang="en"><head><title>Welcome</title></head><body><h1>It works!</h1><p>This is a web page, not an API.</p></body></html>\n';

/** The scripted answer as text: structured JSON serialised, else the scripted text, else undefined (echo). */
export const scriptedText = (reply: { reply?: string; json?: unknown } | undefined): string | undefined =>
  reply && 'json' in reply && reply.json !== undefined ? JSON.stringify(reply.json) : reply?.reply;

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
