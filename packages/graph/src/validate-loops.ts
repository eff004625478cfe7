import { analyzeLoops } from './loops';
import type { NodeTypeInfo } from './node-type';
import type { Graph, GraphNode } from './schema';
import { issue, nodeName, type ValidationError } from './validate-types';

/** Each flow.loop ends at one flow.collect; nothing inside a loop leaks out past it; no loop inside a loop. */
export function checkLoops(graph: Graph, byId: Map<string, GraphNode>, types: Map<string, NodeTypeInfo>): ValidationError[] {
  const { issues } = analyzeLoops(graph, (id) => types.get(id)?.control);
  const name = (id: string) => nodeName(byId.get(id) ?? { id, type: 'unknown' });
  return issues.map((i) => {
    switch (i.kind) {
      case 'noCollect':
        return issue('LOOP_NO_COLLECT', 'LOOP_NO_COLLECT', { node: name(i.loopId) }, { nodeId: i.loopId });
      case 'manyCollects':
        return issue(
          'LOOP_MANY_COLLECTS',
          'LOOP_MANY_COLLECTS',
          { node: name(i.loopId), collects: i.collectIds.map(name).join(', ') },
          { nodeId: i.loopId, nodeIds: i.collectIds },
        );
      case 'nested':
        return issue('LOOP_NESTED', 'LOOP_NESTED', { node: name(i.innerId), loop: name(i.loopId) }, { nodeId: i.innerId });
      case 'leak':
        return issue(
          'LOOP_LEAK',
          'LOOP_LEAK',
          { node: name(i.nodeId), loop: name(i.loopId), edge: i.edgeId, target: name(i.target) },
          { nodeId: i.nodeId, edgeId: i.edgeId },
        );
      case 'collectWithoutLoop':
        return issue('COLLECT_NO_LOOP', 'COLLECT_NO_LOOP', { node: name(i.collectId) }, { nodeId: i.collectId });
      case 'collectOutsideInput':
        return issue(
          'COLLECT_OUTSIDE_INPUT',
          'COLLECT_OUTSIDE_INPUT',
          { node: name(i.collectId), loop: name(i.loopId), edge: i.edgeId, source: name(i.source) },
          { nodeId: i.collectId, edgeId: i.edgeId },
        );
    }
  });
}
