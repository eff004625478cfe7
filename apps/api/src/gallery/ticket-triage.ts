import { chain, node, type GalleryTemplate } from './types';

export const ticketTriage: GalleryTemplate = {
  key: 'ticket-triage',
  name: 'Support ticket triage',
  description:
    'Sorts an incoming support ticket into one of your categories with a priority and a one-line summary (JSON), so it lands with the right team; send tickets to the webhook from your help desk.',
  category: 'support',
  graph: {
    nodes: [
      node('input', 'source.manual', {}, 0, 0, 'Ticket'),
      node(
        'classify',
        'llm.chat',
        {
          purpose: 'analyze',
          json: true,
          system:
            'You triage support tickets. Answer with JSON only: {"category": one of the given categories, "priority": "low"|"normal"|"high"|"urgent", "summary": one sentence, "needsHuman": true|false}.',
          prompt: 'Categories: {{ input.categories }}\n\nSubject: {{ input.subject }}\n\n{{ input.body }}',
        },
        1,
        0,
        'Classify',
      ),
      node(
        'triage',
        'transform.jsonata',
        {
          expression:
            '{ "subject": $input.subject, "category": json.category, "priority": json.priority, "summary": json.summary, "answer": text }',
        },
        2,
        0,
        'Triage record',
      ),
      node(
        'inbox',
        'output.results',
        { title: 'Ticket: {{ input.subject }}', content: '{{ nodes.triage.output }}' },
        3,
        0,
        'Save to inbox',
      ),
    ],
    edges: chain('input', 'classify', 'triage', 'inbox'),
  },
  sampleInput: {
    categories: 'billing, bug, feature request, account access, other',
    subject: 'Charged twice this month',
    body: 'Hello, I see two charges of 29 EUR on my card for December. Please refund one.',
  },
};
