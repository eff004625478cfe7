import type { NodeTypeDescription as NodeTypeDef } from '@bm/contract';

type Essentials = Pick<NodeTypeDef, 'id' | 'category' | 'title' | 'paramsSchema'> & Partial<NodeTypeDef>;

/** A catalogue entry shaped like GET /api/node-types, with neutral facts where a test does not care. */
export function testNodeType(d: Essentials): NodeTypeDef {
  return {
    version: 1,
    description: d.title,
    docs: '',
    inputs: [{ name: 'in', type: 'any' }],
    outputs: [{ name: 'out', type: 'any' }],
    ui: {},
    trigger: false,
    usesLlm: (d.connectionParams?.length ?? 0) > 0,
    execution: {
      local: false,
      retry: { maxAttempts: 3, initialIntervalMs: 1000, backoffCoefficient: 2, maximumIntervalMs: 60_000 },
      timeoutMs: 300_000,
    },
    secretParams: [],
    connectionParams: [],
    output: { description: 'The output.', schema: {} },
    display: { icon: 'box', synonyms: [] },
    ...d,
  };
}

/** A small catalogue shaped like GET /api/node-types, for store and conversion tests. */
export const testCatalogue: NodeTypeDef[] = [
  testNodeType({
    id: 'source.manual',
    category: 'source',
    title: 'Manual input',
    description: 'The run input',
    inputs: [],
    outputs: [{ name: 'out', type: 'any' }],
    trigger: true,
    paramsSchema: { type: 'object', properties: { sample: {} } },
    display: { icon: 'play', synonyms: [], summary: [{ format: 'Sample: {sample}' }] },
  }),
  testNodeType({
    id: 'llm.chat',
    version: 2,
    category: 'llm',
    title: 'LLM chat',
    description: 'Ask a model',
    inputs: [{ name: 'in', type: 'any' }],
    outputs: [{ name: 'out', type: 'json' }],
    paramsSchema: {
      type: 'object',
      properties: {
        purpose: { type: 'string', enum: ['analyze', 'report', 'draft'] },
        prompt: { type: 'string' },
        temperature: { type: 'number', default: 0.2 },
      },
      required: ['purpose', 'prompt'],
    },
    connectionParams: ['llmConnectionId'],
    output: { description: 'The answer.', schema: { type: 'object' }, primaryPath: 'output.text', primaryLabel: 'answer' },
    display: { icon: 'bot', synonyms: [], summary: [{ format: '{purpose|analyze} · {model|default model}', show: ['prompt'] }] },
  }),
  testNodeType({
    id: 'transform.merge',
    category: 'transform',
    title: 'Merge',
    description: 'Merge lists',
    inputs: [{ name: 'in', type: 'any', multiple: true }],
    outputs: [{ name: 'out', type: 'any' }],
    paramsSchema: { type: 'object', properties: {} },
  }),
  testNodeType({
    id: 'output.results',
    category: 'output',
    title: 'Results inbox',
    description: 'Save a result',
    inputs: [{ name: 'in', type: 'any' }],
    outputs: [],
    paramsSchema: { type: 'object', properties: { title: { type: 'string' }, content: { type: 'string' } }, required: ['content'] },
  }),
];
