import { z } from 'zod';
import type { NodeDefinition } from '../../../types';
import { checkOverlap, splitShape, transformSplit } from '../definition';
import { run, type SplitOutput } from '../run';

/**
 * Version 2 of transform.split: ONE way to say what to split. v1 had `source` (an expression) and
 * `field` (a path inside it), two params for one choice; v2 has only `source`, where an expression
 * names the part directly ({{ nodes.http.output.body.results }}). A stored v1 graph that set
 * `field` would silently split something else under v2, so this is a new version: v1 nodes keep
 * running as v1, the editor adds new nodes as v2.
 */
const { field: _dropped, ...shape } = splitShape;
export const params = z.object(shape).superRefine(checkOverlap);
export type Params = z.output<typeof params>;

export const transformSplitV2: NodeDefinition<Params, SplitOutput> = {
  ...transformSplit,
  version: 2,
  docs: [
    'Output: `{ items }` — strings when splitting text, or the elements of the list.',
    '`source` picks what to split: empty takes the connected output (its text for an LLM answer, its items for a list); an expression picks any part, e.g. `{{ nodes.http.output.body.results }}`.',
    'Chunks mode cuts at the last paragraph break, line break, sentence end or space before chunkSize, so pieces stay readable (useful to feed long pages to an LLM piece by piece).',
    'chunkOverlap may be at most half of chunkSize. Chunks mode produces at most 100,000 chunks: a longer text fails with TOO_MANY_ITEMS unless you set a limit (then it stops after that many) or use a bigger chunkSize.',
  ].join('\n\n'),
  params,
  display: { ...transformSplit.display, summary: [{ format: 'By {mode|lines}', show: ['source'] }] },
  run,
};
