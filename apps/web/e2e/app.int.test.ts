import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAIResponses, startFakeOpenAI } from '@bm/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startAppUnderTest } from './app-under-test';
import { dragBetween as drag, openBrowser } from './browser';

// The whole product as a user meets it: the real embedded server (API + worker + Temporal + PGlite)
// serving this app's fresh production build, driven in real Chromium; the only stand-in is the
// LLM provider, a loopback server speaking OpenAI's wire format (the user's "own" endpoint).

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shotsDir = path.join(webRoot, 'e2e/screenshots');

type Started = { url: string; close(): Promise<void> };

describe('Bot Manager in Chromium', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'bm-web-e2e-'));
  let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
  let server: Started;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    // Build the app as shipped into a private folder, so the test sees the current source and never
    // races another task that builds or serves apps/web/dist.

    // Only the key the user ends up with is accepted: a typo is refused the way OpenAI refuses it.
    fake = await startFakeOpenAI({ validKeys: ['sk-e2e-secret-1234'] });
    server = await startAppUnderTest({
      tmp,
      name: 'e2e',
      mode: process.env.BM_WEB_E2E_MODE || 'production',
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

  const shot = (name: string) => page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
  const nodeCard = (type: string) => page.locator(`.bot-node[data-node-type="${type}"]`);
  const nodeIdOf = async (type: string) => (await nodeCard(type).first().getAttribute('data-node-id'))!;
  const handle = (nodeId: string, kind: 'source' | 'target') =>
    page.locator(`.react-flow__handle.${kind}[data-nodeid="${nodeId}"]`).first();
  const dragBetween = (from: Parameters<typeof drag>[1], to: Parameters<typeof drag>[2]) => drag(page, from, to);

  it('signs up, connects an LLM, builds, saves and runs a bot, and finds the result', async () => {
    onTestFailed(() => shot('failed-main').then(() => undefined));
    // 1. A visitor is sent to the login page and signs up.
    await page.goto(server.url);
    await page.waitForURL('**/login');
    await expect.poll(() => page.getByRole('heading', { name: 'Welcome back' }).isVisible()).toBe(true);
    await shot('01-login');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password').fill('correct horse battery');
    await shot('02-signup');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Build your first bot').waitFor();
    await shot('03-bots-empty');

    // 2. An LLM connection to the user's own (here: loopback) OpenAI-compatible endpoint.
    await page.getByRole('link', { name: 'LLM connections' }).click();
    await page.getByText('No LLM connection yet').waitFor();
    await page.getByRole('button', { name: 'Add connection' }).click();
    await page.getByLabel('Provider').selectOption('other');
    await page.getByLabel('Name').fill('My gateway');
    await page.getByLabel('API key').fill('sk-e2e-typo-0000');
    await page.getByLabel('Base URL').fill(fake.url);
    await page.getByLabel('Default model').fill('fake-model-1');
    await shot('04-connection-form');
    await page.getByRole('button', { name: 'Add connection' }).last().click();
    const connection = page.getByTestId('connection');
    // Saving tests the connection at once; the refused key comes with the button that fixes it.
    await connection.getByText('The provider refused the test').waitFor();
    expect(await connection.textContent()).toContain('KEY_REJECTED');
    await shot('05a-connection-key-refused');
    await connection.getByRole('button', { name: 'Update API key' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('conn-key');
    await page.keyboard.type('sk-e2e-secret-1234');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await connection.getByText(/Connected — fake-model-1 answered/).waitFor();
    expect(await connection.getByText('The provider refused the test').count()).toBe(0);
    // The typed key leaves the page once the saved form closes (it can close a moment after the test result shows).
    await expect.poll(() => page.content(), { timeout: 10_000 }).not.toContain('sk-e2e-secret-1234');
    await connection.getByRole('button', { name: 'Test connection' }).click();
    await connection.getByText(/Connected — fake-model-1 answered/).waitFor();
    await shot('05-connection-tested');

    // 3. A new bot starts from the starter graph: manual input → LLM chat → results inbox (the
    // New bot dialog opens on the template gallery; the blank bot is its first card).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bots' }).click();
    await page.getByRole('button', { name: 'New bot' }).first().click();
    await page.getByTestId('blank-bot').click();
    await page.getByLabel('Name').fill('Bicycle notes');
    await page.getByRole('button', { name: 'Create bot' }).click();
    await page.waitForURL(/\/bots\/[^/]+$/);
    await nodeCard('output.results').waitFor();
    expect(await page.locator('.bot-node').count()).toBe(3);
    await shot('06-editor-starter');

    // 4. Drag a Template node from the palette onto the canvas.
    const canvas = page.getByTestId('canvas');
    const box = (await canvas.boundingBox())!;
    await page.locator('.palette-item[data-node-type="transform.template"]').dragTo(canvas, {
      targetPosition: { x: box.width * 0.45, y: box.height * 0.75 },
    });
    await nodeCard('transform.template').waitFor();
    expect(await page.locator('.bot-node').count()).toBe(4);
    await page.getByTestId('save-state').getByText('Unsaved changes').waitFor();

    const chatId = await nodeIdOf('llm.chat');
    const tplId = await nodeIdOf('transform.template');
    const resultsId = await nodeIdOf('output.results');

    // Configure it in the generated form: the inspector opened on the dropped node.
    await page.getByTestId('node-inspector').waitFor();
    await page.locator(`#param-${tplId}-template`).fill(`Summary: {{ nodes.${chatId}.output.text }}`);

    // 5. Wire chat → template by dragging between handles, and let the inbox save the template's text.
    await dragBetween(handle(chatId, 'source'), handle(tplId, 'target'));
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
    await dragBetween(handle(tplId, 'source'), handle(resultsId, 'target'));
    await nodeCard('output.results').click();
    await page.locator(`#param-${resultsId}-content`).fill(`{{ nodes.${tplId}.output }}`);
    await shot('07-editor-wired');

    // 6. Save (Ctrl+S) — the server validates and stores a new version.
    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('Control+s');
    await page.getByTestId('save-state').getByText('All changes saved').waitFor();
    await page.getByText('v2', { exact: true }).waitFor();

    // 7. Run with the sample input; every node turns green.
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByTestId('run-banner').waitFor();
    await expect
      .poll(async () => page.locator('.bot-node').evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))), {
        timeout: 60_000,
        interval: 500,
      })
      .toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    await page.getByTestId('run-banner').getByText('Succeeded').waitFor();
    await nodeCard('llm.chat').click();
    await page
      .getByTestId('node-run-output')
      .getByText(/echo: Write three short bullet points about the history of the bicycle/)
      .first()
      .waitFor();
    await shot('08-editor-run-succeeded');

    // 8. The run detail page lists every node with its output.
    await page.getByTestId('run-banner').getByRole('link', { name: 'Details' }).click();
    await expect.poll(() => page.getByTestId('run-node').count()).toBe(4);
    expect(await page.locator('[data-testid="run-node"][data-status="succeeded"]').count()).toBe(4);
    await shot('09-run-detail');

    // 9. The result is in the inbox, and search finds it.
    await page.getByRole('link', { name: 'Results' }).click();
    const result = page.getByTestId('result').first();
    await result.waitFor();
    expect(await result.textContent()).toContain('Summary: echo: Write three short bullet points about the history of the bicycle');
    await page.getByLabel('Search results').fill('bicycle');
    await result.waitFor();
    await shot('10-results');
    await page.getByLabel('Search results').fill('no-such-words-anywhere');
    await page.getByText(/Nothing matches/).waitFor();

    // 9b. The workspace inbox (top bar) shows the same result, labelled with its bot.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
    const inboxResult = page.getByTestId('result').first();
    await inboxResult.getByTestId('result-bot').getByText('Bicycle notes').waitFor();
    expect(await inboxResult.textContent()).toContain('Summary: echo: Write three short bullet points about the history of the bicycle');
    await inboxResult.getByTestId('result-bot').click();
    await page.getByLabel('Search results').waitFor();

    // 10. The other pages render against the real API.
    await page.getByRole('link', { name: 'Runs' }).click();
    await page.getByTestId('run-row').first().waitFor();
    await shot('11-runs');
    await page.getByRole('link', { name: 'Triggers' }).click();
    await page.getByText('No schedule').waitFor();
    await page.getByRole('button', { name: 'Add schedule' }).click();
    await page.getByRole('button', { name: 'Weekdays at 8:00' }).click();
    await page.getByLabel('Time zone').selectOption('UTC');
    await page.getByRole('button', { name: 'Add schedule' }).click();
    const schedule = page.getByTestId('schedule');
    await schedule.waitFor();
    expect(await schedule.textContent()).toContain('0 8 * * 1-5');
    await schedule.getByRole('switch').click();
    await schedule.getByText('Paused').waitFor();
    // Reloading proves the pause reached the server (and that the session survives a reload).
    await page.reload();
    await schedule.getByText('Paused').waitFor();
    await page.getByRole('button', { name: 'Create webhook URL' }).click();
    await page.getByLabel('Webhook URL').waitFor();
    expect(await page.getByLabel('Webhook URL').inputValue()).toMatch(/\/api\/hooks\//);
    await shot('12-triggers');
    // Stored hashed: after a reload the URL is gone for good, and rotating is the way to a new one.
    await page.reload();
    await page.getByText('It was shown once, when it was created').waitFor();
    expect(await page.getByLabel('Webhook URL').count()).toBe(0);
    await page.getByRole('button', { name: 'Rotate URL' }).waitFor();
    // How the webhook answers: wait for the Respond node, at most 10 s; a bad timeout is refused in the form.
    const response = page.getByTestId('webhook-response');
    await response.getByLabel('Response').selectOption('respondNode');
    await response.getByLabel('Wait at most (seconds)').fill('0');
    await response.getByText('A whole number of seconds from 1 to 120.').waitFor();
    expect(await response.getByRole('button', { name: 'Save response' }).isDisabled()).toBe(true);
    await response.getByLabel('Wait at most (seconds)').fill('10');
    await response.getByRole('button', { name: 'Save response' }).click();
    await response.getByText('Saved.').waitFor();
    await shot('12b-webhook-response');
    await page.reload();
    expect(await page.getByTestId('webhook-response').getByLabel('Response').inputValue()).toBe('respondNode');
    expect(await page.getByTestId('webhook-response').getByLabel('Wait at most (seconds)').inputValue()).toBe('10');
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByLabel('New token name').fill('CI script');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByLabel('New API token').waitFor();
    await shot('13-tokens');
    // Workspace secrets: the value goes in once and never comes back, only its name and a hint.
    await page.getByRole('link', { name: 'Secrets' }).click();
    await page.getByLabel('Name').fill('GITHUB_TOKEN');
    await page.getByLabel('Value').fill('ghp_e2e_value_123456');
    await page.getByRole('button', { name: 'Add secret' }).click();
    await page.getByTestId('secret').getByText('GITHUB_TOKEN', { exact: true }).waitFor();
    expect(await page.getByTestId('secret').textContent()).not.toContain('ghp_e2e_value');
    await shot('14-secrets');
  }, 240_000);

  it('adds after the selected node by click, undoes and redoes, and runs with a custom input', async () => {
    onTestFailed(() => shot('failed-click-undo').then(() => undefined));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bots' }).click();
    await page.getByTestId('bot-card').first().click();
    await nodeCard('llm.chat').click();
    const before = { nodes: await page.locator('.bot-node').count(), edges: await page.locator('.react-flow__edge').count() };

    await page.locator('.palette-item[data-node-type="transform.jsonata"]').click();
    await nodeCard('transform.jsonata').waitFor();
    expect(await page.locator('.react-flow__edge').count()).toBe(before.edges + 1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.bot-node').count()).toBe(before.nodes);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.locator('.bot-node').count()).toBe(before.nodes + 1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.bot-node').count()).toBe(before.nodes);
    await page.getByTestId('save-state').getByText('All changes saved').waitFor();

    await page.getByRole('button', { name: 'Run with input…' }).click();
    await page.getByLabel('Input (JSON)').fill('{ "topic": "tandem bicycles" }');
    await shot('16-run-input');
    await page.getByRole('dialog').getByRole('button', { name: 'Run' }).click();
    await expect
      .poll(async () => page.locator('.bot-node').evaluateAll((els) => els.every((e) => e.getAttribute('data-status') === 'succeeded')), {
        timeout: 60_000,
        interval: 500,
      })
      .toBe(true);
    await nodeCard('llm.chat').click();
    await page
      .getByTestId('node-run-output')
      .getByText(/about tandem bicycles/)
      .first()
      .waitFor();
  }, 90_000);

  it('refuses a broken input, explains a failing node with its fix, and resumes the run', async () => {
    onTestFailed(() => shot('failed-resume').then(() => undefined));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bots' }).click();
    await page.getByTestId('bot-card').first().click();
    await nodeCard('llm.chat').waitFor();

    // Invalid JSON in a field is not quietly replaced by the last good value: Run refuses and says where.
    await nodeCard('source.manual').click();
    const manualId = await nodeIdOf('source.manual');
    const sample = page.locator(`#param-${manualId}-sample`);
    const goodSample = await sample.inputValue();
    await sample.fill('{ "topic": ');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByText(/Not started: Manual input → Sample: Invalid JSON/).waitFor();
    await expect.poll(() => nodeCard('source.manual').evaluate((el) => el.classList.contains('has-issue'))).toBe(true);
    await sample.fill(goodSample);
    await expect.poll(() => nodeCard('source.manual').evaluate((el) => el.classList.contains('has-issue'))).toBe(false);

    // The model list is cached by now (the provider's next answer is scripted for the chat call).
    await nodeCard('llm.chat').click();
    await page.getByText(/models? available/).waitFor();
    fake.enqueue(openAIResponses.invalidKey());
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const banner = page.getByTestId('run-banner');
    await expect.poll(() => banner.getAttribute('data-status'), { timeout: 60_000, interval: 500 }).toBe('failed');
    await expect.poll(() => nodeCard('llm.chat').getAttribute('data-status')).toBe('failed');
    // The banner's error opens the failing node; its error names the fix and links to it.
    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    await banner.locator('.run-banner-error').click();
    const nodeError = page.getByTestId('node-inspector').getByTestId('node-error');
    await nodeError.waitFor();
    expect(await nodeError.textContent()).toMatch(/rejected \(401\)/);
    const fixLink = page.getByTestId('node-inspector').getByRole('link', { name: 'Update API key' });
    expect(await fixLink.getAttribute('href')).toMatch(/^\/settings\/connections\?edit=.+&focus=apiKey$/);
    await shot('17-editor-node-failed');

    // The provider answers again (as after a fixed key): Resume reuses the input node's output.
    await banner.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => banner.getAttribute('data-status'), { timeout: 60_000, interval: 500 }).toBe('succeeded');
    await banner.getByRole('link', { name: 'Details' }).click();
    await page.getByText('Resumed from').waitFor();
    await expect
      .poll(() => page.locator('[data-testid="run-node"][data-status="succeeded"]').count())
      .toBe(await page.getByTestId('run-node').count());
    expect(await page.locator(`[data-testid="run-node"][data-node-id="${manualId}"]`).getByText('reused', { exact: true }).count()).toBe(1);
    await shot('18-run-resumed');
  }, 120_000);

  it('shows a 422 from the server on the offending node', async () => {
    onTestFailed(() => shot('failed-422').then(() => undefined));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bots' }).click();
    await page.getByTestId('bot-card').first().waitFor();
    await shot('15-bots-list');
    await page.getByTestId('bot-card').first().click();
    await nodeCard('llm.chat').click();
    const chatId = await nodeIdOf('llm.chat');
    // An empty prompt is refused by llm.chat's params schema.
    await page.locator(`#param-${chatId}-prompt`).fill('');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('issues').waitFor();
    await expect.poll(() => nodeCard('llm.chat').evaluate((el) => el.classList.contains('has-issue'))).toBe(true);
    await shot('14-editor-422');
  }, 60_000);

  it('logged nothing alarming in the browser console', () => {
    // 4xx answers (the signed-out /api/me, the 422 above) are logged by Chromium as failed resources.
    expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
