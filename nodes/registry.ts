import type { NodeTypeInfo } from '@bm/graph';
import { z } from 'zod';
import { llmChat } from './llm/chat/definition';
import { outputEmail } from './output/email/definition';
import { outputResults } from './output/results/definition';
import { outputSlack } from './output/slack/definition';
import { outputWebhook } from './output/webhook/definition';
import { sourceHttp } from './source/http/definition';
import { sourceManual } from './source/manual/definition';
import { sourceRss } from './source/rss/definition';
import { sourceWebpage } from './source/webpage/definition';
import { transformFilter } from './transform/filter/definition';
import { transformJsonata } from './transform/jsonata/definition';
import { transformMerge } from './transform/merge/definition';
import { transformSplit } from './transform/split/definition';
import { transformTemplate } from './transform/template/definition';
import type { NodeDefinition } from './types';

/** Every node type and version. A breaking change adds a new version here beside the old one. */
const DEFINITIONS: readonly NodeDefinition[] = [
  sourceManual,
  sourceHttp,
  sourceRss,
  sourceWebpage,
  llmChat,
  transformTemplate,
  transformJsonata,
  transformFilter,
  transformSplit,
  transformMerge,
  outputResults,
  outputWebhook,
  outputSlack,
  outputEmail,
];

const byType = new Map<string, Map<number, NodeDefinition>>();
for (const def of DEFINITIONS) {
  const versions = byType.get(def.id) ?? new Map<number, NodeDefinition>();
  if (versions.has(def.version)) throw new Error(`Duplicate node definition ${def.id} v${def.version}`);
  versions.set(def.version, def);
  byType.set(def.id, versions);
}

/** The definition of a type at a version (default: its latest version). */
export function getNodeDefinition(type: string, version?: number): NodeDefinition | undefined {
  const versions = byType.get(type);
  if (!versions) return undefined;
  if (version !== undefined) return versions.get(version);
  return versions.get(Math.max(...versions.keys()));
}

/** All definitions, every version, by id then version. */
export function listNodeDefinitions(): NodeDefinition[] {
  return [...DEFINITIONS].sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
}

export function listNodeVersions(type: string): number[] {
  return [...(byType.get(type)?.keys() ?? [])].sort((a, b) => a - b);
}

export function toNodeTypeInfo(def: NodeDefinition): NodeTypeInfo {
  return {
    id: def.id,
    version: def.version,
    category: def.category,
    inputs: def.inputs,
    outputs: def.outputs,
    params: def.params,
    ...(def.usesLlm ? { usesLlm: true } : {}),
    ...(def.trigger ? { trigger: true } : {}),
    ...(def.literalParams?.length ? { literalParams: def.literalParams } : {}),
  };
}

/** For validateGraph: `getNodeType`. */
export function getNodeTypeInfo(type: string, version: number): NodeTypeInfo | undefined {
  const def = getNodeDefinition(type, version);
  return def && toNodeTypeInfo(def);
}

/** Spread into validateGraph's options: `validateGraph(graph, { ...nodeTypeLookup, llm })`. */
export const nodeTypeLookup = { getNodeType: getNodeTypeInfo, listVersions: listNodeVersions };

/** How a param takes templates: as text, keeping the value's type, or not at all. */
export type ParamTemplating = 'text' | 'value' | 'none';

export interface ParamUi {
  widget?: string;
  templating: ParamTemplating;
}

export interface NodeTypeDescription {
  id: string;
  version: number;
  category: NodeDefinition['category'];
  title: string;
  description: string;
  docs: string;
  inputs: NodeDefinition['inputs'];
  outputs: NodeDefinition['outputs'];
  /** JSON Schema (draft 2020-12) of the params as the editor edits them; `widget` is a UI hint. */
  paramsSchema: Record<string, unknown>;
  /** Per param: widget hint and whether/how `{{ }}` templates apply. */
  ui: Record<string, ParamUi>;
  usesLlm: boolean;
  trigger: boolean;
}

function describeOne(def: NodeDefinition): NodeTypeDescription {
  const paramsSchema = z.toJSONSchema(def.params, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
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
  return {
    id: def.id,
    version: def.version,
    category: def.category,
    title: def.title,
    description: def.description,
    docs: def.docs,
    inputs: def.inputs,
    outputs: def.outputs,
    paramsSchema,
    ui,
    usesLlm: def.usesLlm ?? false,
    trigger: def.trigger ?? false,
  };
}

let catalogue: NodeTypeDescription[] | undefined;

/** The JSON-serialisable catalogue the editor builds its palette and forms from. */
export function describeNodeTypes(): NodeTypeDescription[] {
  catalogue ??= listNodeDefinitions().map(describeOne);
  return structuredClone(catalogue);
}
