import { applyEdgeChanges, applyNodeChanges, type Connection } from '@xyflow/react';
import type { StateCreator } from 'zustand';
import { defaultParams } from '../schema-form/schema-fields';
import { checkConnection, edgesReplacedBy } from './connection-rules';
import { describeIssue } from '../issue-text';
import { cleanSettings } from './node-settings';
import { withDirty } from './document-slice';
import { BOT_NODE_KIND, type BotFlowEdge, type BotFlowNode } from './flow-types';
import { checkNodeId, deriveNodeId, newEdgeId, type IdCheck } from './ids';
import { outputsOfNode, reconcilePortEdges } from './port-edges';
import { renameInGraph } from './rename-node';
import type { EditorState, GraphSlice } from './types';

// Changes that only reflect what React Flow measured or highlighted leave the document alone.
const CONTENT_CHANGES = new Set(['add', 'remove', 'replace', 'position']);

function mapNode(nodes: BotFlowNode[], id: string, fn: (n: BotFlowNode) => BotFlowNode): BotFlowNode[] {
  return nodes.map((n) => (n.id === id ? fn(n) : n));
}

/**
 * Applies `fn` to node `id` and keeps the edges out of it in step with its ports: an edit that
 * renames a switch case moves its edges, one that drops a case or the error output removes theirs.
 */
function editNode(s: EditorState, id: string, fn: (n: BotFlowNode) => BotFlowNode): Pick<EditorState, 'nodes' | 'edges'> {
  const before = s.nodes.find((n) => n.id === id);
  const nodes = mapNode(s.nodes, id, fn);
  const after = nodes.find((n) => n.id === id);
  if (!before || !after) return { nodes, edges: s.edges };
  return { nodes, edges: reconcilePortEdges(s.edges, id, outputsOfNode(s, before), outputsOfNode(s, after)) };
}

function edgeFor(conn: Connection): BotFlowEdge {
  return {
    id: newEdgeId(),
    source: conn.source,
    target: conn.target,
    sourceHandle: conn.sourceHandle ?? null,
    targetHandle: conn.targetHandle ?? null,
  };
}

let savedCache: { snapshot: string; ids: Set<string> } | undefined;

/** Ids of the nodes the server has: a saved node's id is referenced from outside (runs, pins, scripts). */
export function savedNodeIds(snapshot: string): Set<string> {
  if (savedCache?.snapshot === snapshot) return savedCache.ids;
  let ids: Set<string>;
  try {
    const doc = JSON.parse(snapshot) as { graph?: { nodes?: { id: string }[] } };
    ids = new Set((doc.graph?.nodes ?? []).map((n) => n.id));
  } catch {
    ids = new Set();
  }
  savedCache = { snapshot, ids };
  return ids;
}

/**
 * Whether the node's id still follows its name: the editor derived it (the node was added here and
 * never renamed by hand) and the server does not have the node yet.
 */
export function idFollowsName(s: Pick<EditorState, 'derivedIds' | 'savedSnapshot'>, nodeId: string): boolean {
  return s.derivedIds[nodeId] === true && !savedNodeIds(s.savedSnapshot).has(nodeId);
}

