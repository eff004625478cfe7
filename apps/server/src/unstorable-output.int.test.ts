import { startHttpFixture, type HttpFixture } from '@bm/testing/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbTargets, startTestServer, type TestServer } from './testing/harness';

// A source that returns what the database cannot store (a NUL character, a lone surrogate, JSON
// nested a thousand levels deep — which would crash PGlite) does not fail after every retry: the
// output is stored cleaned, and the node run says so with a warning.
const deep = (n: number): string => (n === 0 ? '"leaf"' : `{"a":${deep(n - 1)}}`);

describe.each(dbTargets())('a source output the database cannot store, on %s', (target) => {
  let web: HttpFixture;
  let t: TestServer;
  let api: ReturnType<TestServer['api']>;

  beforeAll(async () => {
    web = await startHttpFixture({
      'GET /dirty.json': { body: `{"title":"a\\u0000b","broken":"x\\ud800y","deep":${deep(1000)}}`, contentType: 'application/json' },
    });
    t = await startTestServer({ target, env: { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: web.host } });
    api = t.api();
    await api.signup();
  });
  afterAll(async () => {
    await t?.close();
    await web?.close();
  });

  it('stores it cleaned, with a warning, and downstream nodes go on', async () => {
    const graph = {
      nodes: [
        { id: 'in', type: 'source.manual', params: {}, position: { x: 0, y: 0 } },
        { id: 'get', type: 'source.http', params: { url: `${web.url}/dirty.json` }, position: { x: 0, y: 0 } },
        {
          id: 'say',
          type: 'transform.template',
          params: { template: 'Title: {{ nodes.get.output.body.title }}' },
          position: { x: 0, y: 0 },
        },
      ],
      edges: [
        { id: 'e1', source: 'in', target: 'get' },
        { id: 'e2', source: 'get', target: 'say' },
      ],
    };
    const bot = await api.post('/api/bots', { name: 'Dirty', graph });
    const run = await api.waitForRun((await api.post(`/api/bots/${bot.body.id}/runs`, { input: {} })).body.runId);
    expect(run.status, JSON.stringify(run.nodes.map((n: { error: unknown }) => n.error))).toBe('succeeded');
    const get = run.nodes.find((n: { nodeId: string }) => n.nodeId === 'get');
    expect(get.attempts).toBe(1);
    expect(get.output.body.title).toBe('ab');
    expect(get.output.body.broken).toBe('x\uFFFDy');
    expect(get.warnings).toEqual([
      expect.objectContaining({ code: 'OUTPUT_SANITISED', message: expect.stringMatching(/NUL character.*nested more than 64 levels/s) }),
    ]);
    expect(run.nodes.find((n: { nodeId: string }) => n.nodeId === 'say').output).toBe('Title: ab');
    // The database is still fine afterwards (PGlite would have crashed on the deep document).
    expect((await api.get('/api/bots')).status).toBe(200);
  });
});
