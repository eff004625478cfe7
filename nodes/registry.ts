import type { NodeTypeInfo } from '@bm/graph';
import { flowApproval } from './flow/approval/definition';
import { flowCollect } from './flow/collect/definition';
import { flowIf } from './flow/if/definition';
import { flowLoop } from './flow/loop/definition';
import { flowSubbot } from './flow/subbot/definition';
import { flowSwitch } from './flow/switch/definition';
import { flowWait } from './flow/wait/definition';
import { llmChat } from './llm/chat/definition';
import { outputEmail } from './output/email/definition';
import { outputRespond } from './output/respond/definition';
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
import { transformSplitV2 } from './transform/split/v2/definition';
import { transformTemplate } from './transform/template/definition';
import type { NodeDefinition } from './types';

/**
 * Every node type and version. A breaking change adds a new version here beside the old one
 * (README.md): stored graphs name their version and keep running; new nodes get the latest.
 */
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
  transformSplitV2,
  transformMerge,
  flowIf,
  flowSwitch,
  flowLoop,
  flowCollect,
  flowWait,
  flowApproval,
  flowSubbot,
  outputResults,
  outputWebhook,
  outputSlack,
  outputEmail,
  outputRespond,
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
    ...(def.connectionParams.length ? { connectionParams: def.connectionParams } : {}),
    ...(def.trigger ? { trigger: true } : {}),
    ...(def.control ? { control: def.control } : {}),
    ...(def.routes ? { routes: true } : {}),
    ...(def.dynamicOutputs ? { dynamicOutputs: def.dynamicOutputs } : {}),
    ...(def.onePerGraph ? { onePerGraph: true } : {}),
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
