import { createHash, randomBytes } from 'node:crypto';

/** Short, URL-safe, unguessable ids with a readable prefix (e.g. `bot_…`, `run_…`). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

/** A longer random secret (session cookies, API tokens, webhook tokens). */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** How tokens are stored (sessions, API tokens, webhook tokens): only their hash, never the token. */
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
