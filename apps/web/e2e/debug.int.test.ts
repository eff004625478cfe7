import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startAppWithFakeAndBrowser } from './app-under-test';
import { callApi, shotInBothSchemes, type ApiMethod } from './browser';

// The build-and-debug loop in Chromium against the real embedded server: pin an LLM node's output,
// run from the node after it — the fake provider is asked nothing for the pinned node — and watch a
// slow LLM node write its answer into the node panel before it finishes (the run's SSE stream).

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shotsDir = path.join(webRoot, 'e2e/screenshots');
const SLOW = Array.from({ length: 12 }, (_, i) => `Sentence ${i + 1} of a slowly streamed answer.`).join(' ');

describe('pinned data, run from a node and streamed LLM text in Chromium', () => {
  let suite: Awaited<ReturnType<typeof startAppWithFakeAndBrowser>>;
  let fake: typeof suite.fake;
  let server: typeof suite.server;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    suite = await startAppWithFakeAndBrowser({ name: 'debug', key: 'sk-debug-e2e-1234', consoleErrors });
    ({ fake, server, page } = suite);
    mkdirSync(shotsDir, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await suite?.close();
  });

  let zoomed = false;
  const shot = async (name: string) => {
    // Closer than the fitted view, so the node markers read at 1280×800.
    const zoomIn = page.locator('.react-flow__controls-zoomin');
    if (!zoomed && (await zoomIn.count())) for (let i = 0; i < 2; i++) await zoomIn.click();
    zoomed = true;
    await shotInBothSchemes(page, (scheme) => path.join(shotsDir, `${name}-${scheme}.png`));
  };
  const api = (method: ApiMethod, p: string, data?: unknown) => callApi(page, server.url, method, p, data);
  const prompts = () =>
    fake.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => (r.body as any).messages.at(-1).content as string);
  const node = (id: string) => page.locator(`.bot-node[data-node-id="${id}"]`);
  const shownRun = () => new URL(page.url()).searchParams.get('run');
  /** Waits until the editor follows a run other than `previous`; returns its id. */
  const nextRun = async (previous: string | null) => {
    await expect.poll(shownRun, { timeout: 15_000 }).not.toBe(previous);
    return shownRun()!;
  };

  it('pins a node, runs from a downstream node with no call for the pinned one, and streams an LLM node’s text', async () => {
    onTestFailed(() => page.screenshot({ path: path.join(shotsDir, 'debug-failed.png') }).then(() => undefined));
    expect(
      (await api('POST', '/api/auth/signup', { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' })).status,
    ).toBe(201);
    const conn = await api('POST', '/api/llm-connections', {
      provider: 'openai',
      name: 'Fake OpenAI',
      apiKey: 'sk-debug-e2e-1234',
      baseUrl: fake.url,
      modelDefault: 'gpt-4o-mini',
    });
    expect(conn.status).toBe(201);
    const llm = (prompt: string) => ({ purpose: 'draft', prompt, llmConnectionId: conn.body.id });
    const bot = await api('POST', '/api/bots', {
      name: 'Draft and polish',
      graph: {
        nodes: [
          { id: 'in', type: 'source.manual', params: { sample: '{"topic":"tea"}' }, position: { x: 0, y: 80 } },
          { id: 'draft', type: 'llm.chat', label: 'Draft', params: llm('Draft about {{ input.topic }}'), position: { x: 300, y: 80 } },
          {
            id: 'polish',
            type: 'llm.chat',
            label: 'Polish',
            params: llm('Polish: {{ nodes.draft.output.text }}'),
            position: { x: 600, y: 80 },
          },
          { id: 'out', type: 'output.results', params: { content: '{{ nodes.polish.output.text }}' }, position: { x: 900, y: 80 } },
        ],
        edges: [
          { id: 'e1', source: 'in', target: 'draft' },
          { id: 'e2', source: 'draft', target: 'polish' },
          { id: 'e3', source: 'polish', target: 'out' },
        ],
      },
    });
    expect(bot.status).toBe(201);
    const botId = bot.body.id as string;
    fake.enqueue({ reply: 'A first draft about tea.' });
    const first = await api('POST', `/api/bots/${botId}/runs`, { input: { topic: 'tea' }, wait: 30 });
    expect(first.body.status).toBe('succeeded');

    // Open the run in the editor, select the draft node and pin its output.
    await page.goto(`${server.url}/bots/${botId}?run=${first.body.id}`);
    await node('draft').click();
    const inspector = page.getByTestId('node-inspector');
    await inspector.getByTestId('debug-section').waitFor();
    await inspector.getByRole('button', { name: 'Pin this output' }).click();
    await node('draft').getByTestId('pinned-badge').waitFor();
    await inspector.getByText('Editor runs use this output instead of running the node.', { exact: false }).waitFor();
    expect((await api('GET', `/api/bots/${botId}`)).body.graph.nodes[1].pinnedOutput.text).toBe('A first draft about tea.');

    // Run from the polish node: the draft is not run (pinned), the polish node reads the pin.
    fake.reset();
    await node('polish').click();
    await inspector.getByRole('button', { name: 'Run from here' }).click();
    const fromHere = await nextRun(first.body.id);
    await expect.poll(async () => (await api('GET', `/api/runs/${fromHere}`)).body.status, { timeout: 30_000 }).toBe('succeeded');
    await expect.poll(() => node('out').getAttribute('data-status'), { timeout: 30_000 }).toBe('succeeded');
    expect(prompts()).toEqual(['Polish: A first draft about tea.']);
    expect(await node('draft').getAttribute('data-status')).toBe('succeeded');
    await node('draft').click();
    await expect.poll(() => inspector.getByTestId('reused-from').getAttribute('data-from')).toBe('pinned');
    await shot('debug-pinned-canvas');

    // A slow LLM node: its text appears in the node panel while it is still running.
    fake.reset();
    fake.enqueue({ reply: SLOW, chunkDelayMs: 150 });
    await node('polish').click();
    await inspector.getByRole('button', { name: 'Run this node' }).click();
    await nextRun(fromHere);
    const streamed = inspector.getByTestId('streamed-text');
    await expect
      .poll(async () => (await streamed.count()) > 0 && (await streamed.textContent())!.includes('Sentence 2'), { timeout: 30_000 })
      .toBe(true);
    // Still running, and not everything is there yet.
    expect(await node('polish').getAttribute('data-status')).toBe('running');
    expect((await streamed.textContent())!).not.toContain('Sentence 12 of');
    await shot('debug-streaming-panel');
    await expect.poll(() => node('polish').getAttribute('data-status'), { timeout: 30_000 }).toBe('succeeded');
    // Finished: the recorded output (the whole answer) replaces the stream.
    await expect.poll(() => streamed.count()).toBe(0);
    await expect.poll(() => inspector.getByTestId('node-run-output').textContent()).toContain('Sentence 12 of a slowly streamed answer.');
    expect(prompts()).toEqual(['Polish: A first draft about tea.']);
    // "Run this node" ran the polish node alone: the output node is not part of that run.
    expect(await node('out').getAttribute('data-status')).toBe('pending');

    // Unpin: the marker goes.
    await node('draft').click();
    await inspector.getByRole('button', { name: 'Unpin' }).click();
    await expect.poll(() => node('draft').getByTestId('pinned-badge').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
