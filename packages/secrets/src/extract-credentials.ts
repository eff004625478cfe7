import { SENSITIVE_FIELD_NAMES } from './redact';

// Credentials typed straight into node params (an `Authorization` header of an HTTP node, an
// `?api_key=` in a URL) are stored with the bot and shown to every member. They belong in workspace
// secrets: this finds them and replaces each by a `{{ secrets.NAME }}` reference. The same function
// serves the one-time migration of stored bots (every version) and every later save.

const SENSITIVE = new Set(SENSITIVE_FIELD_NAMES.map((n) => n.toLowerCase()));
/** Query parameter names that carry keys (`?key=` is Google's, `?token=`…). */
const SENSITIVE_QUERY = new Set([
  'key',
  'api_key',
  'apikey',
  'api-key',
  'token',
  'access_token',
  'auth',
  'auth_token',
  'secret',
  'client_secret',
  'password',
  'sig',
  'signature',
]);

export interface ExtractedCredential {
  /** The secret name the reference uses. */
  name: string;
  value: string;
  nodeId: string;
  /** Where it was, e.g. `headers.Authorization` or `url ?key`. */
  where: string;
}

interface GraphLike {
  nodes: { id: string; params?: Record<string, unknown> }[];
}

const isTemplate = (s: string) => s.includes('{{');
const toName = (...parts: string[]) =>
  parts
    .join('_')
    .toUpperCase()
    .replace(/[^A-Z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, '_$1')
    .slice(0, 64) || 'SECRET';

/**
 * Returns a copy of the graph with literal credentials replaced by secret references, and the
 * credentials to store. `taken` holds names already used in the workspace; a value seen twice
 * (in two nodes, or two versions passed with the same `seen` map) becomes one secret.
 */
export function extractCredentials<G extends GraphLike>(
  graph: G,
  taken: Set<string>,
  seen: Map<string, string> = new Map(),
): { graph: G; extracted: ExtractedCredential[] } {
  const extracted: ExtractedCredential[] = [];
  const nameFor = (value: string, nodeId: string, label: string, where: string) => {
    const known = seen.get(value);
    if (known) return known;
    const base = toName(nodeId, label);
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
    taken.add(name);
    seen.set(value, name);
    extracted.push({ name, value, nodeId, where });
    return name;
  };
  const ref = (name: string) => `{{ secrets.${name} }}`;

  const inUrl = (url: string, nodeId: string, where: string): string => {
    if (!/^https?:\/\//i.test(url.trim())) return url;
    const q = url.indexOf('?');
    if (q < 0) return url;
    const [query, hash = ''] = url.slice(q + 1).split(/#(.*)/s, 2) as [string, string?];
    const parts = query.split('&').map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const key = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (!value || isTemplate(value) || !SENSITIVE_QUERY.has(decodeURIComponent(key).toLowerCase())) return pair;
      return `${key}=${ref(nameFor(value, nodeId, key, `${where} ?${key}`))}`;
    });
    return `${url.slice(0, q)}?${parts.join('&')}${hash ? `#${hash}` : ''}`;
  };

  const walk = (v: unknown, nodeId: string, path: string[]): unknown => {
    if (typeof v === 'string') return inUrl(v, nodeId, path.join('.'));
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x, i) => walk(x, nodeId, [...path, String(i)]));
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => {
        if (typeof x === 'string' && x.trim() && !isTemplate(x) && SENSITIVE.has(k.toLowerCase()) && path.length > 0) {
          return [k, ref(nameFor(x, nodeId, k, [...path, k].join('.')))];
        }
        return [k, walk(x, nodeId, [...path, k])];
      }),
    );
  };

  const nodes = graph.nodes.map((n) => (n.params ? { ...n, params: walk(n.params, n.id, []) as Record<string, unknown> } : n));
  return { graph: { ...graph, nodes }, extracted };
}

/**
 * Whether a URL carries a credential itself: userinfo (`https://user:key@host`) or a key-like query
 * parameter (`?api_key=…`). Such URLs must not be stored where URLs are shown (a connection's base URL).
 */
export function urlCredential(url: string): 'userinfo' | 'query' | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.username || u.password) return 'userinfo';
  for (const k of u.searchParams.keys()) if (SENSITIVE_QUERY.has(k.toLowerCase())) return 'query';
  return undefined;
}
