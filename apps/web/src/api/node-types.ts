import { request } from './http';
import type { JsonSchema } from '../editor/schema-form/json-schema';

// The node catalogue as GET /api/node-types serves it (NodeTypeDescription in nodes/describe.ts).

export type NodeCategory = 'source' | 'llm' | 'transform' | 'output';
export type NodePort = { name: string; type: 'any' | 'text' | 'json' | 'items'; multiple?: boolean; label?: string };

export type ParamUi = { widget?: string; templating: 'text' | 'value' | 'none' };

export type RetryPolicy = { maxAttempts: number; initialIntervalMs: number; backoffCoefficient: number; maximumIntervalMs: number };

/** How the canvas summarises a node (nodes/shared/display.ts documents the rules). */
export type NodeSummaryRule = {
  when?: { param: string; equals?: string; notEquals?: string };
  format?: string;
  show?: string[];
};

export type NodeTypeDef = {
  id: string;
  version: number;
  category: NodeCategory;
  title: string;
  description: string;
  docs: string;
  inputs: NodePort[];
  outputs: NodePort[];
  paramsSchema: JsonSchema;
  /** Per param: a widget hint and whether `{{ }}` templates apply ('none' = taken literally). */
  ui: Record<string, ParamUi>;
  /** Receives the run input (a run starts here). */
  trigger: boolean;
  usesLlm: boolean;
  /** What applies when the node's settings leave retries/timeout empty. */
  execution: { local: boolean; retry: RetryPolicy; timeoutMs: number };
  /** Params whose value is a credential (viewers get them masked). */
  secretParams: string[];
  /** Params that name an LLM connection. */
  connectionParams: string[];
  output: { description: string; schema: JsonSchema; primaryPath?: string; primaryLabel?: string };
  display: { icon: string; synonyms: string[]; summary?: NodeSummaryRule[] };
};

export const nodeTypesApi = {
  list: () => request<{ nodeTypes: NodeTypeDef[] }>('/api/node-types'),
};
