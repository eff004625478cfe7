import { chain, node, type GalleryTemplate } from './types';

export const moderation: GalleryTemplate = {
  key: 'moderation',
  name: 'Content moderation check',
  description:
    'Checks a comment, post or profile text against your community rules and answers as JSON whether to allow it, which rules it breaks and why — call it from your app through the webhook before publishing.',
  category: 'moderation',
  graph: {
    nodes: [
      node('input', 'source.manual', {}, 0, 0, 'Text to check'),
      node(
        'check',
        'llm.chat',
        {
          purpose: 'analyze',
          json: true,
          temperature: 0,
          system:
            'You are a content moderator. Apply only the rules given. Answer with JSON only: {"allowed": true|false, "rulesBroken": [rule numbers], "reason": one sentence, "confidence": 0..1}.',
          prompt: 'Rules:\n{{ input.rules }}\n\nText:\n"""{{ input.text }}"""',
        },
        1,
        0,
        'Check the rules',
      ),
      node(
        'verdict',
        'transform.jsonata',
        { expression: '{ "allowed": json.allowed, "rulesBroken": json.rulesBroken, "reason": json.reason, "text": $input.text }' },
        2,
        0,
        'Verdict',
      ),
      node('inbox', 'output.results', { title: 'Moderation check', content: '{{ nodes.verdict.output }}' }, 3, 0, 'Log the verdict'),
    ],
    edges: chain('input', 'check', 'verdict', 'inbox'),
  },
  sampleInput: {
    rules: '1. No insults or harassment.\n2. No spam or advertising.\n3. No personal data of others.',
    text: 'Great write-up, thanks! Buy cheap watches at example.shop!!!',
  },
};
