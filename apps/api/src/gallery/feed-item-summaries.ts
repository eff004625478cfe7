import { chain, node, type GalleryTemplate } from './types';

export const feedItemSummaries: GalleryTemplate = {
  key: 'feed-item-summaries',
  name: 'Summarise each feed item',
  description:
    "Reads a feed's newest items and has your model summarise each one on its own, four at a time (an item that fails is noted, not fatal); the summaries, with their links, go to the inbox as one digest.",
  category: 'digests',
  graph: {
    nodes: [
      node('input', 'source.manual', {}, 0),
      node('feed', 'source.rss', { url: '{{ input.feedUrl }}', limit: 10 }, 1, 0, 'Feed'),
      node('each', 'flow.loop', { items: 'items', concurrency: 4, onItemError: 'collect' }, 2, 0, 'Each item'),
      node(
        'summarise',
        'llm.chat',
        {
          purpose: 'report',
          system: 'You summarise news items in one or two plain sentences, in {{ input.language }}. No preamble.',
          prompt: 'Title: {{ nodes.each.output.title }}\nLink: {{ nodes.each.output.link }}\n\n{{ nodes.each.output.summary }}',
        },
        3,
        0,
        'Summarise the item',
      ),
      node(
        'line',
        'transform.template',
        { template: '• {{ nodes.each.output.title }}: {{ nodes.summarise.output.text }} ({{ nodes.each.output.link }})' },
        4,
        0,
        'One line',
      ),
      node('collect', 'flow.collect', {}, 5, 0, 'All summaries'),
      node(
        'digest',
        'transform.jsonata',
        {
          // An empty list is falsy in JSONata: an empty feed gives a line saying so, not an empty result.
          expression:
            'items ? $join(items.($type($) = "string" ? $ : "• (this item could not be summarised: " & error.message & ")"), "\\n") : "The feed has no items."',
        },
        6,
        0,
        'Digest',
      ),
      node(
        'inbox',
        'output.results',
        { title: 'Summaries of {{ nodes.feed.output.feed.title }}', content: '{{ nodes.digest.output }}' },
        7,
        0,
        'Save to inbox',
      ),
    ],
    edges: chain('input', 'feed', 'each', 'summarise', 'line', 'collect', 'digest', 'inbox'),
  },
  sampleInput: { feedUrl: 'https://hnrss.org/frontpage', language: 'English' },
};
