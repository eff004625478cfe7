import { chain, node, type GalleryTemplate } from './types';

export const feedTranslation: GalleryTemplate = {
  key: 'feed-translation',
  name: 'Translate a feed into another language',
  description:
    "Reads a feed's newest items and has your model translate each title and summary into the language you choose, keeping the links; the translated list goes to the inbox.",
  category: 'translation',
  graph: {
    nodes: [
      node('input', 'source.manual', {}, 0),
      node('feed', 'source.rss', { url: '{{ input.feedUrl }}', limit: 10 }, 1, 0, 'Feed'),
      node(
        'items',
        'transform.jsonata',
        { expression: 'items.{ "title": title, "summary": summary, "link": link }' },
        2,
        0,
        'Titles and summaries',
      ),
      node(
        'translate',
        'llm.chat',
        {
          purpose: 'draft',
          system:
            'You are a professional translator. Translate faithfully and naturally; keep names, numbers and links unchanged. Output one item per paragraph: the translated title, the translated summary, the link.',
          prompt: 'Translate into {{ input.language }}:\n\n{{ nodes.items.output }}',
        },
        3,
        0,
        'Translate',
      ),
      node(
        'inbox',
        'output.results',
        { title: '{{ nodes.feed.output.feed.title }} ({{ input.language }})', content: '{{ nodes.translate.output.text }}' },
        4,
        0,
        'Save to inbox',
      ),
    ],
    edges: chain('input', 'feed', 'items', 'translate', 'inbox'),
  },
  sampleInput: { feedUrl: 'https://hnrss.org/frontpage', language: 'Korean' },
};
