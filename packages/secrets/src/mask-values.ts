// Secrets the activity decrypted for a node are known values: wherever one of them appears in what is
// recorded or reported — the node's rendered params, its error message, a log line — it is replaced
// by its name. Pattern-based redaction (redact.ts) catches keys it has never seen; this catches the
// ones it has, whatever they look like.

/** Values shorter than this are not masked (a 1–3 character "secret" would blank out ordinary text). */
const MIN_MASKED_LENGTH = 4;

export interface SecretValues {
  /** name → plaintext */
  readonly [name: string]: string;
}

const placeholder = (name: string) => `[secret:${name}]`;

function pairs(secrets: SecretValues): [string, string][] {
  // Longest first: a value that contains another is masked whole.
  return Object.entries(secrets)
    .filter(([, v]) => typeof v === 'string' && v.length >= MIN_MASKED_LENGTH)
    .sort((a, b) => b[1].length - a[1].length);
}

/** Replaces every occurrence of a known secret value in the text by `[secret:NAME]`. */
export function maskSecretText(text: string, secrets: SecretValues): string {
  let out = text;
  for (const [name, value] of pairs(secrets)) if (out.includes(value)) out = out.split(value).join(placeholder(name));
  return out;
}

/** The same inside any JSON-like value (strings and object keys); other values are returned as they are. */
export function maskSecretValues<T>(value: T, secrets: SecretValues): T {
  if (pairs(secrets).length === 0) return value;
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return maskSecretText(v, secrets);
    if (v === null || typeof v !== 'object' || depth > 64) return v;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [maskSecretText(k, secrets), walk(x, depth + 1)]));
  };
  return walk(value, 0) as T;
}
