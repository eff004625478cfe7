import { edge, node, type GalleryTemplate } from './types';

export const weeklyReport: GalleryTemplate = {
  key: 'weekly-report',
  name: 'Weekly report by email',
  description:
    "Once a week: items from two feeds (your team's blog, a release feed, a competitor) and a JSON endpoint with your numbers, written up by your model as a weekly report and emailed to a list.",
  category: 'reports',
  graph: {
    nodes: [
      node('input', 'source.manual', {}, 0, 1),
      node('feedA', 'source.rss', { url: '{{ input.feedUrlA }}', limit: 15 }, 1, 0, 'First feed'),
      node('feedB', 'source.rss', { url: '{{ input.feedUrlB }}', limit: 15 }, 1, 1, 'Second feed'),
      node('metrics', 'source.http', { url: '{{ input.metricsUrl }}', method: 'GET' }, 1, 2, 'Numbers'),
      node('all', 'transform.merge', { mode: 'object' }, 2, 1, 'Combine'),
      node(
        'report',
        'llm.chat',
        {
          purpose: 'report',
          system:
            'You write a weekly report for a team: a headline, what happened (bullets with links), the numbers with a short comment, and what to watch next week.',
          prompt: 'Week of {{ input.weekOf }}. Sources by node id:\n\n{{ nodes.all.output }}',
        },
        3,
        1,
        'Write the report',
      ),
      node(
        'mail',
        'output.email',
        { to: '{{ input.recipients }}', subject: 'Weekly report — {{ input.weekOf }}', body: '{{ nodes.report.output.text }}' },
        4,
        1,
        'Email it',
      ),
      node(
        'inbox',
        'output.results',
        { title: 'Weekly report {{ input.weekOf }}', content: '{{ nodes.report.output.text }}' },
        4,
        2,
        'Keep a copy',
      ),
    ],
    edges: [
      edge('input', 'feedA'),
      edge('input', 'feedB'),
      edge('input', 'metrics'),
      edge('feedA', 'all'),
      edge('feedB', 'all'),
      edge('metrics', 'all'),
      edge('all', 'report'),
      edge('report', 'mail'),
      edge('report', 'inbox'),
    ],
  },
  sampleInput: {
    feedUrlA: 'https://github.blog/feed/',
    feedUrlB: 'https://hnrss.org/frontpage',
    metricsUrl: 'https://api.github.com/repos/nodejs/node',
    weekOf: '2026-12-07',
    recipients: 'team@example.com',
  },
};
