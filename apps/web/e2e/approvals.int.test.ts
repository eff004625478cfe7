import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { openAIResponses } from '@bm/testing';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startAppWithFakeAndBrowser } from './app-under-test';
import { callApi, type ApiMethod } from './browser';

// A person decides a flow.approval in Chromium: in the inbox (pending first, payload edited) and
// through the signed one-time link's public page. The approvals are seeded with the repository on
// a real run whose workflow is kept running by a slow LLM call, so the API's signal reaches a live
// workflow. Screenshots (light and dark) go to e2e/screenshots/.

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shotsDir = path.join(webRoot, 'e2e/screenshots');
const KEY = 'sk-approvals-e2e-1234';

describe('approvals in Chromium', () => {
  let suite: Awaited<ReturnType<typeof startAppWithFakeAndBrowser>>;
  let page: Page;
  let botId: string;
  let runId: string;
  const consoleErrors: string[] = [];

  async function shots(name: string) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(shotsDir, `approvals-${name}-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }
  const api = (method: ApiMethod, p: string, data?: unknown) => callApi(page, suite.server.url, method, p, data);
  const repos = () => suite.server.services.repos;

  beforeAll(async () => {
    suite = await startAppWithFakeAndBrowser({ name: 'approvals', key: KEY, consoleErrors });
    page = suite.page;
    mkdirSync(shotsDir, { recursive: true });
    await page.goto(`${suite.server.url}/signup`);
    await page.getByLabel('Name').fill('Avery Approver');
    await page.getByLabel('Email').fill('avery@example.com');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Build your first bot').waitFor();
    const conn = await api('POST', '/api/llm-connections', {
      provider: 'openai',
      name: 'Fake',
      apiKey: KEY,
      baseUrl: suite.fake.url,
      modelDefault: 'fake-model-1',
    });
    expect(conn.status).toBe(201);
    const bot = await api('POST', '/api/bots', {
      name: 'Reply drafter',
      llmConnectionId: conn.body.id,
      graph: {
        nodes: [
          { id: 'in', type: 'source.manual', params: {}, position: { x: 0, y: 0 } },
          { id: 'draft', type: 'llm.chat', params: { purpose: 'draft', prompt: 'Draft a reply' }, position: { x: 200, y: 0 } },
          { id: 'ok', type: 'flow.approval', params: { message: 'Send this reply?' }, position: { x: 400, y: 0 } },
        ],
        edges: [
          { id: 'e1', source: 'in', target: 'draft' },
          { id: 'e2', source: 'draft', target: 'ok' },
        ],
      },
    });
    expect(bot.status).toBe(201);
    botId = bot.body.id;
    // The LLM answers only after the test: the run's workflow stays open to hear the decisions.
    suite.fake.enqueue(openAIResponses.slow(170_000));
    runId = (await api('POST', `/api/bots/${botId}/runs`, { input: {} })).body.runId;
    // Running, and inside the LLM call (the node's row is taken as it starts).
    for (let i = 0; ; i++) {
      const run = (await api('GET', `/api/runs/${runId}`)).body;
      if (run.status === 'running' && suite.fake.requests.length > 0) break;
      if (i > 150) throw new Error(`the run did not start: ${JSON.stringify(run)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 240_000);

  afterAll(async () => {
    if (runId) await api('POST', `/api/runs/${runId}/cancel`).catch(() => undefined);
    await suite?.close();
  });

  const seed = async (nodeId: string, payload: unknown, linkToken?: string) => {
    const run = (await repos().runs.get(runId))!;
    return repos().approvals.open({
      runId,
      nodeId,
      workspaceId: run.workspaceId,
      botId,
      message: nodeId === 'ok' ? 'Send this reply?' : 'Post it?',
      payload,
      linkToken,
      expiresAt: new Date(Date.now() + 3 * 86_400_000),
    });
  };

  it('shows a pending approval first in the inbox; the approver edits the payload and approves it', async () => {
    onTestFailed(() => page.screenshot({ path: path.join(shotsDir, 'approvals-failed.png') }).then(() => undefined));
    await seed('ok', { to: 'customer@example.com', text: 'Thanks for writing in.' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
    const card = page.getByTestId('approval');
    await card.waitFor();
    expect(await page.getByRole('heading', { name: 'Waiting for approval' }).isVisible()).toBe(true);
    expect(await card.getByTestId('approval-bot').textContent()).toBe('Reply drafter');
    expect(await card.getByText('Send this reply?').isVisible()).toBe(true);
    const editor = card.getByLabel('What is approved');
    expect(JSON.parse(await editor.inputValue())).toEqual({ to: 'customer@example.com', text: 'Thanks for writing in.' });
    await shots('inbox');

    // Broken JSON cannot be approved; fixed, the button says it approves the edit.
    await editor.fill('{ "to": "customer@example.com", "text": ');
    await card.getByText('This is not valid JSON').waitFor();
    expect(await card.getByRole('button', { name: 'Approve with edits' }).isDisabled()).toBe(true);
    await editor.fill('{ "to": "customer@example.com", "text": "Thanks, we are on it." }');
    // Keyboard: Tab from the editor reaches the Approve button, Enter presses it.
    await editor.focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Approve with edits');
    await page.keyboard.press('Enter');

    const decided = page.getByTestId('approval-decided');
    await decided.waitFor();
    expect(await page.getByTestId('approval').count()).toBe(0);
    expect(await decided.getByTestId('approval-status').textContent()).toBe('Approved');
    expect(await decided.getByTestId('approval-decided-line').textContent()).toMatch(/^Avery Approver · .+ · in the inbox · Edited/);
    const row = (await repos().approvals.get(runId, 'ok'))!;
    expect(row).toMatchObject({
      status: 'approved',
      decidedVia: 'app',
      decidedPayload: { to: 'customer@example.com', text: 'Thanks, we are on it.' },
    });
    await shots('decided');
  }, 120_000);

  it('decides through the signed one-time link without the app, and says when the link is spent', async () => {
    onTestFailed(() => page.screenshot({ path: path.join(shotsDir, 'approvals-link-failed.png') }).then(() => undefined));
    const token = randomBytes(32).toString('base64url');
    await seed('post', 'We are on it.', token);
    await page.goto(`${suite.server.url}/approve/${token}`);
    await page.getByRole('heading', { name: 'Approval requested' }).waitFor();
    expect(await page.getByText('Reply drafter asks for your decision.').isVisible()).toBe(true);
    expect(await page.getByLabel('What is approved').inputValue()).toBe('We are on it.');
    await shots('link');
    await page.getByRole('button', { name: 'Reject' }).click();
    await page.getByTestId('approval-link-done').waitFor();
    expect(await page.getByTestId('approval-link-done').textContent()).toMatch(/^Rejected/);
    expect((await repos().approvals.get(runId, 'post'))!).toMatchObject({ status: 'rejected', decidedVia: 'link', decidedById: null });

    await page.reload();
    await page.getByRole('heading', { name: 'This link can no longer be used' }).waitFor();
    await shots('link-spent');
  }, 120_000);

  it('logged nothing alarming in the browser console', () => {
    // The spent link answers 404 (that is how the page learns it); the sign-up page's first 401 likewise.
    expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
