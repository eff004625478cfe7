import { randomBytes } from 'node:crypto';

/**
 * A unique, recognisable fake secret (e.g. `canary('sk-proj')` → `sk-proj-canary-5f0c…`). Put it where
 * a real key would go, then assert it never shows up in errors, logs or responses.
 */
export function canary(prefix = 'key'): string {
  return `${prefix}-canary-${randomBytes(16).toString('hex')}`;
}
