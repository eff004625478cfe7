import { parseTemplate, secretReferences, type Graph, type GraphNode } from '@bm/graph';
import { getNodeDefinition } from './registry';

/**
 * Portable graphs: what a template or an exported bot carries instead of workspace-bound facts.
 * It lives beside the registry because only node definitions know which params name a connection
 * (`connectionParams`) or hold a secret (`secretParams`). Pure: no I/O; the API checks the bindings
 * against the database.
 *
 * Slot shape = @bm/contract's ConnectionSlot (the wire form); apps/api assigns one to the other, so
 * a drift does not compile.
 */
export interface PortableSlot {
  key: string;
  label: string;
  provider: string;
  purpose?: string;
  /** LLM nodes whose connection param the bound connection fills. */
  nodes: string[];
  /** The bound connection becomes the bot's own default connection. */
  botDefault: boolean;
}

export interface PortableGraph {
  graph: Graph;
  slots: PortableSlot[];
  secretSlots: string[];
  /**
   * Secret params that held a literal value (a Slack webhook URL is itself the credential): the
   * value never travels; the param references a new secret slot `secret` instead.
   */
  clearedSecrets: { nodeId: string; param: string; secret: string }[];
}

/** Node keys that belong to one bot's debugging or runs, never to a template or export. */
const BOT_LOCAL_NODE_KEYS = ['pinnedOutput', 'pinnedData', 'runData', 'lastRun'] as const;

const PROVIDER_LABELS: Record<string, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google Gemini',
  local: 'Local model',
  other: 'OpenAI-compatible',
  any: 'LLM',
};
const providerLabel = (p: string) => PROVIDER_LABELS[p] ?? p;

const SECRET_REFERENCE_ONLY = /^\s*(\{\{\s*secrets(\.[A-Za-z_][A-Za-z0-9_]*|\[[^\]]+\])\s*\}\})\s*$/;
const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The node's connection params (registry facts; unknown types have none). */
const connectionParamsOf = (node: Pick<GraphNode, 'type' | 'version'>) =>
  getNodeDefinition(node.type, node.version ?? 1)?.connectionParams ?? [];

/** `slack` + `webhookUrl` → `SLACK_WEBHOOK_URL` (a valid secret name, not one already referenced). */
function secretSlotName(nodeId: string, param: string, taken: Set<string>): string {
  const words = `${nodeId}_${param}`
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  const base = (/^[A-Z_]/.test(words) ? words : `S_${words}`).slice(0, 56) || 'SECRET';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  taken.add(name);
  return name;
}

/** Node type ids a graph uses, once each, in graph order (the gallery lists them). */
export function nodesUsed(graph: Pick<Graph, 'nodes'>): string[] {
  return [...new Set(graph.nodes.map((n) => n.type))];
}

/**
 * A bot's graph made portable: connection ids out (one slot per distinct connection, plus the
 * bot's default when LLM nodes rely on it), `{{ secrets.NAME }}` names collected, literal secret
 * values and bot-local node data dropped. `providerOf` names a connection's provider (undefined:
 * not known here, the slot accepts any provider).
 */
export function toPortable(
  graph: Graph,
  opts: { botConnectionId?: string | null; providerOf?: (connectionId: string) => string | undefined } = {},
): PortableGraph {
  const providerOf = opts.providerOf ?? (() => undefined);
  const byConnection = new Map<string, PortableSlot>();
  const usedKeys = new Set<string>();
  const newSlot = (connectionId: string | null): PortableSlot => {
    const provider = (connectionId && providerOf(connectionId)) || 'any';
    const base = provider === 'any' ? 'llm' : provider;
    let key = base;
    for (let i = 2; usedKeys.has(key); i++) key = `${base}-${i}`;
    usedKeys.add(key);
    return { key, label: `${providerLabel(provider)} connection`, provider, nodes: [], botDefault: false };
  };
  const slotFor = (connectionId: string | null) => {
    const k = connectionId ?? '';
    let s = byConnection.get(k);
    if (!s) byConnection.set(k, (s = newSlot(connectionId)));
    return s;
  };
  const purposes = new Map<PortableSlot, Set<string>>();

  const clearedSecrets: PortableGraph['clearedSecrets'] = [];
  const taken = secretReferences(graph.nodes.map((n) => n.params));
  const nodes = graph.nodes.map((node) => {
    const def = getNodeDefinition(node.type, node.version ?? 1);
    const params: Record<string, unknown> = { ...node.params };
    for (const p of def?.connectionParams ?? []) {
      const id = params[p];
      const own = typeof id === 'string' && id.trim() ? id : null;
      // A node without its own connection uses the bot's default: that slot is the bot's.
      const slot = slotFor(own ?? opts.botConnectionId ?? null);
      if (own) {
        slot.nodes.push(node.id);
        delete params[p];
      } else slot.botDefault = true;
      if (typeof params.purpose === 'string') (purposes.get(slot) ?? purposes.set(slot, new Set()).get(slot)!).add(params.purpose);
    }
    for (const p of def?.secretParams ?? []) {
      const v = params[p];
      if (isBlank(v) || (typeof v === 'string' && SECRET_REFERENCE_ONLY.test(v))) continue;
      const secret = secretSlotName(node.id, p, taken);
      params[p] = `{{ secrets.${secret} }}`;
      clearedSecrets.push({ nodeId: node.id, param: p, secret });
    }
    const clean: Record<string, unknown> = { ...node, params };
    for (const k of BOT_LOCAL_NODE_KEYS) delete clean[k];
    return clean as GraphNode;
  });
  // Nodes naming the bot's own connection keep naming it; it is still the bot's default too.
  // (A bot default no LLM node uses needs no slot: nothing asks for a connection.)
  const botSlot = opts.botConnectionId ? byConnection.get(opts.botConnectionId) : undefined;
  if (botSlot) botSlot.botDefault = true;

  const slots = [...byConnection.values()].map((s) => {
    const p = purposes.get(s);
    return p?.size ? { ...s, purpose: [...p].join(', ') } : s;
  });
  const secretSlots = [...secretReferences(nodes.map((n) => n.params))].sort();
  return { graph: { ...graph, nodes, edges: graph.edges.map((e) => ({ ...e })) }, slots, secretSlots, clearedSecrets };
}

