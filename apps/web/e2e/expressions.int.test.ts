import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startAppWithFakeAndBrowser } from './app-under-test';
import { callApi, shotInBothSchemes, type ApiMethod } from './browser';

// The data-aware expression editor as a user meets it, on the real embedded server and its
// production build in Chromium: a bot runs once against the fake OpenAI; then, in a downstream
// node, a field picked in the data tree becomes a reference whose preview shows the recorded value;
// autocomplete, a renamed node id (its references follow) and the node panel's side-by-side view.

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shotsDir = path.join(webRoot, 'e2e/screenshots');

describe('expression editor in Chromium', () => {
  let suite: Awaited<ReturnType<typeof startAppWithFakeAndBrowser>>;
  let fake: typeof suite.fake;
  let server: typeof suite.server;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    suite = await startAppWithFakeAndBrowser({ name: 'expressions', key: 'sk-expr-e2e-1234', consoleErrors });
    ({ fake, server, page } = suite);
    mkdirSync(shotsDir, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await suite?.close();
  });

  const shot = (name: string) => shotInBothSchemes(page, (scheme) => path.join(shotsDir, `expressions-${name}-${scheme}.png`), 300);
  const api = (method: ApiMethod, p: string, data?: unknown) => callApi(page, server.url, method, p, data);
  const nodeCard = (id: string) => page.locator(`.bot-node[data-node-id="${id}"]`);

  it('builds an expression by clicking a field in the tree, and its preview shows the value from the last run', async () => {
    onTestFailed(() => shot('failed').then(() => undefined));
    expect(
      (await api('POST', '/api/auth/signup', { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' })).status,
    ).toBe(201);
    const conn = await api('POST', '/api/llm-connections', {
      provider: 'openai',
      name: 'Fake OpenAI',
      apiKey: 'sk-expr-e2e-1234',
      baseUrl: fake.url,
      modelDefault: 'fake-model-1',
    });
    expect(conn.status).toBe(201);
    const graph = {
      nodes: [
        { id: 'in', type: 'source.manual', params: { sample: { topic: 'green tea' } }, position: { x: 0, y: 0 } },
        {
          id: 'llm',
          type: 'llm.chat',
          label: 'Write',
          params: { purpose: 'draft', prompt: 'Write about {{ input.topic }}', llmConnectionId: conn.body.id },
          position: { x: 280, y: 0 },
        },
        { id: 'out', type: 'output.results', params: { title: 'Tea', content: 'Draft: ' }, position: { x: 560, y: 0 } },
      ],
      edges: [
        { id: 'a', source: 'in', target: 'llm' },
        { id: 'b', source: 'llm', target: 'out' },
      ],
    };
    const bot = await api('POST', '/api/bots', { name: 'Tea writer', graph });
    expect(bot.status).toBe(201);

    // Run it from the editor against the fake provider.
    await page.goto(`${server.url}/bots/${bot.body.id}`);
    await nodeCard('llm').waitFor();
    fake.enqueue({ reply: 'Green tea is steamed, not roasted.' });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('run-banner').getAttribute('data-status'), { timeout: 60_000, interval: 500 })
      .toBe('succeeded');

    // Open the downstream node; its Content field shows the data tree of what it may reference.
    await nodeCard('out').click();
    const inspector = page.getByTestId('node-inspector');
    const content = inspector.locator('#param-out-content');
    await content.click();
    await content.press('End');
    const tree = inspector.getByTestId('data-tree');
    await tree.waitFor();
    // The upstream LLM node, from the last run; the later node's own fields are not offered.
    const llmRoot = tree.locator('[role="treeitem"][data-reference="{{ nodes.llm.output }}"]');
    expect(await llmRoot.textContent()).toContain('last run');
    await tree.scrollIntoViewIfNeeded();
    await shot('tree');

    await tree.locator('[role="treeitem"][data-reference="{{ nodes.llm.output.text }}"]').click();
    await expect.poll(() => content.inputValue()).toBe('Draft: {{ nodes.llm.output.text }}');
    const preview = inspector.getByTestId('expression-preview');
    await expect.poll(() => preview.textContent()).toContain('Draft: Green tea is steamed, not roasted.');
    await shot('preview');

    // Autocomplete inside {{ }}: node ids, then fields of the recorded output; Enter accepts.
    const title = inspector.locator('#param-out-title');
    await title.click();
    await title.fill('');
    await title.pressSequentially('{{ nodes.');
    const suggestions = inspector.getByTestId('expression-suggestions');
    await expect.poll(() => suggestions.locator('[role="option"] .mono').allTextContents()).toEqual(['llm', 'in']);
    await title.press('Enter');
    await expect.poll(() => title.inputValue()).toBe('{{ nodes.llm.output }}');
    // The cursor stays inside the braces, where the path goes on.
    await title.pressSequentially('.mo');
    await expect.poll(() => suggestions.locator('[role="option"] .mono').allTextContents()).toEqual(['model']);
    await shot('autocomplete');
    await title.press('Enter');
    await expect.poll(() => title.inputValue()).toBe('{{ nodes.llm.output.model }}');
    await expect.poll(() => inspector.getByTestId('expression-preview').first().textContent()).toContain('fake-model-1');
    // An error as you type, in place of the value.
    await title.pressSequentially('x');
    await expect.poll(() => inspector.getByTestId('expression-preview').first().textContent()).toMatch(/A run would fail here/);
    await title.press('Backspace');

    // Renaming the LLM node's id rewrites every reference to it.
    await nodeCard('llm').click();
    await page.getByTestId('node-inspector').getByRole('button', { name: 'Rename ID' }).click();
    const idInput = page.getByTestId('node-inspector').getByLabel('ID', { exact: true });
    await idInput.fill('write');
    await idInput.press('Enter');
    await nodeCard('write').waitFor();
    await nodeCard('out').click();
    await expect.poll(() => page.locator('#param-out-content').inputValue()).toBe('Draft: {{ nodes.write.output.text }}');
    expect(await page.locator('#param-out-title').inputValue()).toBe('{{ nodes.write.output.model }}');

    // The node panel: the LLM node's input (the manual source's output) beside its answer.
    await nodeCard('write').click();
    await page.getByTestId('node-run-expand').click();
    const wide = page.getByRole('dialog');
    await wide.getByTestId('node-input').getByText('from Manual input').waitFor();
    expect(await wide.getByTestId('node-output').textContent()).toContain('Green tea is steamed, not roasted.');
    await shot('node-panel');
    await page.keyboard.press('Escape');

    // Save: the server accepts the renamed graph.
    await page.keyboard.press('Control+s');
    await page.getByTestId('save-state').getByText('All changes saved').waitFor();
    const saved = await api('GET', `/api/bots/${bot.body.id}`);
    const out = saved.body.graph.nodes.find((n: { id: string }) => n.id === 'out');
    expect(out.params.content).toBe('Draft: {{ nodes.write.output.text }}');

    // Opened again without a run in view, the editor takes its sample data from the bot's latest run.
    await page.goto(`${server.url}/bots/${bot.body.id}`);
    await nodeCard('out').click();
    await page.locator('#param-out-content').click();
    const again = page.getByTestId('node-inspector').getByTestId('data-tree');
    await expect.poll(() => again.locator('[role="treeitem"][data-reference="{{ nodes.in.output }}"]').textContent()).toContain('last run');
    expect(consoleErrors).toEqual([]);
  }, 180_000);
});
