import { edge, node, type GalleryTemplate } from './types';

export const morningBriefing: GalleryTemplate = {
  key: 'morning-briefing',
  name: 'Morning briefing from several sources',
  description:
    'Every morning on a schedule: the newest items of a news feed, a page you follow and a JSON API (weather, metrics, a status endpoint) combined into one short briefing by your model, saved to the inbox and emailed to you.',
  category: 'briefings',
  graph: {
    nodes: [
      node('input', 'source.manual', {}, 0, 1),
      node('news', 'source.rss', { url: '{{ input.newsFeedUrl }}', limit: 8 }, 1, 0, 'News feed'),
      node('page', 'source.webpage', { url: '{{ input.pageUrl }}', maxChars: 8000 }, 1, 1, 'Page'),
      node('data', 'source.http', { url: '{{ input.dataUrl }}', method: 'GET' }, 1, 2, 'JSON API'),
      node('sources', 'transform.merge', { mode: 'object' }, 2, 1, 'Combine'),
      node(
        'briefing',
        'llm.chat',
        {
          purpose: 'report',
          system: 'You write a morning briefing: three short sections (News, Page, Numbers), plain text, no more than 200 words in all.',
          prompt: 'Sources, by node id (news: feed items, page: page text, data: the API response):\n\n{{ nodes.sources.output }}',
        },
        3,
        1,
        'Write the briefing',
      ),
      node('inbox', 'output.results', { title: 'Morning briefing', content: '{{ nodes.briefing.output.text }}' }, 4, 0, 'Save to inbox'),
      node(
        'mail',
        'output.email',
        { to: '{{ input.email }}', subject: 'Your morning briefing', body: '{{ nodes.briefing.output.text }}' },
        4,
        2,
        'Email it',
      ),
    ],
    edges: [
      edge('input', 'news'),
      edge('input', 'page'),
      edge('input', 'data'),
      edge('news', 'sources'),
      edge('page', 'sources'),
      edge('data', 'sources'),
      edge('sources', 'briefing'),
      edge('briefing', 'inbox'),
      edge('briefing', 'mail'),
    ],
  },
  sampleInput: {
    newsFeedUrl: 'https://hnrss.org/frontpage',
    pageUrl: 'https://example.com/',
    dataUrl: 'https://api.open-meteo.com/v1/forecast?latitude=52.52&longitude=13.41&current_weather=true',
    email: 'me@example.com',
  },
};
