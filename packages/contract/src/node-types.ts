import { z } from 'zod';
import { ErrorBody } from './common';
import { route } from './route';

export const NodeCategory = z.enum(['source', 'llm', 'transform', 'flow', 'output']);
/** Value kinds on edges; `any` fits everything, `items` is a list (and also JSON). */
export const PortType = z.enum(['any', 'text', 'json', 'items']);
export const PortDef = z.object({
  name: z.string(),
  type: PortType,
  /** An input that accepts more than one incoming edge. */
  multiple: z.boolean().optional(),
  label: z.string().optional(),
});
/** Per param: a widget hint and whether `{{ }}` templates apply ('none' = taken literally). */
export const ParamUi = z.object({ widget: z.string().optional(), templating: z.enum(['text', 'value', 'none']) });
/** What applies when a node's settings leave retries empty (the planner's defaults). */
export const RetryPolicy = z.object({
  maxAttempts: z.number().int(),
  initialIntervalMs: z.number(),
  backoffCoefficient: z.number(),
  maximumIntervalMs: z.number(),
});
const JsonSchemaObject = z.record(z.string(), z.unknown());
/** One rule of how the canvas summarises a node in one line (nodes/shared/display.ts documents them). */
export const NodeSummaryRule = z.object({
  when: z.object({ param: z.string(), equals: z.string().optional(), notEquals: z.string().optional() }).optional(),
  format: z.string().optional(),
  show: z.array(z.string()).optional(),
});

/** A node type as the editor builds its palette, forms and help from it (nodes/registry describes it). */
export const NodeTypeDescription = z.object({
  id: z.string(),
  version: z.number().int(),
  category: NodeCategory,
  title: z.string(),
  description: z.string(),
  /** Markdown for the editor's help panel. */
  docs: z.string(),
  inputs: z.array(PortDef),
  outputs: z.array(PortDef),
  /** Output ports made from a list param (flow.switch: one per case), drawn before `outputs` (outputPortsOf in @bm/graph). */
  dynamicOutputs: z.object({ param: z.string(), field: z.string(), type: PortType }).optional(),
  /** How the interpreter treats a flow node; absent: it runs once. */
  control: z.enum(['loop', 'collect', 'wait', 'approval', 'subbot']).optional(),
  /** Its run picks which output ports carry its output (flow.if, flow.switch). */
  routes: z.boolean().optional(),
  /** JSON Schema of the params as the editor edits them. */
  paramsSchema: JsonSchemaObject,
  ui: z.record(z.string(), ParamUi),
  /** Receives the run input (a run starts here). */
  trigger: z.boolean(),
  usesLlm: z.boolean(),
  execution: z.object({ local: z.boolean(), retry: RetryPolicy, timeoutMs: z.number() }),
  /** Params that hold secrets (never shown back, never logged). */
  secretParams: z.array(z.string()),
  /** Params that name an LLM connection. */
  connectionParams: z.array(z.string()),
  output: z.object({
    description: z.string(),
    schema: JsonSchemaObject,
    primaryPath: z.string().optional(),
    primaryLabel: z.string().optional(),
  }),
  display: z.object({ icon: z.string(), synonyms: z.array(z.string()), summary: z.array(NodeSummaryRule).optional() }),
});

export const nodeTypes = {
  list: route({
    method: 'GET',
    path: '/api/node-types',
    response: { 200: z.object({ nodeTypes: z.array(NodeTypeDescription) }), 401: ErrorBody },
  }),
};

export type NodeCategory = z.infer<typeof NodeCategory>;
export type PortType = z.infer<typeof PortType>;
export type PortDef = z.infer<typeof PortDef>;
export type ParamUi = z.infer<typeof ParamUi>;
export type RetryPolicy = z.infer<typeof RetryPolicy>;
export type NodeSummaryRule = z.infer<typeof NodeSummaryRule>;
export type NodeTypeDescription = z.infer<typeof NodeTypeDescription>;
