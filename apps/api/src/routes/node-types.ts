import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contract, type NodeTypeDescription } from '@bm/contract';
import { describeNodeTypes } from '@bm/nodes';
import { DEFAULT_LLM_RETRY, DEFAULT_NODE_TIMEOUT_MS, DEFAULT_RETRY } from '@bm/temporal';
import type { AppDeps } from '../deps';
import { fromContract } from '../lib/contract-route';

/**
 * TRANSITIONAL (issue #7): until nodes/registry's describeNodeTypes() returns the contract's
 * NodeTypeDescription (node-definitions branch), the fields it does not describe yet are filled
 * here: the execution defaults from temporal/shared, the rest empty. At merge this function goes
 * and the catalogue line below becomes `describeNodeTypes()`.
 */
function transitional(d: ReturnType<typeof describeNodeTypes>[number]): NodeTypeDescription {
  const r = d.id.startsWith('llm.') ? DEFAULT_LLM_RETRY : DEFAULT_RETRY;
  return {
    ...d,
    execution: {
      local: false,
      retry: { maxAttempts: r.maximumAttempts, initialIntervalMs: r.initialIntervalMs, backoffCoefficient: r.backoffCoefficient, maximumIntervalMs: r.maximumIntervalMs },
      timeoutMs: DEFAULT_NODE_TIMEOUT_MS,
    },
    secretParams: [],
    connectionParams: [],
    output: { description: '', schema: {} },
    display: { icon: d.category, synonyms: [] },
  } as NodeTypeDescription;
}

/** The catalogue the editor builds its palette, forms and help from. */
export const nodeTypeRoutes = (_deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const nodeTypes = describeNodeTypes().map(transitional);
  app.route({ ...fromContract(contract.nodeTypes.list), handler: async () => ({ nodeTypes }) });
};
