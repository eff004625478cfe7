import { keyHint } from './key-hint';

/** Header names that carry credentials (pino matches paths case-sensitively, hence the spellings). */
const HEADER_NAMES = [
  'authorization',
  'Authorization',
  'proxy-authorization',
  'Proxy-Authorization',
  'x-api-key',
  'X-Api-Key',
  'X-API-Key',
  'api-key',
  'Api-Key',
  'x-goog-api-key',
  'X-Goog-Api-Key',
  'cookie',
  'Cookie',
  'set-cookie',
  'Set-Cookie',
];

/** Other field names whose values are secrets. */
const FIELD_NAMES = [
  'apiKey',
  'api_key',
  'apikey',
  'key',
  'password',
  'passwd',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'idToken',
  'id_token',
  'secret',
  'clientSecret',
  'client_secret',
  'webhookSecret',
  'privateKey',
  'private_key',
  'encryptionKey',
  'masterKey',
  'sessionToken',
];

/** Every credential field name; the logger also censors these at any depth, case-insensitively. */
export const SENSITIVE_FIELD_NAMES: readonly string[] = [...HEADER_NAMES, ...FIELD_NAMES];

/** Where headers objects usually sit in what gets logged (requests, SDK errors, fetch init). */
const HEADER_CONTAINERS = [
  'headers',
  'req.headers',
  'res.headers',
  'request.headers',
  'response.headers',
  'config.headers',
  'options.headers',
  'init.headers',
  'err.headers',
  'err.config.headers',
  'err.request.headers',
  'err.response.headers',
  'error.headers',
  'error.config.headers',
];

/** Fields common enough one level down to deserve a wildcard (wildcards cost ~0.6 µs each per log line). */
const WILDCARD_FIELDS = ['apiKey', 'api_key', 'password', 'token', 'secret', 'authorization', 'x-api-key'];

function pathFor(container: string, name: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(name)) return container === '' ? name : `${container}.${name}`;
  return `${container}["${name}"]`;
}

/**
 * Paths for pino's `redact`: every credential name at the top level, every credential header in
 * the usual header containers (`req.headers.authorization`, `err.config.headers["x-api-key"]`, …)
 * and `*.apiKey`-style wildcards for the commonest fields. Mostly explicit paths on purpose:
 * @pinojs/redact pays per wildcard on every line (148 wildcard paths measured ~90 µs/line, this
 * list ~10 µs). createLogger additionally censors these names at any depth.
 */
export const REDACT_PATHS: string[] = [
  ...SENSITIVE_FIELD_NAMES.map((n) => pathFor('', n)),
  ...HEADER_CONTAINERS.flatMap((c) => HEADER_NAMES.map((h) => pathFor(c, h))),
  ...WILDCARD_FIELDS.map((f) => pathFor('*', f)),
];

const SENSITIVE_LOWER = new Set(SENSITIVE_FIELD_NAMES.map((n) => n.toLowerCase()));

export const CENSOR = '[REDACTED]';

/**
 * Plain data: object literals, null-prototype objects, and objects that merely inherit from a
 * plain prototype (pino's serialized errors do) — not class instances such as Date or sockets.
 */
export function isPlainObject(v: object): v is Record<string, unknown> {
  return Object.getPrototypeOf(v) === null || (v as { constructor?: unknown }).constructor === Object;
}

/**
 * Copy-on-write: returns `value` itself when no credential-named field (any depth, any case) is
 * found in its plain objects and arrays, otherwise a copy with those fields censored. Class
 * instances are left alone (JSON logging shows them as their own toJSON/own fields).
 */
export function censorSensitiveFields(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (value === null || typeof value !== 'object' || depth > 10 || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    value.forEach((v, i) => {
      const c = censorSensitiveFields(v, depth + 1, seen);
      if (c !== v) (copy ??= value.slice())[i] = c;
    });
    return copy ?? value;
  }
  if (!isPlainObject(value)) return value;
  let copy: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(value)) {
    const c =
      SENSITIVE_LOWER.has(k.toLowerCase()) && v !== null && v !== undefined && v !== CENSOR
        ? CENSOR
        : censorSensitiveFields(v, depth + 1, seen);
    if (c !== v) (copy ??= { ...value })[k] = c;
  }
  return copy ?? value;
}

