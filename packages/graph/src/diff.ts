/**
 * What changed between two versions of a bot's graph: nodes added, removed, changed (with each
 * changed param) or only moved, and connections added or removed. Pure: the API computes the
 * version history's summaries with it and the editor draws its visual diff with the same function.
 * Sticky notes (`graph.notes`) never run, so they are only counted: added, removed or edited.
 *
 * Nodes are matched by id (the API keeps the ids a client sends). Edges are matched by what they
 * connect (source, handle, target, handle), not by their id: an editor that re-creates an edge
 * under a new id has not changed the bot. Position is layout, not behaviour: a node that only
 * moved is listed in `moved`, not in `changed`. Anything a node carries beside its graph fields
 * (e.g. pinned data, stored outside versions) is ignored.
 */

/** The fields the diff reads: both the contract's Graph and the editor's document fit. */
export interface DiffableNode {
  id: string;
  type: string;
  version?: number;
  params?: Record<string, unknown>;
  position?: { x: number; y: number };
  label?: string;
  settings?: unknown;
  disabled?: boolean;
}
export interface DiffableEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}
export interface DiffableGraph {
  nodes: readonly DiffableNode[];
  edges?: readonly DiffableEdge[];
  notes?: readonly { id: string }[];
}

/** One param of a changed node: its value before and after (undefined where it is absent). */
export interface ParamChange {
  param: string;
  kind: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

/** A node present in both graphs whose behaviour differs. */
export interface NodeChange {
  id: string;
  /** The node's name in the newer graph (its label, else its id). */
  name: string;
  type: string;
  /** Which non-param fields differ. */
  fields: ('type' | 'version' | 'label' | 'settings' | 'disabled')[];
  params: ParamChange[];
}

export interface NodeRef {
  id: string;
  name: string;
  type: string;
}

export interface GraphDiff {
  nodes: { added: NodeRef[]; removed: NodeRef[]; changed: NodeChange[]; moved: NodeRef[] };
  edges: { added: DiffableEdge[]; removed: DiffableEdge[] };
  /** Sticky notes added, removed or edited (moved or resized included). */
  notes: number;
}

/** Counts and names of a diff, small enough to send with every entry of a version list. */
export interface DiffSummary {
  added: string[];
  removed: string[];
  changed: string[];
  moved: number;
  edgesAdded: number;
  edgesRemoved: number;
  notes: number;
}

const nameOf = (n: DiffableNode) => n.label?.trim() || n.id;
const refOf = (n: DiffableNode): NodeRef => ({ id: n.id, name: nameOf(n), type: n.type });
const edgeKey = (e: DiffableEdge) => JSON.stringify([e.source, e.sourceHandle ?? null, e.target, e.targetHandle ?? null]);

/**
 * JSON equality that ignores object key order (PostgreSQL's jsonb does not keep it) and treats an
 * absent key like an undefined one.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => sameJson(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!sameJson(ao[k], bo[k])) return false;
  return true;
}

function paramChanges(before: Record<string, unknown> = {}, after: Record<string, unknown> = {}): ParamChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const out: ParamChange[] = [];
  for (const param of keys) {
    const b = before[param];
    const a = after[param];
    if (sameJson(b, a)) continue;
    out.push({ param, kind: b === undefined ? 'added' : a === undefined ? 'removed' : 'changed', before: b, after: a });
  }
  return out;
}

function nodeChange(before: DiffableNode, after: DiffableNode): NodeChange | null {
  const fields: NodeChange['fields'] = [];
  if (before.type !== after.type) fields.push('type');
  if ((before.version ?? 1) !== (after.version ?? 1)) fields.push('version');
  if ((before.label ?? '') !== (after.label ?? '')) fields.push('label');
  if (!sameJson(before.settings, after.settings)) fields.push('settings');
  // Turning a node off or on changes what a run does.
  if ((before.disabled === true) !== (after.disabled === true)) fields.push('disabled');
  const params = paramChanges(before.params, after.params);
  if (!fields.length && !params.length) return null;
  return { id: after.id, name: nameOf(after), type: after.type, fields, params };
}

const moved = (a: DiffableNode, b: DiffableNode) =>
  (a.position?.x ?? 0) !== (b.position?.x ?? 0) || (a.position?.y ?? 0) !== (b.position?.y ?? 0);

/** What `after` changed against `before` (e.g. the current graph against an older version). */
export function diffGraphs(before: DiffableGraph, after: DiffableGraph): GraphDiff {
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  const diff: GraphDiff = {
    nodes: { added: [], removed: [], changed: [], moved: [] },
    edges: { added: [], removed: [] },
    notes: notesChanged(before.notes ?? [], after.notes ?? []),
  };
  for (const n of after.nodes) {
    const was = old.get(n.id);
    if (!was) {
      diff.nodes.added.push(refOf(n));
      continue;
    }
    const change = nodeChange(was, n);
    if (change) diff.nodes.changed.push(change);
    else if (moved(was, n)) diff.nodes.moved.push(refOf(n));
  }
  for (const n of before.nodes) if (!now.has(n.id)) diff.nodes.removed.push(refOf(n));

  const oldEdges = new Set((before.edges ?? []).map(edgeKey));
  const newEdges = new Set((after.edges ?? []).map(edgeKey));
  diff.edges.added = (after.edges ?? []).filter((e) => !oldEdges.has(edgeKey(e)));
  diff.edges.removed = (before.edges ?? []).filter((e) => !newEdges.has(edgeKey(e)));
  return diff;
}

function notesChanged(before: readonly { id: string }[], after: readonly { id: string }[]): number {
  const old = new Map(before.map((n) => [n.id, n]));
  let count = before.filter((n) => !after.some((a) => a.id === n.id)).length;
  for (const n of after) if (!sameJson(old.get(n.id), n)) count++;
  return count;
}

/** Nothing that changes what the bot does (moving nodes only is a layout change, not nothing). */
export const isEmptyDiff = (d: GraphDiff) =>
  !d.nodes.added.length &&
  !d.nodes.removed.length &&
  !d.nodes.changed.length &&
  !d.nodes.moved.length &&
  !d.edges.added.length &&
  !d.edges.removed.length &&
  !d.notes;

export function summarizeDiff(d: GraphDiff): DiffSummary {
  return {
    added: d.nodes.added.map((n) => n.name),
    removed: d.nodes.removed.map((n) => n.name),
    changed: d.nodes.changed.map((n) => n.name),
    moved: d.nodes.moved.length,
    edgesAdded: d.edges.added.length,
    edgesRemoved: d.edges.removed.length,
    notes: d.notes,
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** At most three names, then "and N more": a summary is one line. */
function names(list: string[]): string {
  if (list.length <= 3) return list.join(', ');
  return `${list.slice(0, 3).join(', ')} and ${list.length - 3} more`;
}

/**
 * The summary as one English line (for scripts and logs; the editor renders the same summary in
 * the user's language). `null` before: the bot's first version.
 */
export function describeSummary(s: DiffSummary | null): string {
  if (!s) return 'Created the bot';
  const parts: string[] = [];
  if (s.added.length) parts.push(`added ${names(s.added)}`);
  if (s.removed.length) parts.push(`removed ${names(s.removed)}`);
  if (s.changed.length) parts.push(`changed ${names(s.changed)}`);
  const edges = s.edgesAdded + s.edgesRemoved;
  if (edges) parts.push(`rewired ${plural(edges, 'connection', 'connections')}`);
  if (s.moved) parts.push(`moved ${plural(s.moved, 'node', 'nodes')}`);
  if (s.notes) parts.push(`edited ${plural(s.notes, 'note', 'notes')}`);
  if (!parts.length) return 'No changes to the graph';
  const line = parts.join('; ');
  return line[0]!.toUpperCase() + line.slice(1);
}