/** What a user chose for each slot: slot key → connection id; secret slot → the workspace secret's name. */
export interface SlotBindings {
  connections: Record<string, string>;
  secretNames?: Record<string, string>;
}

/** Slots a binding leaves empty (the API says which, and which provider it wants). */
export function unboundSlots(slots: readonly PortableSlot[], bindings: Pick<SlotBindings, 'connections'>): PortableSlot[] {
  return slots.filter((s) => !bindings.connections[s.key]);
}

/**
 * The reverse of toPortable: every slot's nodes get the bound connection id, the bot-default slot
 * becomes the bot's connection, and secret references whose slot maps to a differently named
 * secret are rewritten to that name. Slots must all be bound (see unboundSlots).
 */
export function bindPortable(
  portable: Pick<PortableGraph, 'graph' | 'slots'>,
  bindings: SlotBindings,
): { graph: Graph; botConnectionId: string | null } {
  const nodeConnection = new Map<string, string>();
  let botConnectionId: string | null = null;
  for (const s of portable.slots) {
    const id = bindings.connections[s.key];
    if (!id) throw new Error(`Slot ${s.key} is not bound`);
    for (const n of s.nodes) nodeConnection.set(n, id);
    if (s.botDefault) botConnectionId = id;
  }
  const renames = Object.entries(bindings.secretNames ?? {}).filter(([from, to]) => from !== to);
  const nodes = portable.graph.nodes.map((node) => {
    let params: Record<string, unknown> = { ...node.params };
    const id = nodeConnection.get(node.id);
    if (id) for (const p of connectionParamsOf(node)) params[p] = id;
    if (renames.length) params = renameSecrets(params, new Map(renames)) as Record<string, unknown>;
    return { ...node, params };
  });
  return { graph: { ...portable.graph, nodes }, botConnectionId };
}

/** `{{ secrets.OLD }}` → `{{ secrets.NEW }}` in every string of a params value; other text untouched. */
export function renameSecrets(value: unknown, renames: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') {
    if (!value.includes('secrets')) return value;
    let parts;
    try {
      parts = parseTemplate(value);
    } catch {
      return value; // a syntax error is validation's to report, with its position
    }
    let out = '';
    let at = 0;
    for (const part of parts) {
      if (part.type !== 'expr') continue;
      const to = part.ref.root === 'secrets' && part.ref.secretName ? renames.get(part.ref.secretName) : undefined;
      if (!to) continue;
      out += `${value.slice(at, part.start)}{{ secrets.${to} }}`;
      at = part.end;
    }
    return out + value.slice(at);
  }
  if (Array.isArray(value)) return value.map((v) => renameSecrets(v, renames));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameSecrets(v, renames)]));
  return value;
}

/** Connection ids a portable graph must not carry (a document naming one is refused on import). */
export function connectionIdsIn(graph: Pick<Graph, 'nodes'>): { nodeId: string; param: string }[] {
  return graph.nodes.flatMap((node) =>
    connectionParamsOf(node)
      .filter((p) => !isBlank(node.params?.[p]))
      .map((param) => ({ nodeId: node.id, param })),
  );
}
