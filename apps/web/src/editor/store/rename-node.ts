import { renameNodeInParams } from '@bm/graph';
import type { NodeRun } from '@bm/contract';
import { nodeTypeOf } from './catalogue-slice';
import type { EditorState } from './types';

type Renamed = Pick<EditorState, 'nodes' | 'edges' | 'runNodes' | 'sampleNodes' | 'draftErrors' | 'issues'>;

/**
 * Everything that names node `from` by id, renamed to `to`: the node, its edges, every
 * `{{ nodes.<from>.output… }}` in any node's template params (literal params are kept as written),
 * and the editor's run outputs, draft errors and issues about it (so its sample data and warnings stay).
 */
export function renameInGraph(s: EditorState, from: string, to: string): Renamed {
  const nodes = s.nodes.map((n) => {
    const def = nodeTypeOf(s, n.data);
    const literal = (path: readonly (string | number)[]) => path.length === 1 && def?.ui[String(path[0])]?.templating === 'none';
    const params = renameNodeInParams(n.data.params, from, to, literal);
    if (n.id !== from && params === n.data.params) return n;
    return { ...n, id: n.id === from ? to : n.id, data: params === n.data.params ? n.data : { ...n.data, params } };
  });
  const edges = s.edges.map((e) =>
    e.source === from || e.target === from
      ? { ...e, source: e.source === from ? to : e.source, target: e.target === from ? to : e.target }
      : e,
  );
  const move = (byId: Record<string, NodeRun>) => {
    if (!(from in byId)) return byId;
    const { [from]: moved, ...rest } = byId;
    return { ...rest, [to]: { ...moved!, nodeId: to } };
  };
  const runNodes = move(s.runNodes);
  const sampleNodes = move(s.sampleNodes);
  const draftErrors = Object.fromEntries(
    Object.entries(s.draftErrors).map(([key, err]) =>
      err.nodeId === from ? [`${to}${key.slice(from.length)}`, { ...err, nodeId: to }] : [key, err],
    ),
  );
  const issues = s.issues.map((i) => (i.nodeId === from ? { ...i, nodeId: to } : i));
  return { nodes, edges, runNodes, sampleNodes, draftErrors, issues };
}
