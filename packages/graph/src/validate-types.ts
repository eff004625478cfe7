import type { GraphNode } from './schema';

export type ValidationCode =
  | 'INVALID_GRAPH'
  | 'TOO_MANY_NODES'
  | 'DUPLICATE_NODE_ID'
  | 'DUPLICATE_EDGE_ID'
  | 'DUPLICATE_EDGE'
  | 'DANGLING_EDGE'
  | 'INVALID_EDGE'
  | 'INCOMPATIBLE_PORTS'
  | 'MULTIPLE_INPUTS'
  | 'CYCLE'
  | 'UNKNOWN_NODE_TYPE'
  | 'UNKNOWN_NODE_VERSION'
  | 'MISSING_PARAM'
  | 'INVALID_PARAM'
  | 'LLM_CONNECTION_MISSING'
  | 'LLM_CONNECTION_UNUSABLE'
  | 'EXPRESSION_SYNTAX'
  | 'EXPRESSION_UNKNOWN_NODE'
  | 'EXPRESSION_NOT_UPSTREAM'
  | 'SECRET_MISSING';

export interface ValidationError {
  code: ValidationCode;
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** All nodes involved (a cycle). */
  nodeIds?: string[];
  /** The param concerned, e.g. `headers.Authorization`. */
  param?: string;
}

/** `"Fetch news" (source.http)`, or the id when the node has no label. */
export function nodeName(node: Pick<GraphNode, 'id' | 'type' | 'label'>): string {
  const label = node.label?.trim();
  return `"${label || node.id}" (${node.type})`;
}
