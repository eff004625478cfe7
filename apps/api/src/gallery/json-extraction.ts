import { chain, node, type GalleryTemplate } from './types';

export const jsonExtraction: GalleryTemplate = {
  key: 'json-extraction',
  name: 'Structured JSON from a web page',
  description:
    'Reads a page (a product, a job ad, an event) and has your model return exactly the fields you list as JSON; the JSON is saved to the inbox, ready for a webhook or a spreadsheet import.',
  category: 'extraction',
  graph: {
    nodes: [
      node('input', 'source.manual', {}, 0),
      node('page', 'source.webpage', { url: '{{ input.url }}', maxChars: 30000 }, 1, 0, 'Read the page'),
      node(
        'extract',
        'llm.chat',
        {
          purpose: 'analyze',
          json: true,
          system:
            'You extract data from web pages. Answer with one JSON object and nothing else; use null for a field the page does not state.',
          prompt: 'Fields to extract: {{ input.fields }}\n\nPage "{{ nodes.page.output.title }}":\n{{ nodes.page.output.text }}',
        },
        2,
        0,
        'Extract fields',
      ),
      node('tidy', 'transform.jsonata', { expression: '{ "source": $input.url, "data": json }' }, 3, 0, 'Add the source'),
      node(
        'inbox',
        'output.results',
        { title: 'Extracted from {{ nodes.page.output.title }}', content: '{{ nodes.tidy.output }}' },
        4,
        0,
        'Save the JSON',
      ),
    ],
    edges: chain('input', 'page', 'extract', 'tidy', 'inbox'),
  },
  sampleInput: { url: 'https://example.com/', fields: 'title, price, currency, availability' },
};
