import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startAppWithFakeAndBrowser } from './app-under-test';
import { callApi, shotInBothSchemes, type ApiMethod } from './browser';

// The editor for control flow in Chromium against the real embedded server: a bot with flow.if and
// flow.switch shows one labelled handle per output, a renamed case keeps its edge, the error output
// appears with its toggle; a bot with flow.loop shows a run's items and each item's node runs.
//
// The loop run is seeded through the repositories (as the account test seeds a reset link): the
// engine that runs loops lands on its own branch, and this test is about what the editor shows.

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shotsDir = path.join(webRoot, 'e2e/screenshots');

describe('ports, branches and loop items in the editor (Chromium)', () => {
  let suite: Awaited<ReturnType<typeof startAppWithFakeAndBrowser>>;
  let page: Page;
  let server: typeof suite.server;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    suite = await startAppWithFakeAndBrowser({ name: 'flow', key: 'sk-flow-e2e-1234', consoleErrors });
    ({ server, page } = suite);
    mkdirSync(shotsDir, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await suite?.close();
  });

  const shot = (name: string) => shotInBothSchemes(page, (scheme) => path.join(shotsDir, `${name}-${scheme}.png`));
  const api = (method: ApiMethod, p: string, data?: unknown) => callApi(page, server.url, method, p, data);
  const node = (id: string) => page.locator(`.bot-node[data-node-id="${id}"]`);
  const handle = (id: string, port: string) => node(id).locator(`.react-flow__handle.source[data-port="${port}"]`);
  const portLabels = (id: string) => node(id).locator('.port-label.out').allInnerTexts();

  it('draws a handle per output of flow.if and flow.switch, follows a renamed case, adds the error output', async () => {
    onTestFailed(() => page.screenshot({ path: path.join(shotsDir, 'flow-failed.png') }).then(() => undefined));
    expect(
      (await api('POST', '/api/auth/signup', { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' })).status,
    ).toBe(201);
    const cond = (name: string) => ({ name, mode: 'condition', field: 'kind', operator: 'equals', value: name, caseSensitive: false });
    const bot = await api('POST', '/api/bots', {
      name: 'Triage',
      graph: {
        nodes: [
          { id: 'in', type: 'source.manual', params: { sample: '{"kind":"bug","urgent":true}' }, position: { x: 0, y: 120 } },
          {
            id: 'urgent',
            type: 'flow.if',
            label: 'Urgent?',
            params: { mode: 'condition', field: 'urgent', operator: 'equals', value: 'true', caseSensitive: false },
            position: { x: 300, y: 0 },
          },
          {
            id: 'route',
            type: 'flow.switch',
            label: 'Route',
            params: { cases: [cond('bug'), cond('idea')] },
            position: { x: 300, y: 240 },
          },
          { id: 'page', type: 'output.results', label: 'Page someone', params: { content: 'now' }, position: { x: 680, y: -60 } },
          { id: 'later', type: 'output.results', label: 'Later', params: { content: 'later' }, position: { x: 680, y: 60 } },
          { id: 'bugs', type: 'output.results', label: 'Bugs', params: { content: 'bug' }, position: { x: 680, y: 180 } },
          { id: 'ideas', type: 'output.results', label: 'Ideas', params: { content: 'idea' }, position: { x: 680, y: 300 } },
          { id: 'rest', type: 'output.results', label: 'Everything else', params: { content: 'other' }, position: { x: 680, y: 420 } },
        ],
        edges: [
          { id: 'e1', source: 'in', target: 'urgent', sourceHandle: 'out', targetHandle: 'in' },
          { id: 'e2', source: 'in', target: 'route', sourceHandle: 'out', targetHandle: 'in' },
          { id: 'e3', source: 'urgent', target: 'page', sourceHandle: 'true', targetHandle: 'in' },
          { id: 'e4', source: 'urgent', target: 'later', sourceHandle: 'false', targetHandle: 'in' },
          { id: 'e5', source: 'route', target: 'bugs', sourceHandle: 'bug', targetHandle: 'in' },
          { id: 'e6', source: 'route', target: 'ideas', sourceHandle: 'idea', targetHandle: 'in' },
          { id: 'e7', source: 'route', target: 'rest', sourceHandle: 'default', targetHandle: 'in' },
        ],
      },
    });
    expect(bot.status).toBe(201);
    const botId = bot.body.id as string;
    await page.goto(`${server.url}/bots/${botId}`);
    await node('route').waitFor();

    expect(await handle('urgent', 'true').count()).toBe(1);
    expect(await handle('urgent', 'false').count()).toBe(1);
    expect(await portLabels('urgent')).toEqual(['True', 'False']);
    expect(await portLabels('route')).toEqual(['bug', 'idea', 'Default']);
    await shot('flow-ports');

    // Rename the case "idea" to "feature" in the case list: the handle is renamed and its edge follows.
    await node('route').click();
    const caseName = page.locator('[data-testid="case-list"] .case-item[data-case="idea"] .case-name input');
    await caseName.fill('feature');
    await caseName.press('Enter');
    await expect.poll(() => portLabels('route')).toEqual(['bug', 'feature', 'Default']);
    expect(await handle('route', 'idea').count()).toBe(0);
    // A name another case has is refused where it is typed.
    const first = page.locator('[data-testid="case-list"] .case-item[data-case="bug"] .case-name input');
    await first.fill('feature');
    await expect.poll(() => page.locator('[data-testid="case-list"] .field-error').first().innerText()).toContain('feature');
    await first.press('Escape');
    await page.locator('[data-testid="case-add"]').click();
    await expect.poll(() => portLabels('route')).toEqual(['bug', 'feature', 'case 3', 'Default']);

    // The error output: the toggle in the node's settings adds a red `error` handle.
    await page.locator('.inspector-section summary', { hasText: 'Settings' }).click();
    await page.locator('[data-testid="error-output-toggle"]').check();
    await expect.poll(() => handle('route', 'error').count()).toBe(1);
    expect(await handle('route', 'error').getAttribute('class')).toContain('port-error');
    await shot('flow-switch-inspector');

    await page.keyboard.press('Control+s');
    await expect.poll(async () => (await api('GET', `/api/bots/${botId}`)).body.version, { timeout: 10_000 }).toBe(2);
    const saved = (await api('GET', `/api/bots/${botId}`)).body.graph;
    const routeEdges = saved.edges.filter((e: { source: string }) => e.source === 'route');
    expect(routeEdges.map((e: { sourceHandle: string; target: string }) => `${e.sourceHandle}->${e.target}`).sort()).toEqual(
      ['bug->bugs', 'default->rest', 'feature->ideas'].sort(),
    );
    const route = saved.nodes.find((n: { id: string }) => n.id === 'route');
    expect(route.settings).toEqual({ errorOutput: true });
    expect(route.params.cases.map((c: { name: string }) => c.name)).toEqual(['bug', 'feature', 'case 3']);
    expect(consoleErrors).toEqual([]);
  }, 120_000);

  it('shows a loop run’s items and switches the body node to the picked item’s run', async () => {
    onTestFailed(() => page.screenshot({ path: path.join(shotsDir, 'flow-loop-failed.png') }).then(() => undefined));
    const bot = await api('POST', '/api/bots', {
      name: 'Per-item summary',
      graph: {
        nodes: [
          { id: 'in', type: 'source.manual', params: { sample: '["a","b","c"]' }, position: { x: 0, y: 100 } },
          { id: 'each', type: 'flow.loop', label: 'Each story', params: {}, position: { x: 300, y: 100 } },
          {
            id: 'shout',
            type: 'transform.template',
            label: 'Shout',
            params: { template: '{{ nodes.each.output }}!' },
            position: { x: 600, y: 100 },
          },
          { id: 'all', type: 'flow.collect', params: {}, position: { x: 900, y: 100 } },
        ],
        edges: [
          { id: 'e1', source: 'in', target: 'each', sourceHandle: 'out', targetHandle: 'in' },
          { id: 'e2', source: 'each', target: 'shout', sourceHandle: 'item', targetHandle: 'in' },
          { id: 'e3', source: 'shout', target: 'all', sourceHandle: 'out', targetHandle: 'in' },
        ],
      },
    });
    expect(bot.status).toBe(201);
    const botId = bot.body.id as string;

    // A finished run of this bot, as the interpreter records one: the loop's own row, then one row per
    // item of its body node (the second item failed), then the collect node.
    const { repos } = server.services;
    const version = (await repos.bots.version(botId, 1))!;
    const row = (await repos.bots.get(botId))!;
    const { id: runId } = await repos.runs.create({
      botId,
      botVersionId: version.id,
      version: 1,
      workspaceId: row.workspaceId,
      userId: version.createdById!,
      trigger: 'manual',
      input: ['a', 'b', 'c'],
      workflowId: `seeded-${botId}`,
    });
    await repos.runs.claim(runId);
    const ok = (nodeId: string, type: string, output: unknown, item = -1) =>
      repos.nodeRuns.succeed(runId, nodeId, type, 1, { output, outputBytes: JSON.stringify(output).length }, undefined, item);
    await ok('in', 'source.manual', ['a', 'b', 'c']);
    await ok('each', 'flow.loop', { items: ['a', 'b', 'c'], count: 3 });
    await ok('shout', 'transform.template', { text: 'a!' }, 0);
    await repos.nodeRuns.fail(runId, 'shout', 'transform.template', 1, { code: 'TEMPLATE', message: 'item b broke' }, true, undefined, 1);
    await ok('shout', 'transform.template', { text: 'c!' }, 2);
    await ok('all', 'flow.collect', { items: ['a!', 'c!'], failed: [{ index: 1, code: 'TEMPLATE', message: 'item b broke' }] });
    await repos.runs.finish(runId, 'succeeded');

    await page.goto(`${server.url}/bots/${botId}?run=${runId}`);
    const picker = page.locator('[data-testid="loop-items"][data-loop="each"]');
    await picker.waitFor();
    await expect.poll(() => picker.locator('[data-testid="loop-items-summary"]').innerText()).toBe('3 items · 1 failed');
    await expect.poll(() => node('each').locator('[data-testid="run-note"]').innerText()).toBe('3 items · 1 failed');
    expect(await picker.locator('[role="option"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).toEqual([
      'succeeded',
      'failed',
      'succeeded',
    ]);
    expect(await portLabels('each')).toEqual(['Each item']);

    // Item 2 (failed): the body node shows that item's run; the arrow key moves to item 3.
    await picker.locator('[role="option"][data-item="1"]').click();
    await expect.poll(() => node('shout').getAttribute('data-status')).toBe('failed');
    await node('shout').click();
    await expect.poll(() => page.locator('[data-testid="node-inspector"]').innerText()).toContain('item b broke');
    await shot('flow-loop-item-failed');
    // The picked item is the list's tab stop; the arrow keys move and pick.
    await picker.locator('[role="option"][tabindex="0"]').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => picker.locator('[aria-selected="true"]').getAttribute('data-item')).toBe('2');
    await expect.poll(() => node('shout').getAttribute('data-status')).toBe('succeeded');
    await expect.poll(() => page.locator('[data-testid="node-inspector"]').innerText()).toContain('c!');
    expect(await page.locator('[data-testid="node-inspector"]').innerText()).toMatch(/Last run · item 3/i);
    expect(await page.locator('[data-testid="node-inspector"]').innerText()).not.toContain('item b broke');
    expect(await picker.locator('[data-testid="loop-items-position"]').innerText()).toBe('Item 3 of 3');
    await shot('flow-loop-item');
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
