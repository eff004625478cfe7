import { cleanMessage, describeParamIssues } from './issues';
import type { NodeTypeInfo } from './node-type';
import { formatPath, type PathSegment } from './paths';
import { GraphSchema, type Graph, type GraphNode } from './schema';
import { findCycles } from './topology';
import { checkEdges } from './validate-edges';
import { checkLoops } from './validate-loops';
import { checkExpressions } from './validate-expressions';
import { issue, nodeName, type ValidationError } from './validate-types';

// The editor stays usable at 2 000 nodes (bench/editor.ts); validating that many takes ~0.1 s.
export const DEFAULT_MAX_NODES = 2000;

export interface ValidateGraphOptions {
  getNodeType(type: string, version: number): NodeTypeInfo | undefined;
  /** Lets "unknown version" be told apart from "unknown type". */
  listVersions?(type: string): number[];
  maxNodes?: number;
  /** Omit to skip the LLM connection check (e.g. validating a template with no bot yet). */
  llm?: {
    botHasConnection: boolean;
    connectionUsable?(id: string): boolean;
    /** Another member's personal connection in this workspace: its name and its owner's (to say whose key it is). */
    personalConnection?(id: string): { name: string; owner: string } | undefined;
  };
}

export interface ValidationResult {
  ok: boolean;
  errors: ValidationError[];
  /** The parsed graph (defaults applied) when its shape was valid. */
  graph?: Graph;
}

/**
 * Checks a graph before it is saved or run. Every error names the node (label or id, and type) and
 * says what to change. Only free-text string params may hold `{{ }}` templates: a number or
 * boolean param given a template string is reported as invalid.
 */
export function validateGraph(input: unknown, opts: ValidateGraphOptions): ValidationResult {
  const parsed = GraphSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: shapeErrors(parsed.error.issues, input) };
  const graph = parsed.data;
  const maxNodes = opts.maxNodes ?? DEFAULT_MAX_NODES;
  if (graph.nodes.length > maxNodes) {
    return {
      ok: false,
      graph,
      errors: [issue('TOO_MANY_NODES', 'TOO_MANY_NODES', { count: graph.nodes.length, max: maxNodes })],
    };
  }

  const errors: ValidationError[] = [];
  const byId = new Map<string, GraphNode>();
  for (const node of graph.nodes) {
    const first = byId.get(node.id);
    if (first) {
      errors.push(
        issue(
          'DUPLICATE_NODE_ID',
          'DUPLICATE_NODE_ID',
          { id: node.id, first: nodeName(first), second: nodeName(node) },
          { nodeId: node.id },
        ),
      );
    } else byId.set(node.id, node);
  }
  const edgeIds = new Set<string>();
  for (const edge of graph.edges) {
    if (edgeIds.has(edge.id)) {
      errors.push(issue('DUPLICATE_EDGE_ID', 'DUPLICATE_EDGE_ID', { id: edge.id }, { edgeId: edge.id }));
    }
    edgeIds.add(edge.id);
  }

  const types = new Map<string, NodeTypeInfo>();
  for (const node of byId.values()) {
    const info = opts.getNodeType(node.type, node.version);
    if (!info) {
      errors.push(unknownType(node, opts.listVersions?.(node.type) ?? []));
      continue;
    }
    types.set(node.id, info);
    if (node.disabled) {
      // A disabled node does not run: its params and connection may be unfinished (the editor still
      // marks them), but a node the run cannot do without may not be disabled.
      errors.push(...checkDisabled(node, info));
      continue;
    }
    errors.push(...checkParams(node, info));
    const llm = opts.llm;
    if (llm) for (const param of info.connectionParams ?? []) errors.push(...checkLlm(node, param, llm));
  }

  errors.push(...checkOnePerGraph(byId, types));
  errors.push(...checkEdges(graph, byId, types));
  for (const cycle of findCycles(graph)) {
    const names = [...cycle, cycle[0]!].map((id) => nodeName(byId.get(id)!));
    errors.push(issue('CYCLE', 'CYCLE', { path: names.join(' → ') }, { nodeId: cycle[0], nodeIds: cycle }));
  }
  errors.push(...checkLoops(graph, byId, types));
  errors.push(...checkExpressions(graph, byId, (n) => types.get(n.id)?.literalParams ?? []));
  return { ok: errors.length === 0, errors, graph };
}

