import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { openAIResponses } from '@bm/testing';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startAppWithFakeAndBrowser } from './app-under-test';
import { callApi, type ApiMethod } from './browser';

// The run history, the bots list and the connection-delete warning in Chromium against the real
// embedded server (Temporal, PGlite, the OpenAI SDK against the loopback fake): real runs, one that
// succeeds and one the provider refuses; filter by status and search (kept in the URL), clear;
// re-run a run with its input; delete a connection in use: the dialog names the bot and switches it.

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shotsDir = path.join(webRoot, 'e2e/screenshots');
const KEY = 'sk-lists-e2e-1234';
const FINAL = ['succeeded', 'failed', 'cancelled'];

describe('run history, re-run and the connection-delete warning (Chromium)', () => {
  let suite: Awaited<ReturnType<typeof startAppWithFakeAndBrowser>>;
  let page: Page;
  let server: typeof suite.server;
  const consoleErrors: string[] = [];
  let botId: string;
  let main: string;
  let backup: string;
  const runs: Record<'ok' | 'failed', string> = { ok: '', failed: '' };

  const shot = (name: string) => page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
  const api = (method: ApiMethod, p: string, data?: unknown) => callApi(page, server.url, method, p, data);
  /** The run once it has finished (polled: beforeAll cannot use expect.poll). */
  const finished = async (runId: string) => {
    for (const end = Date.now() + 60_000; Date.now() < end; await new Promise((r) => setTimeout(r, 300))) {
      const run = (await api('GET', `/api/runs/${runId}`)).body;
      if (FINAL.includes(run.status)) return run;
    }
    throw new Error(`run ${runId} did not finish in 60 s`);
  };
  const rows = () => page.getByTestId('run-row');

  beforeAll(async () => {
    suite = await startAppWithFakeAndBrowser({ name: 'lists', key: KEY, consoleErrors });
    ({ server, page } = suite);
    mkdirSync(shotsDir, { recursive: true });
    expect(
      (await api('POST', '/api/auth/signup', { email: 'lia@example.com', password: 'correct horse battery', name: 'Lia' })).status,
    ).toBe(201);
    const connection = async (name: string) => {
      const r = await api('POST', '/api/llm-connections', {
        provider: 'openai',
        name,
        apiKey: KEY,
        baseUrl: suite.fake.url,
        modelDefault: 'gpt-4o-mini',
      });
      expect(r.status).toBe(201);
      return r.body.id as string;
    };
    main = await connection('Main key');
    backup = await connection('Backup key');
    const bot = await api('POST', '/api/bots', {
      name: 'Tea digest',
      graph: {
        nodes: [
          { id: 'in', type: 'source.manual', params: {}, position: { x: 0, y: 0 } },
          {
            id: 'a',
            type: 'llm.chat',
            params: { purpose: 'draft', prompt: 'Write about {{ input.topic }}', llmConnectionId: main },
            position: { x: 260, y: 0 },
          },
          { id: 'out', type: 'output.results', params: { content: '{{ nodes.a.output.text }}' }, position: { x: 520, y: 0 } },
        ],
        edges: [
          { id: 'e1', source: 'in', target: 'a' },
          { id: 'e2', source: 'a', target: 'out' },
        ],
      },
    });
    expect(bot.status).toBe(201);
    botId = bot.body.id;
    // Two real runs: one succeeds, the provider refuses the key on the other.
    const ok = await api('POST', `/api/bots/${botId}/runs`, { input: { topic: 'green tea' } });
    runs.ok = ok.body.runId;
    expect((await finished(runs.ok)).status).toBe('succeeded');
    suite.fake.enqueue(openAIResponses.invalidKey());
    const bad = await api('POST', `/api/bots/${botId}/runs`, { input: { topic: 'coffee' } });
    runs.failed = bad.body.runId;
    expect((await finished(runs.failed)).status).toBe('failed');
  }, 300_000);

  afterAll(async () => {
    await suite?.close();
  });

  it('filters by status and by search text, keeps the filters in the URL, clears them', async () => {
    onTestFailed(() => shot('run-history-failed-filters').then(() => undefined));
    await page.goto(`${server.url}/bots/${botId}/runs`);
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(2);

    await page.getByTestId('status-chips').locator('[data-value="failed"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status'), { timeout: 15_000 }).toBe('failed');
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(1);
    expect(await rows().first().getAttribute('data-run-id')).toBe(runs.failed);
    await shot('run-history-filtered');

    // A link with the filter reproduces the view.
    await page.goto(`${server.url}/bots/${botId}/runs?status=succeeded`);
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(1);
    expect(await rows().first().getAttribute('data-run-id')).toBe(runs.ok);
    expect(await page.getByTestId('status-chips').locator('[data-value="succeeded"]').getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(2);
    expect(new URL(page.url()).search).toBe('');

    // The search looks into the error text (the provider's refusal).
    await page.getByLabel('Search', { exact: true }).fill('rejected');
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: 15_000 }).toBe('rejected');
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(1);
    expect(await rows().first().getAttribute('data-run-id')).toBe(runs.failed);

    await page.getByLabel('Search', { exact: true }).fill('nothing like this at all');
    await page.getByText('No runs match these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(2);
  }, 120_000);

  it('re-runs a succeeded run with the same input and opens the new run', async () => {
    onTestFailed(() => shot('run-history-failed-rerun').then(() => undefined));
    const row = page.locator(`[data-testid="run-row"][data-run-id="${runs.ok}"]`);
    await row.getByTestId('run-row-menu').getByRole('button').click();
    await page.getByRole('menuitem', { name: 'Re-run with the same input' }).click();
    await page.waitForURL((u) => /\/runs\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith(runs.ok));
    const newId = new URL(page.url()).pathname.split('/').pop()!;
    const run = await finished(newId);
    expect(run).toMatchObject({ status: 'succeeded', input: { topic: 'green tea' }, rerunOfId: runs.ok, trigger: 'manual' });
    // Nothing reused: the LLM node ran again.
    expect(run.nodes.find((n: { nodeId: string }) => n.nodeId === 'a')).toMatchObject({ status: 'succeeded', reused: false });
    await page.getByTestId('run-origin-rerun').waitFor();
    await shot('run-detail-rerun');
    // The origin links to it.
    await page.getByTestId('run-origin-rerun').click();
    await page.getByTestId('run-follow-up').waitFor();
    // The list shows it, with where it came from.
    await page.goto(`${server.url}/bots/${botId}/runs`);
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(3);
    await page.locator(`[data-testid="run-row"][data-run-id="${newId}"]`).getByTestId('run-origin-rerun').waitFor();
  }, 120_000);

  it('shows the last run on the bots list', async () => {
    onTestFailed(() => shot('run-history-failed-bots').then(() => undefined));
    await page.goto(`${server.url}/`);
    const card = page.getByTestId('bot-card').filter({ hasText: 'Tea digest' });
    await card.getByTestId('bot-last-run').locator('[data-status="succeeded"]').waitFor();
    await card.getByText('By Lia').waitFor();
    await page.getByTestId('bot-search').fill('no such bot');
    await page.getByText('No bot matches').waitFor();
    await page.getByTestId('bot-search').fill('');
    await card.waitFor();
    await shot('bots-list');
  }, 60_000);

  it('warns before deleting a connection in use, names the bot and switches it to another connection', async () => {
    onTestFailed(() => shot('run-history-failed-connection').then(() => undefined));
    await page.goto(`${server.url}/settings/connections`);
    const row = page.locator(`[data-testid="connection"][data-connection-id="${main}"]`);
    await row.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('usage-bot').filter({ hasText: 'Tea digest' }).waitFor();
    await dialog.getByText(/runs fail/).waitFor();
    await dialog.getByLabel('Switch them to').selectOption(backup);
    await shot('connection-delete-warning');
    await dialog.getByTestId('switch-and-go').click();
    await dialog.waitFor({ state: 'detached' });
    await row.waitFor({ state: 'detached' });
    const bot = (await api('GET', `/api/bots/${botId}`)).body;
    expect(bot.version).toBe(2);
    expect(bot.graph.nodes.find((n: { id: string }) => n.id === 'a').params.llmConnectionId).toBe(backup);
    // The backup is unused elsewhere: deleting it now warns about this bot, and nothing else.
    await page.locator(`[data-testid="connection"][data-connection-id="${backup}"]`).getByRole('button', { name: 'Delete' }).click();
    await dialog.getByTestId('usage-bot').filter({ hasText: 'Tea digest' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
