import { request } from './http';
import type { JsonSchema } from '../editor/schema-form/json-schema';

export type NodeCategory = 'source' | 'llm' | 'transform' | 'output';
export type NodePort = { name: string; type: string; multiple?: boolean; label?: string };

export type NodeTypeDef = {
  id: string;
  version: number;
  category: NodeCategory;
  title: string;
  description: string;
  docs?: string;
  inputs: NodePort[];
  outputs: NodePort[];
  paramsSchema: JsonSchema;
  /** Per param: a widget hint and whether `{{ }}` templates apply ('none' = taken literally). */
  ui?: Record<string, ParamUi>;
  usesLlm?: boolean;
  /** Receives the run input (a run starts here). */
  trigger?: boolean;
  /** What applies when the node's settings leave retries/timeout empty. */
  execution?: { maxAttempts: number; timeoutMs: number };
};

export type ParamUi = { widget?: string; templating?: 'text' | 'value' | 'none' };

export const nodeTypesApi = {
  list: () => request<{ nodeTypes: NodeTypeDef[] }>('/api/node-types'),
};
