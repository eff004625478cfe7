import type { NodeTypeDescription as NodeTypeDef } from '@bm/contract';
import { t } from '../../i18n/i18n';
import { outputsOfNode } from './port-edges';
import type { BotFlowEdge, BotFlowNode } from './flow-types';

/** True when `from` can already reach `to` by following edges, i.e. to → from would close a loop. */
export function reaches(edges: readonly BotFlowEdge[], from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return false;
}

export type ConnectionCheck = { ok: true } | { ok: false; reason: string };

type ConnectionLike = { source: string; target: string; sourceHandle?: string | null; targetHandle?: string | null };

/** Mirrors portsCompatible of @bm/graph: `any` fits all, `items` is a kind of `json`, text stays text. */
export function portsCompatible(from: string, to: string): boolean {
  if (from === 'any' || to === 'any' || from === to) return true;
  const structured = (t: string) => t === 'json' || t === 'items';
  return structured(from) && structured(to);
}

type PortContext = { nodes: readonly BotFlowNode[]; catalogue: Readonly<Record<string, NodeTypeDef>> };

function port(ctx: PortContext, nodeId: string, handle: string | null | undefined, side: 'inputs' | 'outputs') {
  const node = ctx.nodes.find((n) => n.id === nodeId);
  // Outputs depend on the node (switch cases, the error output); inputs are the type's.
  const ports = !node
    ? undefined
    : side === 'outputs'
      ? outputsOfNode({ nodeTypes: ctx.catalogue, nodeTypeVersions: {} }, node)
      : ctx.catalogue[node.data.type]?.inputs;
  return ports?.find((p) => p.name === handle) ?? (handle ? undefined : ports?.[0]);
}

export function checkConnection(conn: ConnectionLike, edges: readonly BotFlowEdge[], ctx?: PortContext): ConnectionCheck {
  if (!conn.source || !conn.target) return { ok: false, reason: t('editor:connectionRules.incomplete') };
  if (conn.source === conn.target) return { ok: false, reason: t('editor:connectionRules.self') };
  const duplicate = edges.some(
    (e) =>
      e.source === conn.source &&
      e.target === conn.target &&
      (e.sourceHandle ?? null) === (conn.sourceHandle ?? null) &&
      (e.targetHandle ?? null) === (conn.targetHandle ?? null),
  );
  if (duplicate) return { ok: false, reason: t('editor:connectionRules.duplicate') };
  if (reaches(edges, conn.target, conn.source)) return { ok: false, reason: t('editor:connectionRules.loop') };
  if (ctx) {
    const out = port(ctx, conn.source, conn.sourceHandle, 'outputs');
    const inp = port(ctx, conn.target, conn.targetHandle, 'inputs');
    if (out && inp && !portsCompatible(out.type, inp.type))
      return { ok: false, reason: t('editor:connectionRules.types', { from: out.type, to: inp.type }) };
  }
  return { ok: true };
}

/** Edges a new connection replaces: a single-valued input port keeps only its newest edge. */
export function edgesReplacedBy(
  conn: Pick<ConnectionLike, 'target' | 'targetHandle'>,
  edges: readonly BotFlowEdge[],
  nodes: readonly BotFlowNode[],
  catalogue: Readonly<Record<string, NodeTypeDef>>,
): string[] {
  const target = nodes.find((n) => n.id === conn.target);
  const def = target ? catalogue[target.data.type] : undefined;
  const port = def?.inputs.find((p) => p.name === conn.targetHandle) ?? (def?.inputs.length === 1 ? def.inputs[0] : undefined);
  if (!port || port.multiple) return [];
  return edges
    .filter((e) => e.target === conn.target && (e.targetHandle ?? port.name) === (conn.targetHandle ?? port.name))
    .map((e) => e.id);
}
