import { toText } from '../../shared/text';
import type { NodeContext, NodeInputs } from '../../types';
import type { Params } from './definition';

export interface ResultsOutput {
  resultId: string;
}

export async function run(params: Params, _inputs: NodeInputs, ctx: NodeContext): Promise<ResultsOutput> {
  // A value param: a single {{ expression }} may have produced an object or a number.
  const content: unknown = params.content;
  const title = params.title?.trim() || undefined;
  const structured = content !== null && typeof content === 'object';
  const saved = await ctx.results.save({
    ...(title ? { title } : {}),
    content: toText(content),
    ...(structured ? { data: content } : {}),
  });
  return { resultId: saved.id };
}
