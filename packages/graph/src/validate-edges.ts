import { portsCompatible, type NodeTypeInfo, type PortDef } from './node-type';
import { ERROR_PORT, outputPortsOf } from './ports';
import type { Graph, GraphEdge, GraphNode } from './schema';
import { issue, nodeName, type ValidationError } from './validate-types';

/** Only called with at least one port: a node without any is reported as INVALID_EDGE first. */
function describePorts(ports: PortDef[]): string {
  return ports.map((p) => `"${p.name}"`).join(', ');
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
    if (!source || !target) {
      const key = !source && !target ? 'DANGLING_EDGE.both' : !source ? 'DANGLING_EDGE.from' : 'DANGLING_EDGE.to';
      const params = { edge: edge.id, source: edge.source, target: edge.target };
      errors.push(issue('DANGLING_EDGE', key, params, { edgeId: edge.id, nodeId: source?.id ?? target?.id }));
      continue;
    }
    const key = JSON.stringify([edge.source, edge.sourceHandle ?? null, edge.target, edge.targetHandle ?? null]);
    if (seenConnections.has(key)) {
      const params = { edge: edge.id, source: nodeName(source), target: nodeName(target) };
      errors.push(issue('DUPLICATE_EDGE', 'DUPLICATE_EDGE', params, { edgeId: edge.id, nodeId: target.id }));
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
      const params = { node: nodeName(node), port: port.name, count: sources.length, sources: sources.map(nodeName).join(', ') };
      errors.push(issue('MULTIPLE_INPUTS', 'MULTIPLE_INPUTS', params, { nodeId: node.id }));
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
  const e = edge.id;
  const on = (node: GraphNode) => ({ edgeId: e, nodeId: node.id });
  const outputs = outputPortsOf(sInfo, source);
  if (outputs.length === 0) return [issue('INVALID_EDGE', 'INVALID_EDGE.noOutput', { node: nodeName(source), edge: e }, on(source))];
  if (tInfo.inputs.length === 0) {
    return [issue('INVALID_EDGE', 'INVALID_EDGE.noInput', { node: nodeName(target), edge: e, source: nodeName(source) }, on(target))];
  }
  const out = pickPort(outputs, edge.sourceHandle);
  if (!out && edge.sourceHandle === ERROR_PORT)
    return [issue('DANGLING_EDGE', 'DANGLING_EDGE.errorOff', { edge: e, node: nodeName(source) }, on(source))];
  if (!out) {
    const params = { edge: e, handle: String(edge.sourceHandle), node: nodeName(source), ports: describePorts(outputs) };
    return [issue('DANGLING_EDGE', 'DANGLING_EDGE.output', params, on(source))];
  }
  const inp = pickPort(tInfo.inputs, edge.targetHandle);
  if (!inp) {
    const params = { edge: e, handle: String(edge.targetHandle), node: nodeName(target), ports: describePorts(tInfo.inputs) };
    return [issue('DANGLING_EDGE', 'DANGLING_EDGE.input', params, on(target))];
  }
  const slot = `${target.id}\u0000${inp.name}`;
  const entry = fanIn.get(slot) ?? { port: inp, node: target, sources: [] };
  entry.sources.push(source);
  fanIn.set(slot, entry);
  if (!portsCompatible(out.type, inp.type)) {
    const params = { source: nodeName(source), from: out.type, node: nodeName(target), port: inp.name, to: inp.type, edge: e };
    return [issue('INCOMPATIBLE_PORTS', 'INCOMPATIBLE_PORTS', params, on(target))];
  }
  return [];
}
