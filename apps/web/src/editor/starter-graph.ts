import type { Graph, GraphNode, NodeTypeDescription as NodeTypeDef } from '@bm/contract';
import type { JsonSchema } from './schema-form/json-schema';
import { defaultParams, unwrapSchema } from './schema-form/schema-fields';
import { deriveNodeId, newEdgeId } from './store/ids';

function node(
  type: string,
  x: number,
  catalogue: Record<string, NodeTypeDef>,
  params: Record<string, unknown>,
  taken: Set<string>,
  label?: string,
): GraphNode {
  const def = catalogue[type];
  const id = deriveNodeId(label ?? def?.title ?? '', taken, type);
  taken.add(id);
  return {
    id,
    type,
    version: def?.version ?? 1,
    params: { ...defaultParams(def?.paramsSchema, def), ...params },
    position: { x, y: 120 },
    ...(label ? { label } : {}),
  };
}

function edge(from: GraphNode, to: GraphNode, catalogue: Record<string, NodeTypeDef>) {
  const out = catalogue[from.type]?.outputs[0]?.name;
  const inp = catalogue[to.type]?.inputs[0]?.name;
  return { id: newEdgeId(), source: from.id, target: to.id, ...(out ? { sourceHandle: out } : {}), ...(inp ? { targetHandle: inp } : {}) };
}

const SAMPLE = { topic: 'the history of the bicycle' };

/** The manual source's `sample` (the editor's default run input) in whatever form its schema takes. */
function sampleParam(catalogue: Record<string, NodeTypeDef>, sample: Record<string, unknown> = SAMPLE): Record<string, unknown> {
  const raw = (catalogue['source.manual']?.paramsSchema as JsonSchema | undefined)?.properties?.sample;
  if (!raw) return {};
  const type = unwrapSchema(raw).schema.type;
  if (type === 'string') return { sample: JSON.stringify(sample, null, 2) };
  if (type === 'object' || type === undefined) return { sample };
  return {};
}

/** Left to right, one column per step. */
const X = (step: number) => step * 320;

/** A new bot starts as "manual input → LLM chat → results inbox", ready to run. */
export function starterGraph(catalogue: Record<string, NodeTypeDef>): Graph {
  const taken = new Set<string>();
  const input = node('source.manual', X(0), catalogue, sampleParam(catalogue), taken);
  const chat = node(
    'llm.chat',
    X(1),
    catalogue,
    {
      purpose: 'draft',
      system: 'You are a concise, helpful assistant.',
      prompt: 'Write three short bullet points about {{ input.topic }}.',
    },
    taken,
  );
  const results = node(
    'output.results',
    X(2),
    catalogue,
    {
      title: 'Notes on {{ input.topic }}',
      content: `{{ nodes.${chat.id}.output.text }}`,
    },
    taken,
  );
  return { nodes: [input, chat, results], edges: [edge(input, chat, catalogue), edge(chat, results, catalogue)] };
}