function masked(secret: string): string {
  const hint = keyHint(secret);
  return hint === '…' ? '[REDACTED]' : `[REDACTED ${hint}]`;
}

/** [pattern, replacer]; applied in order. Value character classes exclude quotes and backslashes so redacting serialized JSON keeps it valid. */
const RULES: [RegExp, (...m: string[]) => string][] = [
  // PEM private keys
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, () => '[REDACTED PRIVATE KEY]'],
  // Credentials inside URLs: scheme://user:password@host
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"'\\]+:)([^\s/@"'\\]+)(@)/gi, (_m, a, s, b) => `${a}${masked(s!)}${b}`],
  // Webhook URLs whose path is the secret
  [/(https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/)[A-Za-z0-9/_-]+/g, (_m, a) => `${a}[REDACTED]`],
  [/(https:\/\/(?:discord|discordapp)\.com\/api\/webhooks\/\d+\/)[A-Za-z0-9_-]+/g, (_m, a) => `${a}[REDACTED]`],
  // Provider key shapes (prefix kept so the provider stays recognisable)
  [
    /\b(sk-ant-(?:api\d+-|admin\d+-)?|sk-proj-|sk-svcacct-|sk-admin-|sk-or-v1-|sk-)(?![A-Za-z0-9_-]*\[REDACTED)([A-Za-z0-9_-]{8,})/g,
    (m, p) => `${p}${masked(m!)}`,
  ],
  [/\bAIza[0-9A-Za-z_-]{20,}/g, (m) => `AIza${masked(m!)}`],
  [
    /\b(gsk_|xai-|hf_|pplx-|r8_|ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|glpat-|xox[abposr]-|AKIA|ASIA)(?![A-Za-z0-9_-]*\[REDACTED)([A-Za-z0-9_-]{10,})/g,
    (m, p) => `${p}${masked(m!)}`,
  ],
  // JWTs
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g, (m) => masked(m!)],
  // Authorization schemes
  [/\b(Bearer|bearer|BEARER|Basic|basic|BASIC)(\s+)([A-Za-z0-9._~+/=-]{8,})/g, (_m, s, ws, v) => `${s}${ws}${masked(v!)}`],
  // Query parameters carrying credentials (?key=… is how Gemini takes its key)
  [
    /([?&;](?:key|api[_-]?key|access_token|refresh_token|token|secret|password|client_secret|sig|signature)=)(?![^&#\s"'\\]*\[REDACTED)([^&#\s"'\\]+)/gi,
    (_m, a, v) => `${a}${masked(v!)}`,
  ],
  // name: value / name=value / "name":"value" for credential-named fields and headers
  [
    /\b(x-api-key|x-goog-api-key|api-key|api_key|apikey|authorization|proxy-authorization|access_token|refresh_token|client_secret|password|passwd|secret|token|cookie|set-cookie)(["']?\s*[:=]\s*["']?)(?![^\s"'&,;\\]*\[REDACTED)(?!Bearer\b|Basic\b)([^\s"'&,;\\]{4,})/gi,
    (_m, n, sep, v) => `${n}${sep}${masked(v!)}`,
  ],
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Masks secrets inside free text (provider error messages that echo a key, URLs, header dumps):
 * known key shapes, Bearer/Basic credentials, credential-named headers and fields, ?key= style
 * query parameters, URL passwords, and every exact string in `extraSecrets` (4+ chars; shorter
 * strings would mangle ordinary text). Keeps at most a '…abcd' hint of each.
 */
export function redactText(text: string, extraSecrets: readonly string[] = []): string {
  let out = text;
  const exact = extraSecrets.filter((s) => typeof s === 'string' && s.length >= 4).sort((a, b) => b.length - a.length);
  if (exact.length > 0) out = out.replace(new RegExp(exact.map(escapeRegExp).join('|'), 'g'), (m) => masked(m));
  for (const [re, fn] of RULES) out = out.replace(re, fn as (substring: string, ...args: string[]) => string);
  return out;
}
