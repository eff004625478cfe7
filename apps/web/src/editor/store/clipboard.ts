import { z } from 'zod';
import { customAlphabet } from 'nanoid';
import { DEFAULT_MAX_NODES, renameNodeInParams } from '@bm/graph';
import type { GraphNote, NodeTypeDescription as NodeTypeDef } from '@bm/contract';
import { nodeTypeOf } from './catalogue-slice';
import { BOT_NODE_KIND, type BotFlowEdge, type BotFlowNode } from './flow-types';
import { deriveNodeId, newEdgeId } from './ids';
import type { CatalogueSlice } from './types';

/** What the clipboard holds: JSON text, so a paste works in another bot and in another tab. */
export const CLIPBOARD_FORMAT = 'bot-manager/nodes';
export const CLIPBOARD_VERSION = 1;

const Position = z.object({ x: z.number(), y: z.number() });
const ClipNode = z.object({
  id: z.string().min(1).max(128),
  type: z.string().min(1),
  version: z.number().int().optional(),
  label: z.string().optional(),
  params: z.record(z.string(), z.unknown()).default({}),
  settings: z.record(z.string(), z.unknown()).optional(),
  disabled: z.boolean().optional(),
  position: Position,
});
const ClipEdge = z.object({
  source: z.string(),
  target: z.string(),
  sourceHandle: z.string().nullable().optional(),
  targetHandle: z.string().nullable().optional(),
});
const ClipNote = z.object({
  id: z.string(),
  text: z.string(),
  position: Position,
  width: z.number().optional(),
  height: z.number().optional(),
  color: z.enum(['yellow', 'blue', 'green', 'pink', 'grey']).optional(),
});
const Envelope = z.object({
  format: z.literal(CLIPBOARD_FORMAT),
  version: z.literal(CLIPBOARD_VERSION),
  nodes: z.array(ClipNode),
  edges: z.array(ClipEdge).default([]),
  notes: z.array(ClipNote).default([]),
});
export type ClipboardEnvelope = z.output<typeof Envelope>;

/**
 * The selected nodes, the edges between them (an edge to a node left behind would dangle) and the
 * selected sticky notes. Only what the document saves: never a pinned output (pins live on the
 * server, not in the editor's nodes) nor anything secret beyond what params hold (masked there).
 */
export function buildEnvelope(
  nodes: readonly BotFlowNode[],
  edges: readonly BotFlowEdge[],
  notes: readonly GraphNote[] = [],
): ClipboardEnvelope {
  const ids = new Set(nodes.map((n) => n.id));
  return {
    format: CLIPBOARD_FORMAT,
    version: CLIPBOARD_VERSION,
    nodes: nodes.map((n) => ({
      id: n.id,
      type: n.data.type,
      ...(n.data.version !== undefined ? { version: n.data.version } : {}),
      ...(n.data.label ? { label: n.data.label } : {}),
      params: structuredClone(n.data.params),
      ...(n.data.settings ? { settings: structuredClone(n.data.settings) } : {}),
      ...(n.data.disabled ? { disabled: true } : {}),
      position: { x: Math.round(n.position.x), y: Math.round(n.position.y) },
    })),
    edges: edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ source: e.source, target: e.target, sourceHandle: e.sourceHandle ?? null, targetHandle: e.targetHandle ?? null })),
    notes: notes.map((n) => structuredClone(n)),
  };
}