export const createGraphSlice: StateCreator<EditorState, [], [], GraphSlice> = (set, get) => {
  const rename = (from: string, to: string, follow: boolean): IdCheck => {
    const s = get();
    if (from === to) return { ok: true };
    const check = checkNodeId(to, new Set(s.nodes.map((n) => n.id)));
    if (!check.ok || !s.nodes.some((n) => n.id === from)) return check.ok ? { ok: false, reason: 'empty' } : check;
    s.checkpoint();
    const { [from]: _was, ...derivedIds } = s.derivedIds;
    if (follow) derivedIds[to] = true;
    set((st) => withDirty(st, { ...renameInGraph(st, from, to), lastRename: { from, to }, derivedIds }));
    return { ok: true };
  };
  return {
    nodes: [],
    edges: [],
    lastRename: null,
    derivedIds: {},

    onNodesChange: (changes) => {
      if (changes.some((c) => c.type === 'remove')) get().checkpoint('delete');
      set((s) => {
        const nodes = applyNodeChanges(changes, s.nodes);
        return changes.some((c) => CONTENT_CHANGES.has(c.type)) ? withDirty(s, { nodes }) : { nodes };
      });
    },

    onEdgesChange: (changes) => {
      if (changes.some((c) => c.type === 'remove')) get().checkpoint('delete');
      set((s) => {
        const edges = applyEdgeChanges(changes, s.edges);
        return changes.some((c) => CONTENT_CHANGES.has(c.type)) ? withDirty(s, { edges }) : { edges };
      });
    },

    onConnect: (conn) => {
      const s = get();
      if (!checkConnection(conn, s.edges, { nodes: s.nodes, catalogue: s.nodeTypes }).ok) return;
      s.checkpoint();
      const replaced = new Set(edgesReplacedBy(conn, s.edges, s.nodes, s.nodeTypes));
      set((st) => withDirty(st, { edges: [...st.edges.filter((e) => !replaced.has(e.id)), edgeFor(conn)] }));
    },

    addNode: (type, position, options) => {
      const s = get();
      const def = s.nodeTypes[type];
      if (!def) return null;
      s.checkpoint();
      const id = deriveNodeId(def.title, new Set(s.nodes.map((n) => n.id)), type);
      const node: BotFlowNode = {
        id,
        type: BOT_NODE_KIND,
        position: { x: Math.round(position.x), y: Math.round(position.y) },
        selected: true,
        data: { type, version: def.version, params: defaultParams(def.paramsSchema, def) },
      };
      let edges = s.edges;
      const from = options?.connectFrom ? s.nodes.find((n) => n.id === options.connectFrom) : undefined;
      const firstOut = from ? outputsOfNode(s, from)[0] : undefined;
      if (from && firstOut && def.inputs.length > 0) {
        edges = [...edges, edgeFor({ source: from.id, target: id, sourceHandle: firstOut.name, targetHandle: def.inputs[0]!.name })];
      }
      const nodes = [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node];
      set((st) => ({ ...withDirty(st, { nodes, edges }), derivedIds: { ...st.derivedIds, [id]: true } }));
      return id;
    },

    updateParams: (nodeId, patch) => {
      get().checkpoint(`params:${nodeId}:${Object.keys(patch).join(',')}`);
      const touched = new Set(Object.keys(patch));
      set((s) =>
        withDirty(s, {
          // The server's complaint about a param is answered once the user changes it; the next save re-checks.
          issues: s.issues.some((i) => i.nodeId === nodeId)
            ? s.issues.filter((i) => i.nodeId !== nodeId || !touched.has(i.param ?? describeIssue(i.message).param ?? ''))
            : s.issues,
          ...editNode(s, nodeId, (n) => {
            const params = { ...n.data.params };
            for (const [key, value] of Object.entries(patch)) {
              if (value === undefined) delete params[key];
              else params[key] = value;
            }
            return { ...n, data: { ...n.data, params } };
          }),
        }),
      );
    },

    setLabel: (nodeId, label) => {
      get().checkpoint(`label:${nodeId}`);
      set((s) =>
        withDirty(s, {
          nodes: mapNode(s.nodes, nodeId, (n) => {
            const data = { ...n.data };
            if (label.trim()) data.label = label;
            else delete data.label;
            return { ...n, data };
          }),
        }),
      );
    },

    setSettings: (nodeId, settings) => {
      get().checkpoint(`settings:${nodeId}`);
      const clean = cleanSettings(settings);
      set((s) =>
        withDirty(
          s,
          editNode(s, nodeId, (n) => {
            const data = { ...n.data };
            if (Object.keys(clean).length > 0) data.settings = clean;
            else delete data.settings;
            return { ...n, data };
          }),
        ),
      );
    },

    deleteNodes: (nodeIds) => {
      if (nodeIds.length === 0) return;
      get().checkpoint();
      const gone = new Set(nodeIds);
      set((s) =>
        withDirty(s, {
          nodes: s.nodes.filter((n) => !gone.has(n.id)),
          edges: s.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
        }),
      );
    },

    deleteSelection: () => {
      const s = get();
      const nodeIds = s.nodes.filter((n) => n.selected).map((n) => n.id);
      const edgeIds = new Set(s.edges.filter((e) => e.selected).map((e) => e.id));
      if (nodeIds.length === 0 && edgeIds.size === 0) return;
      s.checkpoint();
      const gone = new Set(nodeIds);
      set((st) =>
        withDirty(st, {
          nodes: st.nodes.filter((n) => !gone.has(n.id)),
          edges: st.edges.filter((e) => !edgeIds.has(e.id) && !gone.has(e.source) && !gone.has(e.target)),
        }),
      );
    },

    renameNode: (from, to) => rename(from, to, false),

    followLabel: (nodeId) => {
      const s = get();
      const node = s.nodes.find((n) => n.id === nodeId);
      if (!node || !idFollowsName(s, nodeId)) return nodeId;
      const def = s.nodeTypes[node.data.type];
      const taken = new Set(s.nodes.map((n) => n.id));
      taken.delete(nodeId);
      const next = deriveNodeId(node.data.label?.trim() || def?.title || '', taken, node.data.type);
      return rename(nodeId, next, true).ok ? next : nodeId;
    },

    selectNode: (nodeId) => {
      set((s) => ({
        nodes: s.nodes.map((n) => {
          const selected = n.id === nodeId;
          return n.selected === selected ? n : { ...n, selected };
        }),
        edges: s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
      }));
    },
  };
};
