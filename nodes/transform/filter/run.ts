import { getAtPath } from '@bm/graph';
import { pathOf, resolveList } from '../../shared/items';
import type { NodeContext, NodeInputs } from '../../types';
import { compileJsonata, evaluateJsonata } from '../jsonata/evaluate';
import { compileRegex, matches } from './conditions';
import type { Params } from './definition';

export interface FilterOutput {
  items: unknown[];
}

export async function run(params: Params, inputs: NodeInputs, ctx: NodeContext): Promise<FilterOutput> {
  const list = resolveList(params.items, inputs);
  if (params.mode === 'jsonata') {
    const expr = compileJsonata(params.expression ?? 'true');
    const kept: unknown[] = [];
    for (const [index, item] of list.entries()) {
      if (await evaluateJsonata(expr, item, { index, input: ctx.input })) kept.push(item);
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