/** Types that allow one node per graph (`onePerGraph`): the second and later of each are reported. */
function checkOnePerGraph(byId: Map<string, GraphNode>, types: Map<string, NodeTypeInfo>): ValidationError[] {
  const byType = new Map<string, GraphNode[]>();
  for (const node of byId.values()) {
    if (!types.get(node.id)?.onePerGraph) continue;
    byType.set(node.type, [...(byType.get(node.type) ?? []), node]);
  }
  return [...byType].flatMap(([type, nodes]) =>
    nodes.length < 2
      ? []
      : [
          issue(
            'TOO_MANY_OF_TYPE',
            'TOO_MANY_OF_TYPE',
            { type, count: nodes.length, nodes: nodes.map(nodeName).join(', ') },
            { nodeId: nodes[1]!.id, nodeIds: nodes.map((n) => n.id) },
          ),
        ],
  );
}

function shapeErrors(issues: readonly { path: PropertyKey[]; message: string }[], input: unknown): ValidationError[] {
  return issues.map((zodIssue) => {
    const path = zodIssue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    const at = formatPath(path);
    const detail = cleanMessage(zodIssue.message);
    const error = at
      ? issue('INVALID_GRAPH', 'INVALID_GRAPH.at', { path: at, detail })
      : issue('INVALID_GRAPH', 'INVALID_GRAPH.top', { detail });
    if (path[0] === 'nodes' && typeof path[1] === 'number' && input && typeof input === 'object') {
      const raw = (input as { nodes?: unknown[] }).nodes?.[path[1]] as { id?: unknown } | undefined;
      if (typeof raw?.id === 'string') error.nodeId = raw.id;
    }
    if (path[0] === 'edges' && typeof path[1] === 'number' && input && typeof input === 'object') {
      const raw = (input as { edges?: unknown[] }).edges?.[path[1]] as { id?: unknown } | undefined;
      if (typeof raw?.id === 'string') error.edgeId = raw.id;
    }
    return error;
  });
}

function unknownType(node: GraphNode, versions: number[]): ValidationError {
  const where = { nodeId: node.id };
  if (versions.length > 0) {
    const params = { node: nodeName(node), version: node.version, available: versions.join(', ') };
    return issue('UNKNOWN_NODE_VERSION', 'UNKNOWN_NODE_VERSION', params, where);
  }
  return issue('UNKNOWN_NODE_TYPE', 'UNKNOWN_NODE_TYPE', { node: nodeName(node), type: node.type, version: node.version }, where);
}

/**
 * Refused rather than warned: a disabled trigger makes every run do nothing yet succeed, and a
 * disabled loop or collect node would leave the loop's body without its items.
 */
function checkDisabled(node: GraphNode, info: NodeTypeInfo): ValidationError[] {
  const where = { nodeId: node.id };
  if (info.trigger) return [issue('DISABLED_NOT_ALLOWED', 'DISABLED_NOT_ALLOWED.trigger', { node: nodeName(node) }, where)];
  if (info.control === 'loop' || info.control === 'collect')
    return [issue('DISABLED_NOT_ALLOWED', 'DISABLED_NOT_ALLOWED.loop', { node: nodeName(node) }, where)];
  return [];
}

function checkParams(node: GraphNode, info: NodeTypeInfo): ValidationError[] {
  const result = info.params.safeParse(node.params);
  if (result.success) return [];
  return describeParamIssues(result.error, node.params).map((p) =>
    issue(
      p.missing ? 'MISSING_PARAM' : 'INVALID_PARAM',
      p.reason,
      { node: nodeName(node), param: p.path, ...p.args },
      { nodeId: node.id, param: p.path },
    ),
  );
}

function checkLlm(node: GraphNode, param: string, llm: NonNullable<ValidateGraphOptions['llm']>): ValidationError[] {
  const id = node.params[param];
  if (typeof id === 'string' && id.trim() !== '') {
    const personal = llm.personalConnection?.(id);
    if (personal && llm.connectionUsable && !llm.connectionUsable(id)) {
      const params = { node: nodeName(node), connection: personal.name, owner: personal.owner };
      return [issue('LLM_CONNECTION_PERSONAL', 'LLM_CONNECTION_PERSONAL', params, { nodeId: node.id, param })];
    }
    if (llm.connectionUsable && !llm.connectionUsable(id)) {
      return [
        issue('LLM_CONNECTION_UNUSABLE', 'LLM_CONNECTION_UNUSABLE', { node: nodeName(node), connection: id }, { nodeId: node.id, param }),
      ];
    }
    return [];
  }
  if (!llm.botHasConnection) {
    return [issue('LLM_CONNECTION_MISSING', 'LLM_CONNECTION_MISSING.none', { node: nodeName(node) }, { nodeId: node.id, param })];
  }
  return [];
}
