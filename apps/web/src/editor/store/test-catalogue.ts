import type { NodeTypeDef } from '../../api/node-types';

/** A small catalogue shaped like GET /api/node-types, for store and conversion tests. */
export const testCatalogue: NodeTypeDef[] = [
  {
    id: 'source.manual', version: 1, category: 'source', title: 'Manual input', description: 'The run input',
    inputs: [], outputs: [{ name: 'out', type: 'any' }],
    paramsSchema: { type: 'object', properties: { sample: {} } },
  },
  {
    id: 'llm.chat', version: 2, category: 'llm', title: 'LLM chat', description: 'Ask a model',
    inputs: [{ name: 'in', type: 'any' }], outputs: [{ name: 'out', type: 'object' }],
    paramsSchema: {
      type: 'object',
      properties: { purpose: { type: 'string', enum: ['analyze', 'report', 'draft'] }, prompt: { type: 'string' }, temperature: { type: 'number', default: 0.2 } },
      required: ['purpose', 'prompt'],
    },
  },
  {
    id: 'transform.merge', version: 1, category: 'transform', title: 'Merge', description: 'Merge lists',
    inputs: [{ name: 'in', type: 'any', multiple: true }], outputs: [{ name: 'out', type: 'any' }],
    paramsSchema: { type: 'object', properties: {} },
  },
  {
    id: 'output.results', version: 1, category: 'output', title: 'Results inbox', description: 'Save a result',
    inputs: [{ name: 'in', type: 'any' }], outputs: [],
    paramsSchema: { type: 'object', properties: { title: { type: 'string' }, content: { type: 'string' } }, required: ['content'] },
  },
];
