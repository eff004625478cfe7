import { z } from 'zod';
import { maxBytesParam, timeoutParam, urlParam } from '../../shared/params';
import { NODE_TIMEOUT_MS, STANDARD_RETRY } from '../../shared/execution';
import type { NodeDefinition } from '../../types';
import { run, type WebpageOutput } from './run';

export const params = z.object({
  url: urlParam('The page to read.'),
  maxChars: z.number().int().min(100).max(1_000_000).default(100_000).describe('Cut the extracted text after this many characters.'),
  timeoutMs: timeoutParam(15_000),
  maxBytes: maxBytesParam(5 * 1024 * 1024),
});
export type Params = z.output<typeof params>;

export const sourceWebpage: NodeDefinition<Params, WebpageOutput> = {
  id: 'source.webpage',
  version: 1,
  category: 'source',
  title: 'Web page',
  description: "Fetches a page and extracts its readable text (like a browser's reader view).",
  docs: [
    'Output: `{ url, title, byline, excerpt, text, length }` — `url` after redirects, `text` with paragraphs separated by blank lines, `length` its length in characters.',
    'Uses Mozilla Readability. Scripts on the page never run and nothing else (images, styles) is downloaded. Pages without an article fall back to the whole page text.',
  ].join('\n\n'),
  inputs: [{ name: 'in', type: 'any', multiple: true, label: 'After' }],
  outputs: [{ name: 'out', type: 'json', label: 'Page' }],
  params,
  execution: { local: false, retry: STANDARD_RETRY, timeoutMs: NODE_TIMEOUT_MS },
  secretParams: [],
  connectionParams: [],
  output: {
    description: "The page's readable text with its title, byline and excerpt.",
    schema: z.object({
      url: z.string().describe('The page address after redirects.'),
      title: z.string(),
      byline: z.string().nullable(),
      excerpt: z.string().nullable(),
      text: z.string().describe('The readable text, paragraphs separated by blank lines.'),
      length: z.number().int().describe('The length of text, in characters.'),
    }),
    primaryPath: 'output.text',
    primaryLabel: 'text',
  },
  display: {
    icon: 'file-text',
    synonyms: ['web', 'page', 'website', 'scrape', 'crawl', 'article', 'read', 'html', 'url', 'reader'],
    summary: [{ show: ['url'] }],
  },
  run,
};
