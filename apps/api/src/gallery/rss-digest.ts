import { chain, edge, node, type GalleryTemplate } from './types';

export const rssDigest: GalleryTemplate = {
  key: 'rss-digest',
  name: 'RSS digest to the inbox and Slack',
  description:
    "Reads the newest items of a feed, has your model write a short digest with links, saves it to the bot's inbox and posts it to a Slack channel. Run it on a schedule.",
  category: 'digests',
  graph: {
    nodes: [
      node('input', 'source.manual', {}, 0),
      node('feed', 'source.rss', { url: '{{ input.feedUrl }}', limit: 10 }, 1, 0, 'Feed'),
      node(
        'digest',
        'llm.chat',
        {
          purpose: 'report',
          system: 'You write concise news digests. Plain text, one line per story, each ending with its link.',
          prompt:
            'Write a digest of these feed items (at most {{ input.maxStories }} stories, most important first):\n\n{{ nodes.feed.output.items }}',
        },
        2,
        0,
        'Write the digest',
      ),
      node(
        'inbox',
        'output.results',
        { title: 'Digest of {{ nodes.feed.output.feed.title }}', content: '{{ nodes.digest.output.text }}' },
        3,
        0,
        'Save to inbox',
      ),
      node(
        'slack',
        'output.slack',
        { webhookUrl: '{{ secrets.SLACK_WEBHOOK_URL }}', text: '{{ nodes.digest.output.text }}' },
        3,
        1,
        'Post to Slack',
      ),
    ],
    edges: [...chain('input', 'feed', 'digest', 'inbox'), edge('digest', 'slack')],
  },
  sampleInput: { feedUrl: 'https://hnrss.org/frontpage', maxStories: 5 },
};
