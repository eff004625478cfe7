const SENSITIVE = /^(authorization|proxy-authorization|x-api-key|api[-_]?key|apikey|password|secret|token|cookie|set-cookie)$/i;

/** What is recorded as a node's input: its rendered params with credential-looking fields masked. */
export function maskCredentials(value: unknown, depth = 0): unknown {
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskCredentials(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SENSITIVE.test(k) && v ? '[redacted]' : maskCredentials(v, depth + 1)]),
  );
}
