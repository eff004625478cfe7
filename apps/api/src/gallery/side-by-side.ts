import { edge, node, type GalleryTemplate } from './types';

export const sideBySide: GalleryTemplate = {
  key: 'side-by-side',
  name: 'Same question to two providers',
  description:
    'Sends one question to two LLM connections (two providers, or two models) at the same time and saves both answers side by side, with the tokens each took — a quick way to compare quality and cost.',
  category: 'comparison',
  graph: {
    nodes: [
      node('input', 'source.manual', {}, 0, 1),
      node('first', 'llm.chat', { purpose: 'analyze', prompt: '{{ input.question }}' }, 1, 0, 'First provider'),
      node('second', 'llm.chat', { purpose: 'analyze', prompt: '{{ input.question }}' }, 1, 2, 'Second provider'),
      node(
        'table',
        'transform.template',
        {
          template:
            'Question: {{ input.question }}\n\n## {{ nodes.first.output.model }} ({{ nodes.first.output.usage.outputTokens }} tokens)\n{{ nodes.first.output.text }}\n\n## {{ nodes.second.output.model }} ({{ nodes.second.output.usage.outputTokens }} tokens)\n{{ nodes.second.output.text }}',
        },
        2,
        1,
        'Side by side',
      ),
      node(
        'inbox',
        'output.results',
        { title: 'Comparison: {{ input.question }}', content: '{{ nodes.table.output }}' },
        3,
        1,
        'Save to inbox',
      ),
    ],
    edges: [edge('input', 'first'), edge('input', 'second'), edge('first', 'table'), edge('second', 'table'), edge('table', 'inbox')],
  },
  slots: [
    { key: 'first', label: 'First provider', provider: 'any', purpose: 'analyze', nodes: ['first'], botDefault: false },
    { key: 'second', label: 'Second provider', provider: 'any', purpose: 'analyze', nodes: ['second'], botDefault: false },
  ],
  sampleInput: { question: 'Explain the difference between a process and a thread in three sentences.' },
};
