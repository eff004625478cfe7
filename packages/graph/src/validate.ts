import { cleanMessage, describeParamIssues, formatParamIssue } from './issues';
import type { NodeTypeInfo } from './node-type';
import { formatPath, type PathSegment } from './paths';
import { GraphSchema, type Graph, type GraphNode } from './schema';
import { findCycles } from './topology';
import { checkEdges } from './validate-edges';
import { checkExpressions } from './validate-expressions';
import { nodeName, type ValidationError } from './validate-types';

export const DEFAULT_MAX_NODES = 500;

export interface ValidateGraphOptions {
  getNodeType(type: string, version: number): NodeTypeInfo | undefined;
  /** Lets "unknown version" be told apart from "unknown type". */
  listVersions?(type: string): number[];
  maxNodes?: number;
  /** Omit to skip the LLM connection check (e.g. validating a template with no bot yet). */
  llm?: { botHasConnection: boolean; connectionUsable?(id: string): boolean };
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
      errors: [
        {
          code: 'TOO_MANY_NODES',
          message: `The graph has ${graph.nodes.length} nodes; the limit is ${maxNodes}. Split it into smaller bots.`,
        },
      ],
    };
  }

  const errors: ValidationError[] = [];
  const byId = new Map<string, GraphNode>();
  for (const node of graph.nodes) {
    const first = byId.get(node.id);
    if (first) {
      errors.push({
        code: 'DUPLICATE_NODE_ID',
        nodeId: node.id,
        message: `Two nodes share the id "${node.id}": ${nodeName(first)} and ${nodeName(node)}. Node ids must be unique.`,
      });
    } else byId.set(node.id, node);
  }
  const edgeIds = new Set<string>();
  for (const edge of graph.edges) {
    if (edgeIds.has(edge.id)) {
      errors.push({ code: 'DUPLICATE_EDGE_ID', edgeId: edge.id, message: `Two connections share the id "${edge.id}".` });
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
    errors.push(...checkParams(node, info));
    const llm = opts.llm;
    if (llm) for (const param of info.connectionParams ?? []) errors.push(...checkLlm(node, param, llm));
  }

  errors.push(...checkEdges(graph, byId, types));
  for (const cycle of findCycles(graph)) {
    const names = [...cycle, cycle[0]!].map((id) => nodeName(byId.get(id)!));
    errors.push({
      code: 'CYCLE',
      nodeId: cycle[0],
      nodeIds: cycle,
      message: `These nodes form a cycle: ${names.join(' → ')}. Remove one of these connections.`,
    });
  }
  errors.push(...checkExpressions(graph, byId, (n) => types.get(n.id)?.literalParams ?? []));
  return { ok: errors.length === 0, errors, graph };
}

function shapeErrors(issues: readonly { path: PropertyKey[]; message: string }[], input: unknown): ValidationError[] {
  return issues.map((issue) => {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    const error: ValidationError = {
      code: 'INVALID_GRAPH',
      message: `Invalid graph at ${formatPath(path) || 'the top level'}: ${cleanMessage(issue.message)}`,
    };
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
  if (versions.length > 0) {
    return {
      code: 'UNKNOWN_NODE_VERSION',
      nodeId: node.id,
      message: `${nodeName(node)} uses version ${node.version}, which does not exist (available: ${versions.join(', ')}).`,
    };
  }
  return {
    code: 'UNKNOWN_NODE_TYPE',
    nodeId: node.id,
    message: `${nodeName(node)} has an unknown node type "${node.type}" (version ${node.version}).`,
  };
}

function checkParams(node: GraphNode, info: NodeTypeInfo): ValidationError[] {
  const result = info.params.safeParse(node.params);
  if (result.success) return [];
  return describeParamIssues(result.error, node.params).map((issue) => ({
    code: issue.missing ? 'MISSING_PARAM' : 'INVALID_PARAM',
    nodeId: node.id,
    param: issue.path,
    message: `${nodeName(node)}: ${formatParamIssue(issue)}.`,
  }));
}

function checkLlm(node: GraphNode, param: string, llm: NonNullable<ValidateGraphOptions['llm']>): ValidationError[] {
  const id = node.params[param];
  if (typeof id === 'string' && id.trim() !== '') {
    if (llm.connectionUsable && !llm.connectionUsable(id)) {
      return [
        {
          code: 'LLM_CONNECTION_UNUSABLE',
          nodeId: node.id,
          param,
          message: `${nodeName(node)} uses LLM connection "${id}", which does not exist, is inactive or is not shared with this bot's workspace. Pick another connection on the node.`,
        },
      ];
    }
    return [];
  }
  if (!llm.botHasConnection) {
    return [
      {
        code: 'LLM_CONNECTION_MISSING',
        nodeId: node.id,
        param,
        message: `${nodeName(node)} has no LLM connection: choose one on the node, or set a default connection for the bot (Settings → LLM Connections to add one).`,
      },
    ];
  }
  return [];
}
