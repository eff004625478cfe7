import { z } from 'zod';
import { NODE_TIMEOUT_MS, STANDARD_RETRY } from '../../shared/execution';
import type { NodeDefinition } from '../../types';
import { run, type SplitOutput } from './run';

/** The params of every version; v2 (./v2) drops `field`. */
export const splitShape = {
  source: z
    .string()
    .optional()
    .describe(
      'What to split: an expression such as {{ nodes.llm.output.text }}. Empty: the connected output (its text for an LLM answer, its items for a list).',
    ),
  field: z.string().default('').describe('When the value is an object: the path of the text or list to split (e.g. body.results).'),
  mode: z
    .enum(['lines', 'paragraphs', 'delimiter', 'chunks'])
    .default('lines')
    .describe(
      'How to split text: by line, by blank line, by a delimiter, or into chunks of at most chunkSize characters. A list is used as it is.',
    ),
  delimiter: z.string().min(1).default(',').describe('Delimiter mode: the separator text.'),
  chunkSize: z.number().int().min(10).max(1_000_000).default(2000).describe('Chunks mode: the largest chunk, in characters.'),
  chunkOverlap: z
    .number()
    .int()
    .min(0)
    .max(100_000)
    .default(0)
    .describe('Chunks mode: characters repeated at the start of the next chunk (at most half of chunkSize).'),
  trim: z.boolean().default(true).describe('Trim spaces around each piece.'),
  skipEmpty: z.boolean().default(true).describe('Leave out empty pieces.'),
  limit: z.number().int().min(1).max(100_000).optional().describe('Keep at most this many items.'),
};

export function checkOverlap(p: { chunkSize: number; chunkOverlap: number }, ctx: z.RefinementCtx) {
  if (p.chunkOverlap > p.chunkSize / 2) {
    ctx.addIssue({
      code: 'custom',
      path: ['chunkOverlap'],
      message: `must be at most half of chunkSize (${Math.floor(p.chunkSize / 2)} for chunkSize ${p.chunkSize})`,
    });
  }
}

export const params = z.object(splitShape).superRefine(checkOverlap);
export type Params = z.output<typeof params>;

export const transformSplit: NodeDefinition<Params, SplitOutput> = {
  id: 'transform.split',
  version: 1,
  category: 'transform',
  title: 'Split',
  description: 'Turns a text into a list of pieces (lines, paragraphs, chunks), or picks a list out of an object.',
  docs: [
    'Output: `{ items }` — strings when splitting text, or the elements of the list.',
    'Chunks mode cuts at the last paragraph break, line break, sentence end or space before chunkSize, so pieces stay readable (useful to feed long pages to an LLM piece by piece).',
    'chunkOverlap may be at most half of chunkSize. Chunks mode produces at most 100,000 chunks: a longer text fails with TOO_MANY_ITEMS unless you set a limit (then it stops after that many) or use a bigger chunkSize.',
  ].join('\n\n'),
  inputs: [{ name: 'in', type: 'any' }],
  outputs: [{ name: 'out', type: 'items', label: 'Items' }],
  params,
  valueParams: ['source'],
  execution: { local: true, retry: STANDARD_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: [],
  connectionParams: [],
  output: {
    description: 'The pieces of the text, or the elements of the list.',
    schema: z.object({ items: z.array(z.unknown()).describe('The pieces (strings), or the elements of the list.') }),
    primaryPath: 'output.items',
    primaryLabel: 'items',
  },
  display: {
    icon: 'scissors',
    synonyms: ['split', 'chunk', 'lines', 'paragraphs', 'explode', 'list', 'loop', 'each'],
    summary: [{ format: 'By {mode|lines}', show: ['source', 'field'] }],
  },
  run,
};
