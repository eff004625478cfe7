import type { NodeRun, NodeTypeDescription as NodeTypeDef } from '@bm/contract';
import type { JsonSchema } from '../schema-form/json-schema';
import { treeFromSchema, treeFromValue, type FieldNode, type TreeRoot } from './field-tree';
import type { CompletionSources } from './completions';
import type { PreviewData } from './preview';

/** Where a tree's fields come from: the last run, data pinned on the node, the manual sample, or only the node type's description. */
export type SampleSource = 'run' | 'pinned' | 'sample' | 'schema' | 'none';

/** One root of the data tree: the run input or one upstream node. */
export type DataTree = {
  root: TreeRoot;
  title: string;
  source: SampleSource;
  fields?: FieldNode[];
  /** The sample value itself (for the root row's preview). */
  value?: unknown;
  /** The run recorded this output by reference only (too large to inline). */
  large?: boolean;
};

/** What the store holds about one upstream node, as the data hook selects it. */
export type UpstreamFacts = {
  nodeId: string;
  title: string;
  def: NodeTypeDef | undefined;
  pinned: unknown;
  nodeRun: NodeRun | undefined;
};

export type ExpressionData = { trees: DataTree[]; preview: PreviewData; completion: CompletionSources };

/** The manual source's `sample` is JSON, possibly still as text. */
export function parseSample(sample: unknown): unknown {
  if (typeof sample !== 'string') return sample === '' || sample === null ? undefined : sample;
  if (sample.trim() === '') return undefined;
  try {
    return JSON.parse(sample);
  } catch {
    return sample;
  }
}

function nodeTree(u: UpstreamFacts): DataTree {
  const root: TreeRoot = { kind: 'node', nodeId: u.nodeId };
  const base = { root, title: u.title };
  if (u.pinned !== undefined) return { ...base, source: 'pinned', value: u.pinned, fields: treeFromValue(u.pinned) };
  const run = u.nodeRun;
  if (run && run.status === 'succeeded' && run.output !== undefined && !run.outputRef) {
    return { ...base, source: 'run', value: run.output, fields: treeFromValue(run.output) };
  }
  const fields = treeFromSchema(u.def?.output.schema as JsonSchema | undefined);
  return { ...base, source: fields ? 'schema' : 'none', fields, large: Boolean(run?.outputRef) };
}

/**
 * Builds the field trees, the preview data and the autocomplete sources for a node's expressions
 * from its upstream nodes (nearest first) and the run input. Pure: the hook feeds it from the store.
 */
export function buildExpressionData(
  input: { value: unknown; source: SampleSource },
  upstream: UpstreamFacts[],
  secrets: readonly string[] | null,
): ExpressionData {
  const inputTree: DataTree = {
    root: { kind: 'input' },
    title: 'input',
    source: input.value === undefined ? 'none' : input.source,
    value: input.value,
    fields: treeFromValue(input.value),
  };
  const trees = [inputTree, ...upstream.map(nodeTree)];
  const outputs: Record<string, unknown> = {};
  const noData = new Set<string>();
  for (const t of trees) {
    if (t.root.kind !== 'node') continue;
    if (t.source === 'run' || t.source === 'pinned') outputs[t.root.nodeId] = t.value;
    else noData.add(t.root.nodeId);
  }
  return {
    trees,
    preview: { input: input.value, outputs, noData, secrets },
    completion: {
      input: inputTree.fields,
      nodes: trees.flatMap((t) => (t.root.kind === 'node' ? [{ nodeId: t.root.nodeId, title: t.title, fields: t.fields }] : [])),
      secrets: secrets ?? [],
    },
  };
}
