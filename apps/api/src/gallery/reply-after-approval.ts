import { edge, node, type GalleryTemplate } from './types';

export const replyAfterApproval: GalleryTemplate = {
  key: 'reply-after-approval',
  name: 'Send a drafted reply after approval',
  description:
    'Your model drafts a reply to an incoming message; the run then waits until a person approves it (and may edit it first) in the results inbox. Approved replies are sent by email; rejected ones, and those left for three days, are noted in the inbox.',
  category: 'writing',
  graph: {
    nodes: [
      node('input', 'source.manual', {}, 0, 1, 'Message'),
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
        1,
        'Draft the reply',
      ),
      node(
        'approval',
        'flow.approval',
        {
          message: 'Send this reply to {{ input.from }} ("{{ input.subject }}")? Edit it before approving if needed.',
          payload: '{{ nodes.draft.output.text }}',
          timeout: '3d',
        },
        2,
        1,
        'Approve the reply',
      ),
      node(
        'send',
        'output.email',
        { to: '{{ input.from }}', subject: 'Re: {{ input.subject }}', body: '{{ nodes.approval.output }}' },
        3,
        0,
        'Send it',
      ),
      node(
        'sent',
        'output.results',
        { title: 'Sent to {{ input.from }}: {{ input.subject }}', content: '{{ nodes.approval.output }}' },
        4,
        0,
        'Note what was sent',
      ),
      node(
        'rejected',
        'output.results',
        { title: 'Rejected: reply to {{ input.from }}', content: '{{ nodes.draft.output.text }}' },
        3,
        1,
        'Note the rejection',
      ),
      node(
        'expired',
        'output.results',
        { title: 'No decision in 3 days: reply to {{ input.from }}', content: '{{ nodes.draft.output.text }}' },
        3,
        2,
        'Note the timeout',
      ),
    ],
    edges: [
      edge('input', 'draft'),
      edge('draft', 'approval'),
      edge('approval', 'send', 'approved'),
      edge('send', 'sent'),
      edge('approval', 'rejected', 'rejected'),
      edge('approval', 'expired', 'timeout'),
    ],
  },
  sampleInput: {
    company: 'Acme',
    from: 'jamie@example.com',
    subject: 'Order arrived damaged',
    message: 'Hi, my order #1042 arrived with a cracked lid. Can you help?',
  },
};
