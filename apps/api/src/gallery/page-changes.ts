import { chain, node, type GalleryTemplate } from './types';

export const pageChanges: GalleryTemplate = {
  key: 'page-changes',
  name: 'Web page change summary',
  description:
    'Reads a web page and has your model say what changed compared with the text you give it (the previous check), or summarise the page on the first check. The answer and the current text go to the inbox; schedule it to watch a pricing, status or policy page.',
  category: 'monitoring',
  graph: {
    nodes: [
      node('input', 'source.manual', {}, 0),
      node('page', 'source.webpage', { url: '{{ input.url }}', maxChars: 20000 }, 1, 0, 'Read the page'),
      node(
        'changes',
        'llm.chat',
        {
          purpose: 'analyze',
          system:
            'You compare two versions of a web page and list the changes that matter to a reader: prices, dates, terms, new or removed sections. Ignore layout and navigation.',
          prompt:
            'Previous version (empty on the first check):\n{{ input.previousText }}\n\nCurrent version of {{ nodes.page.output.title }}:\n{{ nodes.page.output.text }}\n\nList what changed, or say "No changes". On the first check, summarise the page in five bullet points.',
        },
        2,
        0,
        'What changed',
      ),
      node(
        'inbox',
        'output.results',
        {
          title: 'Changes on {{ nodes.page.output.title }}',
          content: '{{ nodes.changes.output.text }}\n\n---\nCurrent text:\n{{ nodes.page.output.text }}',
        },
        3,
        0,
        'Save to inbox',
      ),
    ],
    edges: chain('input', 'page', 'changes', 'inbox'),
  },
  sampleInput: { url: 'https://example.com/', previousText: '' },
};
