import { chain, node, type GalleryTemplate } from './types';

export const webhookReply: GalleryTemplate = {
  key: 'webhook-reply',
  name: 'Draft a reply to an incoming message',
  description:
    "Takes a message posted to the bot's webhook (a contact form, a chat or a ticket system) and drafts a friendly reply in the sender's language, saved to the inbox for a person to check and send.",
  category: 'writing',
  graph: {
    nodes: [
      node('input', 'source.manual', {}, 0, 0, 'Webhook payload'),
      node(
        'draft',
        'llm.chat',
        {
          purpose: 'draft',
          system:
            'You draft replies for {{ input.company }}. Be warm, specific and brief; answer in the language of the message; never promise refunds or dates. End with a signature line "— {{ input.company }} team".',
          prompt: 'From: {{ input.from }}\nSubject: {{ input.subject }}\n\n{{ input.message }}\n\nDraft the reply.',
        },
        1,
        0,
        'Draft the reply',
      ),
      node(
        'inbox',
        'output.results',
        { title: 'Reply to {{ input.from }}: {{ input.subject }}', content: '{{ nodes.draft.output.text }}' },
        2,
        0,
        'Save the draft',
      ),
    ],
    edges: chain('input', 'draft', 'inbox'),
  },
  sampleInput: {
    company: 'Acme',
    from: 'jamie@example.com',
    subject: 'Order arrived damaged',
    message: 'Hi, my order #1042 arrived with a cracked lid. Can you help?',
  },
};