/** Our envelope from clipboard text, or null for anything else (plain text, another app's JSON). */
export function parseEnvelope(text: string): ClipboardEnvelope | null {
  if (!text.includes(CLIPBOARD_FORMAT)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = Envelope.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export type PasteRefusal = { reason: 'unknownTypes'; types: string[] } | { reason: 'tooMany'; max: number } | { reason: 'empty' };

export type PastePlan = {
  nodes: BotFlowNode[];
  edges: BotFlowEdge[];
  notes: GraphNote[];
  /** Node ids the editor derived (they follow the node's name until it is saved). */
  derived: string[];
};

const noteSuffix = customAlphabet('abcdefghijkmnpqrstuvwxyz23456789', 8);

/**
 * The envelope as new nodes for a document holding `existing`: ids that are taken get new ones
 * (the editor's scheme, from the node's name), and `{{ nodes.<old>.output }}` references inside
 * the pasted params follow them. References to nodes outside the paste stay as written (they
 * resolve when the target bot has such a node). The group keeps its shape: its top-left corner
 * goes to `at`, or 40 px right and down from where it was copied.
 */
export function planPaste(
  env: ClipboardEnvelope,
  target: { nodes: readonly BotFlowNode[]; catalogue: Pick<CatalogueSlice, 'nodeTypes' | 'nodeTypeVersions'> },
  at?: { x: number; y: number },
  maxNodes = DEFAULT_MAX_NODES,
): PastePlan | PasteRefusal {
  if (env.nodes.length === 0 && env.notes.length === 0) return { reason: 'empty' };
  const defs = new Map<string, NodeTypeDef | undefined>(env.nodes.map((n) => [n.id, nodeTypeOf(target.catalogue, n)]));
  const unknown = [...new Set(env.nodes.filter((n) => !defs.get(n.id)).map((n) => n.type))];
  if (unknown.length) return { reason: 'unknownTypes', types: unknown };
  if (target.nodes.length + env.nodes.length > maxNodes) return { reason: 'tooMany', max: maxNodes };

  // A new id never equals another pasted node's old id, so the renames below cannot chain.
  const taken = new Set([...target.nodes.map((n) => n.id), ...env.nodes.map((n) => n.id)]);
  const inTarget = new Set(target.nodes.map((n) => n.id));
  const idOf = new Map<string, string>();
  const derived: string[] = [];
  for (const n of env.nodes) {
    if (!inTarget.has(n.id)) {
      idOf.set(n.id, n.id);
      continue;
    }
    const id = deriveNodeId(n.label?.trim() || defs.get(n.id)?.title || n.id, taken, n.type);
    taken.add(id);
    idOf.set(n.id, id);
    derived.push(id);
  }

  const all = [...env.nodes.map((n) => n.position), ...env.notes.map((n) => n.position)];
  const left = Math.min(...all.map((p) => p.x));
  const top = Math.min(...all.map((p) => p.y));
  const dx = at ? Math.round(at.x - left) : 40;
  const dy = at ? Math.round(at.y - top) : 40;

  const nodes: BotFlowNode[] = env.nodes.map((n) => {
    const def = defs.get(n.id);
    const literal = (path: readonly (string | number)[]) => path.length === 1 && def?.ui[String(path[0])]?.templating === 'none';
    let params = structuredClone(n.params);
    for (const [from, to] of idOf) if (from !== to) params = renameNodeInParams(params, from, to, literal);
    const data: BotFlowNode['data'] = { type: n.type, params };
    if (n.version !== undefined) data.version = n.version;
    if (n.label) data.label = n.label;
    if (n.settings && Object.keys(n.settings).length > 0) data.settings = structuredClone(n.settings) as BotFlowNode['data']['settings'];
    if (n.disabled) data.disabled = true;
    return { id: idOf.get(n.id)!, type: BOT_NODE_KIND, position: { x: n.position.x + dx, y: n.position.y + dy }, selected: true, data };
  });
  const edges: BotFlowEdge[] = env.edges
    .filter((e) => idOf.has(e.source) && idOf.has(e.target))
    .map((e) => ({
      id: newEdgeId(),
      source: idOf.get(e.source)!,
      target: idOf.get(e.target)!,
      sourceHandle: e.sourceHandle ?? null,
      targetHandle: e.targetHandle ?? null,
    }));
  const notes: GraphNote[] = env.notes.map((n) => ({
    ...structuredClone(n),
    id: `note_${noteSuffix()}`,
    position: { x: n.position.x + dx, y: n.position.y + dy },
  }));
  return { nodes, edges, notes, derived };
}

export const isRefusal = (p: PastePlan | PasteRefusal): p is PasteRefusal => 'reason' in p;
