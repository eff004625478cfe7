import { z } from 'zod';
import { listNodeDefinitions } from './registry';
import type { DynamicPorts, FlowControl, NodeCategory, NodeDefinition, NodeExecution, NodeSummaryRule, PortDef } from './types';

/** How a param takes templates: as text, keeping the value's type, or not at all. */
export type ParamTemplating = 'text' | 'value' | 'none';

export interface ParamUi {
  widget?: string;
  templating: ParamTemplating;
}

/**
 * One node type and version as `GET /api/node-types` serves it (packages/contract mirrors this
 * shape in zod). Everything the editor and the API know about a type comes from here.
 */
export interface NodeTypeDescription {
  id: string;
  version: number;
  category: NodeCategory;
  title: string;
  description: string;
  docs: string;
  inputs: PortDef[];
  outputs: PortDef[];
  /** Output ports made from a list param (flow.switch: one per case), drawn before `outputs` (see outputPortsOf in @bm/graph). */
  dynamicOutputs?: DynamicPorts;
  /** How the interpreter treats it (flow nodes); absent: run once. */
  control?: FlowControl;
  /** Its run picks which output ports carry its output. */
  routes?: boolean;
  /** JSON Schema (draft 2020-12) of the params as the editor edits them; `widget` is a UI hint. */
  paramsSchema: Record<string, unknown>;
  /** Per param: widget hint and whether/how `{{ }}` templates apply. */
  ui: Record<string, ParamUi>;
  trigger: boolean;
  /** For older clients: `connectionParams.length > 0`. */
  usesLlm: boolean;
  execution: NodeExecution;
  secretParams: string[];
  connectionParams: string[];
  output: { description: string; schema: Record<string, unknown>; primaryPath?: string; primaryLabel?: string };
  /** `summary`: NodeSummaryRule[] (nodes/shared/display.ts documents the rules). */
  display: { icon: string; synonyms: string[]; summary?: NodeSummaryRule[] };
}

const toJsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;

function paramUi(def: NodeDefinition, paramsSchema: Record<string, unknown>): Record<string, ParamUi> {
  const properties = (paramsSchema.properties ?? {}) as Record<
    string,
    { type?: unknown; widget?: unknown; enum?: unknown; anyOf?: { type?: unknown }[] }
  >;
  const ui: Record<string, ParamUi> = {};
  for (const [name, prop] of Object.entries(properties)) {
    // Free text only: a choice from a list (enum) must be one of its values, not a template.
    const takesText = (prop.type === 'string' && prop.enum === undefined) || (prop.anyOf ?? []).some((b) => b.type === 'string');
    const templating: ParamTemplating = def.literalParams?.includes(name)
      ? 'none'
      : def.valueParams?.includes(name)
        ? 'value'
        : takesText || prop.type === 'object'
          ? 'text'
          : 'none';
    ui[name] = { templating, ...(typeof prop.widget === 'string' ? { widget: prop.widget } : {}) };
  }
  return ui;
}

export function describeNodeType(def: NodeDefinition): NodeTypeDescription {
  const paramsSchema = toJsonSchema(def.params, 'input');
  const { schema, ...output } = def.output;
  return {
    id: def.id,
    version: def.version,
    category: def.category,
    title: def.title,
    description: def.description,
    docs: def.docs,
    inputs: def.inputs,
    outputs: def.outputs,
    ...(def.dynamicOutputs ? { dynamicOutputs: def.dynamicOutputs } : {}),
    ...(def.control ? { control: def.control } : {}),
    ...(def.routes ? { routes: true } : {}),
    paramsSchema,
    ui: paramUi(def, paramsSchema),
    trigger: def.trigger ?? false,
    usesLlm: def.connectionParams.length > 0,
    execution: def.execution,
    secretParams: def.secretParams,
    connectionParams: def.connectionParams,
    output: { ...output, schema: toJsonSchema(schema, 'output') },
    display: def.display,
  };
}

let catalogue: NodeTypeDescription[] | undefined;

/** The JSON-serialisable catalogue the editor builds its palette and forms from: every type, every version. */
export function describeNodeTypes(): NodeTypeDescription[] {
  catalogue ??= listNodeDefinitions().map(describeNodeType);
  return structuredClone(catalogue);
}
