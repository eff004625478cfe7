import type { NodeTypeDescription as NodeTypeDef } from '@bm/contract';

type Essentials = Pick<NodeTypeDef, 'id' | 'version' | 'category' | 'title' | 'description' | 'inputs' | 'outputs' | 'paramsSchema'>;

/** A full GET /api/node-types entry from the parts a test cares about; the rest as a plain node type has them. */
export function nodeTypeDef(d: Essentials & Partial<NodeTypeDef>): NodeTypeDef {
  return {
    docs: '',
    ui: {},
    trigger: false,
    usesLlm: false,
    execution: { local: false, retry: { maxAttempts: 3, initialIntervalMs: 1000, backoffCoefficient: 2, maximumIntervalMs: 60000 }, timeoutMs: 300000 },
    secretParams: [],
    connectionParams: [],
    output: { description: '', schema: {} },
    display: { icon: d.category, synonyms: [] },
    ...d,
  };
}

/** A small catalogue shaped like GET /api/node-types, for store and conversion tests. */
export const testCatalogue: NodeTypeDef[] = [
  nodeTypeDef({
    id: 'source.manual', version: 1, category: 'source', title: 'Manual input', description: 'The run input',
    inputs: [], outputs: [{ name: 'out', type: 'any' }],
    paramsSchema: { type: 'object', properties: { sample: {} } },
  }),
  nodeTypeDef({
    id: 'llm.chat', version: 2, category: 'llm', title: 'LLM chat', description: 'Ask a model',
    inputs: [{ name: 'in', type: 'any' }], outputs: [{ name: 'out', type: 'json' }],
    paramsSchema: {
      type: 'object',
      properties: { purpose: { type: 'string', enum: ['analyze', 'report', 'draft'] }, prompt: { type: 'string' }, temperature: { type: 'number', default: 0.2 } },
      required: ['purpose', 'prompt'],
    },
  }),
  nodeTypeDef({
    id: 'transform.merge', version: 1, category: 'transform', title: 'Merge', description: 'Merge lists',
    inputs: [{ name: 'in', type: 'any', multiple: true }], outputs: [{ name: 'out', type: 'any' }],
    paramsSchema: { type: 'object', properties: {} },
  }),
  nodeTypeDef({
    id: 'output.results', version: 1, category: 'output', title: 'Results inbox', description: 'Save a result',
    inputs: [{ name: 'in', type: 'any' }], outputs: [],
    paramsSchema: { type: 'object', properties: { title: { type: 'string' }, content: { type: 'string' } }, required: ['content'] },
  }),
];
