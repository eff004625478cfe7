import { edge, node, type GalleryTemplate } from './types';

export const supportRouting: GalleryTemplate = {
  key: 'support-routing',
  name: 'Route support messages by topic',
  description:
    'Your model reads an incoming support message and names its topic; a Switch then sends billing questions to your billing team on Slack, bug reports to the inbox as bugs, and everything else to the inbox for a person to sort.',
  category: 'support',
  graph: {
    nodes: [
      node('input', 'source.manual', {}, 0, 1, 'Message'),
      node(
        'classify',
        'llm.chat',
        {
          purpose: 'analyze',
          json: true,
          system:
            'You sort support messages. Answer with JSON only: {"category": "billing" | "bug" | "other", "summary": one sentence in the language of the message}. billing: payments, invoices, refunds, plans. bug: something in the product does not work as it should.',
          prompt: 'From: {{ input.from }}\nSubject: {{ input.subject }}\n\n{{ input.message }}',
        },
        1,
        1,
        'Classify',
      ),
      node(
        'route',
        'flow.switch',
        {
          cases: [
            { name: 'billing', mode: 'condition', field: 'json.category', operator: 'equals', value: 'billing', caseSensitive: false },
            { name: 'bug', mode: 'condition', field: 'json.category', operator: 'equals', value: 'bug', caseSensitive: false },
          ],
        },
        2,
        1,
        'By topic',
      ),
      node(
        'billing',
        'output.slack',
        {
          webhookUrl: '{{ secrets.SLACK_WEBHOOK_URL }}',
          text: 'Billing question from {{ input.from }}: {{ input.subject }}\n{{ nodes.classify.output.json.summary }}',
        },
        3,
        0,
        'Billing team on Slack',
      ),
      node(
        'bugs',
        'output.results',
        {
          title: 'Bug: {{ input.subject }}',
          content: 'From {{ input.from }}\n\n{{ nodes.classify.output.json.summary }}\n\n{{ input.message }}',
        },
        3,
        1,
        'Bug reports',
      ),
      node(
        'other',
        'output.results',
        { title: 'To sort: {{ input.subject }}', content: 'From {{ input.from }}\n\n{{ input.message }}' },
        3,
        2,
        'Everything else',
      ),
    ],
    edges: [
      edge('input', 'classify'),
      edge('classify', 'route'),
      edge('route', 'billing', 'billing'),
      edge('route', 'bugs', 'bug'),
      edge('route', 'other', 'default'),
    ],
  },
  sampleInput: {
    from: 'sam@example.com',
    subject: 'Export button does nothing',
    message: 'Since yesterday the "Export to CSV" button on the reports page does nothing when I click it (Firefox 133).',
  },
};
