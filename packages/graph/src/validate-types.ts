import { GRAPH_KEY_PREFIX, renderGraphMessage, type GraphMessageKey, type MessageParams } from './messages';
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
  | 'LOOP_NO_COLLECT'
  | 'LOOP_MANY_COLLECTS'
  | 'LOOP_NESTED'
  | 'LOOP_LEAK'
  | 'COLLECT_NO_LOOP'
  | 'SUBBOT_NOT_FOUND'
  | 'SUBBOT_CYCLE'
  | 'COLLECT_OUTSIDE_INPUT'
  | 'TOO_MANY_OF_TYPE'
  | 'UNKNOWN_NODE_TYPE'
  | 'UNKNOWN_NODE_VERSION'
  | 'MISSING_PARAM'
  | 'INVALID_PARAM'
  | 'LLM_CONNECTION_MISSING'
  | 'LLM_CONNECTION_UNUSABLE'
  | 'LLM_CONNECTION_PERSONAL'
  | 'EXPRESSION_SYNTAX'
  | 'EXPRESSION_UNKNOWN_NODE'
  | 'EXPRESSION_NOT_UPSTREAM'
  | 'SECRET_MISSING'
  | 'DISABLED_NOT_ALLOWED';

export interface ValidationError {
  code: ValidationCode;
  /** The English sentence (logs, older callers); rendered from `key` and `params`. */
  message: string;
  /** The message's key in @bm/i18n's `errors` catalogue (`graph.CYCLE`), for every language. */
  key: `graph.${GraphMessageKey}`;
  /** The key's arguments: plain values (node names, ids, handles, types, counts). */
  params: MessageParams;
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

type Where = Pick<ValidationError, 'nodeId' | 'edgeId' | 'nodeIds' | 'param'>;

/** One issue: its code, where it is, and its message by catalogue key (the English rendered here). */
export function issue(code: ValidationCode, key: GraphMessageKey, params: MessageParams, where: Where = {}): ValidationError {
  const out: ValidationError = { code, message: renderGraphMessage(key, params), key: `${GRAPH_KEY_PREFIX}${key}` as const, params };
  for (const [k, v] of Object.entries(where)) if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
  return out;
}
