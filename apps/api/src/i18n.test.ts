import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './testing/app';

// The API answers in the caller's language: the user's stored setting, else Accept-Language, else
// English. Codes never change; user content (bot names, prompts) is never translated.
describe('API in English and Korean', () => {
  let t: TestApp;
  let user: Awaited<ReturnType<TestApp['signup']>>;
  const HANGUL = /[가-힣]/;

  beforeAll(async () => {
    t = await startTestApp();
    user = await t.signup();
  });
  afterAll(async () => t?.close());

  const call = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    opts: { lang?: string; payload?: unknown; cookies?: Record<string, string> } = {},
  ) =>
    t.app.inject({
      method,
      url,
      cookies: opts.cookies ?? user.cookies,
      headers: opts.lang ? { 'accept-language': opts.lang } : {},
      ...(opts.payload !== undefined ? { payload: opts.payload as object } : {}),
    });

  it('answers 404 NOT_FOUND in each language with the same code', async () => {
    const en = await call('GET', '/api/bots/missing', { lang: 'en-US,en;q=0.9' });
    const ko = await call('GET', '/api/bots/missing', { lang: 'ko-KR,ko;q=0.9,en;q=0.8' });
    expect([en.statusCode, ko.statusCode]).toEqual([404, 404]);
    expect(en.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Bot was not found.' } });
    expect(ko.json()).toEqual({ error: { code: 'NOT_FOUND', message: '봇을 찾을 수 없어요.' } });
    // No header: English.
    expect((await call('GET', '/api/bots/missing')).json().error.message).toBe('Bot was not found.');
  });

  it('answers 422 INVALID_GRAPH in each language with the same code and details', async () => {
    const graph = { nodes: [{ id: 'n1', type: 'no.such.type', params: {}, position: { x: 0, y: 0 } }], edges: [] };
    const payload = { name: '내 봇', graph };
    const en = await call('POST', '/api/bots', { lang: 'en', payload });
    const ko = await call('POST', '/api/bots', { lang: 'ko', payload });
    expect([en.statusCode, ko.statusCode]).toEqual([422, 422]);
    expect(en.json().error.code).toBe('INVALID_GRAPH');
    expect(ko.json().error.code).toBe('INVALID_GRAPH');
    expect(en.json().error.message).toMatch(/^The graph has problems: /);
    expect(ko.json().error.message).toMatch(/^그래프에 문제가 있어요: /);
    expect(ko.json().error.details.map((d: { nodeId: string }) => d.nodeId)).toEqual(
      en.json().error.details.map((d: { nodeId: string }) => d.nodeId),
    );
  });

  it("answers 422 for a cycle with the same code and each issue in the caller's language, with its key and params", async () => {
    const template = (id: string, label: string) => ({
      id,
      type: 'transform.template',
      version: 1,
      label,
      params: { template: 'x' },
      position: { x: 0, y: 0 },
    });
    const graph = {
      nodes: [template('a', 'First'), template('b', '둘째')],
      edges: [
        { id: 'a-b', source: 'a', target: 'b' },
        { id: 'b-a', source: 'b', target: 'a' },
      ],
    };
    const en = await call('POST', '/api/bots', { lang: 'en', payload: { name: 'Loop', graph } });
    const ko = await call('POST', '/api/bots', { lang: 'ko-KR,ko;q=0.9', payload: { name: 'Loop', graph } });
    expect([en.statusCode, ko.statusCode]).toEqual([422, 422]);
    const [e, k] = [en.json().error, ko.json().error];
    expect([e.code, k.code]).toEqual(['INVALID_GRAPH', 'INVALID_GRAPH']);
    const cycle = '"First" (transform.template) → "둘째" (transform.template) → "First" (transform.template)';
    expect(e.details).toEqual([
      {
        nodeId: 'a',
        code: 'CYCLE',
        key: 'graph.CYCLE',
        params: { path: cycle },
        message: `These nodes form a cycle: ${cycle}. Remove one of these connections.`,
      },
    ]);
    expect(k.details).toEqual([{ ...e.details[0], message: `이 노드들이 순환을 이뤄요: ${cycle}. 이 연결 중 하나를 지워 주세요.` }]);
    expect(e.message).toBe(`The graph has problems: These nodes form a cycle: ${cycle}. Remove one of these connections.`);
    expect(k.message).toBe(`그래프에 문제가 있어요: 이 노드들이 순환을 이뤄요: ${cycle}. 이 연결 중 하나를 지워 주세요.`);
  });

  it('localizes validation messages by their contract hint, keeping the field path', async () => {
    const en = await call('POST', '/api/bots', { lang: 'en', payload: { name: '  ' } });
    const ko = await call('POST', '/api/bots', { lang: 'ko', payload: { name: '  ' } });
    expect(en.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'name: Name the bot.' });
    expect(ko.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'name: 봇 이름을 입력해 주세요.' });
  });

  it('answers 401 in the browser language before anyone is signed in', async () => {
    const ko = await call('GET', '/api/me', { lang: 'ko', cookies: {} });
    expect(ko.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '계속하려면 로그인해 주세요.' } });
  });

  it('stores the locale: PATCH /api/me round trip, and the stored setting wins over Accept-Language', async () => {
    expect((await call('GET', '/api/me')).json().user.locale).toBeNull();
    const set = await call('PATCH', '/api/me', { payload: { locale: 'ko' } });
    expect(set.statusCode).toBe(200);
    expect(set.json().user.locale).toBe('ko');
    expect((await call('GET', '/api/me')).json().user.locale).toBe('ko');
    const r = await call('GET', '/api/bots/missing', { lang: 'en-US' });
    expect(r.json().error).toEqual({ code: 'NOT_FOUND', message: '봇을 찾을 수 없어요.' });

    const bad = await call('PATCH', '/api/me', { payload: { locale: 'fr' } });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);

    // null: follow the browser again.
    expect((await call('PATCH', '/api/me', { payload: { locale: null } })).json().user.locale).toBeNull();
    expect((await call('GET', '/api/bots/missing', { lang: 'en-US' })).json().error.message).toBe('Bot was not found.');
  });

  it('signup stores the language of the browser it came from', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      headers: { 'accept-language': 'ko-KR,ko;q=0.9' },
      payload: { email: 'ko@example.com', password: 'long enough password', name: '민지' },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().user).toMatchObject({ name: '민지', locale: 'ko' });
    const cookies = { bm_session: r.cookies.find((c) => c.name === 'bm_session')!.value };
    expect((await call('GET', '/api/bots/missing', { cookies, lang: 'en' })).json().error.message).toMatch(HANGUL);
  });

  it("serves /api/node-types in the caller's language, with the same facts", async () => {
    const en = (await call('GET', '/api/node-types', { lang: 'en' })).json().nodeTypes;
    const ko = (await call('GET', '/api/node-types', { lang: 'ko-KR' })).json().nodeTypes;
    const chat = (list: { id: string; title: string; paramsSchema: { properties: { prompt: { description: string } } } }[]) =>
      list.find((d) => d.id === 'llm.chat')!;
    expect(chat(en).title).toBe('LLM chat');
    expect(chat(ko).title).toBe('LLM 채팅');
    expect(chat(ko).paramsSchema.properties.prompt.description).toMatch(HANGUL);
    expect(ko.every((d: { title: string }) => HANGUL.test(d.title))).toBe(true);
    expect(ko.map((d: { id: string; version: number }) => `${d.id}@${d.version}`)).toEqual(
      en.map((d: { id: string; version: number }) => `${d.id}@${d.version}`),
    );
  });

  it('keeps user content as written', async () => {
    const graph = {
      nodes: [{ id: 't', type: 'transform.template', params: { template: 'Summarise: {{ input }}' }, position: { x: 0, y: 0 } }],
      edges: [],
    };
    const r = await call('POST', '/api/bots', { lang: 'ko', payload: { name: 'My English bot', graph } });
    expect(r.statusCode).toBe(201);
    const bot = (await call('GET', `/api/bots/${r.json().id}`, { lang: 'ko' })).json();
    expect(bot.name).toBe('My English bot');
    expect(bot.graph.nodes[0].params.template).toBe('Summarise: {{ input }}');
  });
});
