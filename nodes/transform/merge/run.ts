import { asList } from '../../shared/items';
import { toText } from '../../shared/text';
import type { NodeContext, NodeInputs } from '../../types';
import type { Params } from './definition';

function textOf(value: unknown): string {
  if (value !== null && typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string') {
    return (value as { text: string }).text;
  }
  return toText(value);
}

export async function run(params: Params, inputs: NodeInputs, _ctx: NodeContext): Promise<unknown> {
  switch (params.mode) {
    case 'append':
      return { items: inputs.all.filter((v) => v !== undefined).flatMap((v) => asList(v) ?? [v]) };
    case 'object':
      return { ...inputs.byNode };
    case 'concatText':
      return inputs.all.map(textOf).join(params.separator);
  }
}
