import { getAtPath } from '@bm/graph';
import { pathOf, resolveList } from '../../shared/items';
import type { NodeContext, NodeInputs } from '../../types';
import { compileJsonata, evaluateJsonata, JSONATA_LIMITS } from '../jsonata/evaluate';
import { compileRegex, matches } from '../../shared/conditions';
import type { Params } from './definition';

/** Jsonata mode: the whole list gets JSONATA_LIMITS.timeoutMs (1 s) per item, for at most this many items (10 s). */
export const FILTER_JSONATA_BUDGET_ITEMS = 10;

export interface FilterOutput {
  items: unknown[];
}

export async function run(params: Params, inputs: NodeInputs, ctx: NodeContext): Promise<FilterOutput> {
  const list = resolveList(params.items, inputs);
  if (params.mode === 'jsonata') {
    const expr = compileJsonata(params.expression ?? 'true');
    // One time budget for the whole list (not JSONata's timeout per item, which 10,000 items would
    // multiply into hours): 1 s per item, for at most FILTER_JSONATA_BUDGET_ITEMS items.
    const budgetMs = JSONATA_LIMITS.timeoutMs * Math.min(Math.max(list.length, 1), FILTER_JSONATA_BUDGET_ITEMS);
    const budget = {
      deadline: Date.now() + budgetMs,
      what: `the filter's time budget of ${budgetMs} ms for the whole list (${list.length} items)`,
    };
    const kept: unknown[] = [];
    for (const [index, item] of list.entries()) {
      // Kept only for exactly `true`: [], {}, "false" or 1 are not a yes.
      if ((await evaluateJsonata(expr, item, { index, input: ctx.input }, budget)) === true) kept.push(item);
    }
    return { items: kept };
  }
  const path = pathOf(params.field, 'field');
  const regex = params.operator === 'regex' ? compileRegex(String(params.value ?? ''), params.caseSensitive) : undefined;
  const items = list.filter((item) =>
    matches(path.length ? getAtPath(item, path) : item, params.operator, params.value, { caseSensitive: params.caseSensitive, regex }),
  );
  return { items };
}
