import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFakeOpenAI } from '@bm/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startAppUnderTest } from './app-under-test';
import { openBrowser, callApi, type ApiMethod } from './browser';

// Costs as a user sees them: the real embedded server and its production build in Chromium; a
// connection to the fake OpenAI with the user's own price, a bot run twice, then the Usage page,
// the run list, the run's node and the Budgets page.

const shotsDir = process.env.BM_USAGE_SHOTS || '/tmp/usageweb-shots';

describe('usage, cost and budgets in Chromium', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'bm-web-usage-'));
  let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
  let server: Awaited<ReturnType<typeof startAppUnderTest>>;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    fake = await startFakeOpenAI({ validKeys: ['sk-usage-e2e-1234'] });
    server = await startAppUnderTest({
      tmp,
      name: 'usage',
      env: {
        BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${fake.port}`,
      },
    });
    mkdirSync(shotsDir, { recursive: true });
    ({ context, page } = await openBrowser(path.join(tmp, 'chromium-profile'), consoleErrors));
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await fake?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
  // The browser's own session: page.request shares the context's cookies.
  const api = (method: ApiMethod, p: string, data?: unknown) => callApi(page, server.url, method, p, data);

  it('shows what two runs cost on the Usage page, the runs list, the node and the budgets', async () => {
    onTestFailed(() => shot('failed-usage').then(() => undefined));
    expect(
      (await api('POST', '/api/auth/signup', { email: 'grace@example.com', password: 'correct horse battery', name: 'Grace' })).status,
    ).toBe(201);
    // The connection's own price: 1 000 in × $1 + 100 out × $2 per million = $0.0012 a call.
    const conn = await api('POST', '/api/llm-connections', {
      provider: 'openai',
      name: 'Fake OpenAI',
      apiKey: 'sk-usage-e2e-1234',
      baseUrl: fake.url,
      modelDefault: 'fake-model-1',
      prices: { 'fake-model-1': { inputPerMTok: 1, outputPerMTok: 2 } },
    });
    expect(conn.status).toBe(201);
    const graph = {
      nodes: [
        { id: 'in', type: 'source.manual', params: {}, position: { x: 0, y: 0 } },
        {
          id: 'llm',
          type: 'llm.chat',
          params: { purpose: 'draft', prompt: 'Write about {{ input.topic }}', llmConnectionId: conn.body.id },
          position: { x: 200, y: 0 },
        },
        { id: 'out', type: 'output.results', params: { content: '{{ nodes.llm.output.text }}' }, position: { x: 400, y: 0 } },
      ],
      edges: [
        { id: 'a', source: 'in', target: 'llm' },
        { id: 'b', source: 'llm', target: 'out' },
      ],
    };
    const bot = await api('POST', '/api/bots', { name: 'Tea writer', graph });
    expect(bot.status).toBe(201);
    for (let i = 0; i < 2; i++) {
      fake.enqueue({ reply: `tea ${i}`, usage: { inputTokens: 1000, outputTokens: 100 } });
      const run = await api('POST', `/api/bots/${bot.body.id}/runs`, { input: { topic: 'tea' }, wait: 30 });
      expect([run.status, run.body.status]).toEqual([200, 'succeeded']);
    }

    // The Usage page: a cost chart with bars, a tokens chart, and the bot's row with its cost.
    await page.goto(server.url + '/');
    await page.getByRole('link', { name: 'Usage', exact: true }).click();
    await page.getByTestId('usage-total-cost').waitFor();
    expect(await page.getByTestId('usage-total-cost').textContent()).toBe('$0.0024');
    await expect.poll(() => page.locator('[data-testid="usage-cost-chart"] rect.bar').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="usage-tokens-chart"] rect.bar').count()).toBe(2);
    const botTable = page.getByTestId('usage-table-bot');
    await botTable.getByText('Tea writer').waitFor();
    expect(await botTable.getByTestId('usage-cost').first().textContent()).toBe('$0.0024');
    expect(await page.getByTestId('usage-table-model').textContent()).toContain('fake-model-1');
    // CSV export: a download of the same rows.
    const [download] = await Promise.all([page.waitForEvent('download'), botTable.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^usage-bot-.*\.csv$/);
    await page.getByRole('button', { name: 'Last 30 days' }).click();
    await page.getByTestId('usage-total-cost').waitFor();
    await shot('usage');
    // Stacked by model instead of by bot: one roll-up, the model named in the legend.
    await page.getByRole('button', { name: 'Model', exact: true }).click();
    await expect.poll(() => page.locator('.usage-legend').first().textContent()).toContain('fake-model-1');
    await shot('usage-by-model');

    // The bot: its 30-day cost in the header, what its daily schedule will cost (30 runs × its
    // average $0.0012), each run's cost, and the node's cost and price.
    const schedule = await api('POST', `/api/bots/${bot.body.id}/schedules`, { cron: '0 9 * * *', input: { topic: 'tea' } });
    expect(schedule.body.runsPer30Days).toBe(30);
    await page.goto(`${server.url}/bots/${bot.body.id}/runs`);
    await expect.poll(() => page.getByTestId('bot-cost-30d').textContent(), { timeout: 15_000 }).toContain('$0.0024');
    await expect.poll(() => page.getByTestId('bot-cost-projected').textContent(), { timeout: 15_000 }).toBe('Schedules: ≈ $0.04 / 30 days');
    await expect.poll(() => page.getByTestId('run-cost').allTextContents()).toEqual(['$0.0012', '$0.0012']);
    await page.getByTestId('run-row').first().click();
    const cost = page.locator('[data-node-id="llm"]').getByTestId('node-cost');
    await cost.waitFor();
    expect(await cost.textContent()).toContain('Cost $0.0012');
    expect(await cost.textContent()).toContain('connection price');
    await shot('run-node-cost');

    // Before a manual run: the estimate from the prompt sizes at the connection's price.
    await page.goto(`${server.url}/bots/${bot.body.id}`);
    await page.getByRole('button', { name: 'Run with input…' }).click();
    const estimate = page.getByTestId('run-estimate');
    await estimate.waitFor();
    // "Write about {{ input.topic }}" + the input's JSON: a few tokens in at $1, 1 024 out at $2 per million ≈ $0.0021.
    expect(await estimate.textContent()).toMatch(/^Estimated cost: about \$0\.002\d* \(\d+ tokens in, up to 1,024 out\)/);
    await shot('run-estimate');
    await page.keyboard.press('Escape');

    // The connection's own price is in its form, and can be changed there.
    await page.getByRole('link', { name: 'LLM connections' }).click();
    await page.getByTestId('connection').getByRole('button', { name: 'Edit' }).click();
    const prices = page.getByTestId('prices-editor');
    expect(await prices.getByLabel('Model').inputValue()).toBe('fake-model-1');
    await prices.getByLabel('Output $ / M tokens').fill('4');
    await shot('connection-prices');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(async () => (await api('GET', '/api/llm-connections')).body.connections[0].prices)
      .toEqual({ 'fake-model-1': { inputPerMTok: 1, outputPerMTok: 4 } });

    // Budgets: an owner adds one for the bot; its bar shows this month's spend; the plan's limits below.
    await page.getByRole('link', { name: 'Budgets' }).click();
    await page.getByText('No budgets yet').waitFor();
    await page.getByRole('button', { name: 'Add budget' }).click();
    await page.getByLabel('Applies to').selectOption('bot');
    await page.getByLabel('Which one').selectOption({ label: 'Tea writer' });
    await page.getByLabel('Limit (USD)').fill('0.01');
    await page.getByLabel('Notify at (% of the limit)').fill('50');
    await page.getByLabel('When the limit is reached').selectOption('stop');
    await page.getByLabel('Email').fill('finance@example.com');
    await shot('budget-form');
    await page.getByRole('button', { name: 'Save' }).click();
    const row = page.getByTestId('budget-row');
    await row.waitFor();
    expect(await row.textContent()).toContain('Stop');
    expect(await row.textContent()).toContain('Tea writer');
    expect(await row.textContent()).toContain('$0.0024 spent');
    expect((await api('GET', '/api/budgets')).body.budgets[0].notify).toEqual({ emails: ['finance@example.com'] });
    await page.getByTestId('plan-limits').waitFor();
    await shot('budgets');
  }, 180_000);

  it('logged nothing alarming in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
