import { portsCompatible, type NodeTypeInfo, type PortDef } from './node-type';
import type { Graph, GraphEdge, GraphNode } from './schema';
import { nodeName, type ValidationError } from './validate-types';

function describePorts(ports: PortDef[]): string {
  return ports.length ? ports.map((p) => `"${p.name}"`).join(', ') : 'none';
}

function pickPort(ports: PortDef[], handle: string | null | undefined): PortDef | undefined {
  return handle == null ? ports[0] : ports.find((p) => p.name === handle);
}

/** Endpoints, handles, port types, duplicates and fan-in of every edge. */
export function checkEdges(graph: Graph, byId: Map<string, GraphNode>, types: Map<string, NodeTypeInfo>): ValidationError[] {
  const errors: ValidationError[] = [];
  const seenConnections = new Set<string>();
  const fanIn = new Map<string, { port: PortDef; node: GraphNode; sources: GraphNode[] }>();

  for (const edge of graph.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    const edgeRef = `Connection "${edge.id}"`;
    if (!source || !target) {
      const which = [!source ? `from unknown node "${edge.source}"` : '', !target ? `to unknown node "${edge.target}"` : ''].filter(
        Boolean,
      );
      errors.push({
        code: 'DANGLING_EDGE',
        edgeId: edge.id,
        nodeId: source?.id ?? target?.id,
        message: `${edgeRef} goes ${which.join(' and ')}; delete it or reconnect it.`,
      });
      continue;
    }
    const key = JSON.stringify([edge.source, edge.sourceHandle ?? null, edge.target, edge.targetHandle ?? null]);
    if (seenConnections.has(key)) {
      errors.push({
        code: 'DUPLICATE_EDGE',
        edgeId: edge.id,
        nodeId: target.id,
        message: `${edgeRef} duplicates another connection from ${nodeName(source)} to ${nodeName(target)}.`,
      });
      continue;
    }
    seenConnections.add(key);
    const sInfo = types.get(source.id);
    const tInfo = types.get(target.id);
    if (!sInfo || !tInfo) continue; // unknown types are reported on the nodes
    errors.push(...checkEndpoints(edge, source, target, sInfo, tInfo, fanIn));
  }

  for (const { port, node, sources } of fanIn.values()) {
    if (sources.length > 1 && !port.multiple) {
      errors.push({
        code: 'MULTIPLE_INPUTS',
        nodeId: node.id,
        message:
          `${nodeName(node)} input "${port.name}" accepts one connection but has ${sources.length} ` +
          `(from ${sources.map(nodeName).join(', ')}); merge them with a transform.merge node first.`,
      });
    }
  }
  return errors;
}

function checkEndpoints(
  edge: GraphEdge,
  source: GraphNode,
  target: GraphNode,
  sInfo: NodeTypeInfo,
  tInfo: NodeTypeInfo,
  fanIn: Map<string, { port: PortDef; node: GraphNode; sources: GraphNode[] }>,
): ValidationError[] {
  const edgeRef = `Connection "${edge.id}"`;
  const base = { edgeId: edge.id };
  if (sInfo.outputs.length === 0) {
    return [
      { ...base, code: 'INVALID_EDGE', nodeId: source.id, message: `${nodeName(source)} has no output, but ${edgeRef} starts from it.` },
    ];
  }
  if (tInfo.inputs.length === 0) {
    return [
      {
        ...base,
        code: 'INVALID_EDGE',
        nodeId: target.id,
        message: `${nodeName(target)} takes no input, but ${edgeRef} connects ${nodeName(source)} into it.`,
      },
    ];
  }
  const out = pickPort(sInfo.outputs, edge.sourceHandle);
  if (!out) {
    return [
      {
        ...base,
        code: 'DANGLING_EDGE',
        nodeId: source.id,
        message: `${edgeRef} starts at output "${edge.sourceHandle}" of ${nodeName(source)}, which has no such output (outputs: ${describePorts(sInfo.outputs)}).`,
      },
    ];
  }
  const inp = pickPort(tInfo.inputs, edge.targetHandle);
  if (!inp) {
    return [
      {
        ...base,
        code: 'DANGLING_EDGE',
        nodeId: target.id,
        message: `${edgeRef} ends at input "${edge.targetHandle}" of ${nodeName(target)}, which has no such input (inputs: ${describePorts(tInfo.inputs)}).`,
      },
    ];
  }
  const slot = `${target.id}\u0000${inp.name}`;
  const entry = fanIn.get(slot) ?? { port: inp, node: target, sources: [] };
  entry.sources.push(source);
  fanIn.set(slot, entry);
  if (!portsCompatible(out.type, inp.type)) {
    return [
      {
        ...base,
        code: 'INCOMPATIBLE_PORTS',
        nodeId: target.id,
        message: `${nodeName(source)} outputs ${out.type} but ${nodeName(target)} input "${inp.name}" expects ${inp.type} (${edgeRef}).`,
      },
    ];
  }
  return [];
}
