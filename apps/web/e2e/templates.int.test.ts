import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startAppWithFakeAndBrowser } from './app-under-test';
import { callApi, type ApiMethod } from './browser';

// A gallery template used from the UI: the real embedded server with its built-in gallery, this
// app's production build in Chromium, and the fake OpenAI of @bm/testing as the user's provider.
// The user has two OpenAI connections, so the slot is theirs to map; the bot made from the
// template runs and succeeds. Screenshots (1280×800, light and dark) of the gallery and the
// mapping dialog go to e2e/screenshots/ for a person to look at.

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shotsDir = path.join(webRoot, 'e2e/screenshots');
const VIEWPORT = { width: 1280, height: 800 };
/** A built-in template that needs one OpenAI-or-any connection and no network beyond the provider. */
const TEMPLATE_KEY = 'ticket-triage';

describe('templates in Chromium', () => {
  let suite: Awaited<ReturnType<typeof startAppWithFakeAndBrowser>>;
  let tmp: string;
  let fake: typeof suite.fake;
  let server: typeof suite.server;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    suite = await startAppWithFakeAndBrowser({ name: 'templates', key: 'sk-templates-e2e-1234', consoleErrors, viewport: VIEWPORT });
    ({ tmp, fake, server, page } = suite);
    mkdirSync(shotsDir, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await suite?.close();
  });

  /** The page as it is now, in light and in dark mode. */
  async function shots(name: string) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(300); // buttons fade their colours
      await page.screenshot({ path: path.join(shotsDir, `templates-${name}-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }
  const api = (method: ApiMethod, p: string, data?: unknown) => callApi(page, server.url, method, p, data);

  it('uses a gallery template: maps its connection slot, creates the bot and runs it', async () => {
    onTestFailed(() => page.screenshot({ path: path.join(shotsDir, 'templates-failed.png') }).then(() => undefined));

    // Sign up in the UI; two connections to the fake OpenAI through the API (the connection form
    // has its own test), so the template's slot has a real choice.
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('Name').fill('Tess Template');
    await page.getByLabel('Email').fill('tess@example.com');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Build your first bot').waitFor();
    for (const name of ['Team OpenAI', 'Spare OpenAI']) {
      const conn = await api('POST', '/api/llm-connections', {
        provider: 'openai',
        name,
        apiKey: 'sk-templates-e2e-1234',
        baseUrl: fake.url,
        modelDefault: 'fake-model-1',
      });
      expect(conn.status).toBe(201);
    }

    // The gallery: built-in templates with search and categories.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click();
    const gallery = page.getByTestId('template-gallery');
    await gallery.waitFor();
    await expect.poll(() => page.getByTestId('template-card').count()).toBeGreaterThanOrEqual(10);
    await shots('gallery');
    const card = page.locator(`[data-testid="template-card"][data-template="${TEMPLATE_KEY}"]`);
    const name = (await card.locator('h3').textContent())!;
    await page.getByRole('searchbox').fill(name.split(' ')[0]!);
    await expect.poll(() => page.getByTestId('template-card').count()).toBeLessThan(10);
    expect(await card.isVisible()).toBe(true);
    expect(await card.getByTestId('template-scope').textContent()).toBe('Built-in');

    // A read-only preview of its graph.
    await card.getByRole('button', { name: `Preview ${name}` }).click();
    const preview = page.getByTestId('graph-preview');
    await preview.locator('.bot-node').first().waitFor();
    expect(await preview.locator('.react-flow__node[draggable="true"]').count()).toBe(0);
    await shots('preview');
    await page.getByRole('dialog').getByRole('button', { name: 'Use template' }).click();

    // The mapping dialog: two OpenAI connections fit, so nothing is chosen for the user yet.
    const dialog = page.getByTestId('use-template-dialog');
    await dialog.waitFor();
    const slot = dialog.getByTestId('slot-field').first();
    const picker = slot.locator('select');
    expect(await picker.inputValue()).toBe('');
    expect(await page.getByRole('button', { name: 'Create bot' }).isDisabled()).toBe(true);
    await shots('mapping');
    await picker.selectOption({ label: 'Team OpenAI · fake-model-1' });
    await page.getByLabel('Bot name').fill('Triage from the gallery');
    await page.getByRole('button', { name: 'Create bot' }).click();

    // The new bot opens in the editor and runs with the template's sample input (shown in its preview).
    await page.waitForURL(/\/bots\/[^/]+$/);
    await page.locator('.bot-node').first().waitFor();
    expect(await page.locator('.crumbs .name').textContent()).toBe('Triage from the gallery');
    const { body } = await api('GET', '/api/templates');
    const sample = body.templates.find((x: { builtinKey: string | null }) => x.builtinKey === TEMPLATE_KEY).sampleInput;
    await page.getByRole('button', { name: 'Run with input…' }).click();
    await page.getByLabel('Input (JSON)').fill(JSON.stringify(sample, null, 2));
    await page.getByRole('dialog').getByRole('button', { name: 'Run', exact: true }).click();
    const banner = page.getByTestId('run-banner');
    await expect.poll(() => banner.getAttribute('data-status'), { timeout: 60_000, interval: 500 }).toBe('succeeded');
    expect(fake.requests.length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shotsDir, 'templates-run-light.png') });
  }, 180_000);

  it('exports the bot, publishes it to the workspace gallery, duplicates it and imports the export', async () => {
    onTestFailed(() => page.screenshot({ path: path.join(shotsDir, 'templates-failed-2.png') }).then(() => undefined));
    // Export: the editor menu downloads the bot as our JSON document, with no connection id in it.
    await page.getByRole('button', { name: 'More bot actions' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Export as JSON' }).click()]);
    expect(download.suggestedFilename()).toBe('triage-from-the-gallery.bot.json');
    const file = path.join(tmp, 'export.bot.json');
    await download.saveAs(file);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect([doc.format, doc.version, doc.bot.name]).toEqual(['bot-manager/bot', 1, 'Triage from the gallery']);
    expect(JSON.stringify(doc)).not.toMatch(/conn_|llmConnectionId"\s*:\s*"/);

    // Publish: an installation admin (the first user) may choose the scope; this one stays in the workspace.
    await page.getByRole('button', { name: 'More bot actions' }).click();
    await page.getByRole('menuitem', { name: 'Publish as template…' }).click();
    const publish = page.getByTestId('publish-template');
    await publish.getByText('Installation', { exact: true }).waitFor();
    await page.getByLabel('Template name').fill('Our triage');
    await page.getByLabel('Category').fill('Support desk');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText("Published “Our triage” to this workspace's templates.").waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click();
    const ours = page.getByTestId('template-card').filter({ hasText: 'Our triage' });
    await ours.waitFor();
    expect(await ours.getByTestId('template-scope').textContent()).toBe('Workspace');
    expect(await ours.textContent()).toContain('Support desk');

    // Duplicate, on the bots list.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bots' }).click();
    await page.getByRole('button', { name: 'Duplicate Triage from the gallery' }).click();
    await expect.poll(() => page.getByTestId('bot-card').count()).toBe(2);

    // Import the exported file: its slot is mapped again, and the bot opens.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByTestId('import-file-name').waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    const mapping = page.getByTestId('import-mapping');
    await mapping.waitFor();
    expect(await mapping.getAttribute('data-kind')).toBe('bot');
    await mapping.locator('select').first().selectOption({ label: 'Spare OpenAI · fake-model-1' });
    await page.getByLabel('Bot name').fill('Imported triage');
    await page.getByRole('button', { name: 'Import bot' }).click();
    await page.waitForURL(/\/bots\/[^/]+$/);
    await expect.poll(() => page.locator('.crumbs .name').textContent()).toBe('Imported triage');
    const bots = (await api('GET', '/api/bots')).body.bots.map((b: { name: string }) => b.name).sort();
    expect(bots).toEqual(['Imported triage', 'Triage from the gallery', 'Triage from the gallery (copy)']);

    // Unpublish the workspace template from its preview; the built-ins offer no such button.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click();
    await ours.getByRole('button', { name: 'Preview Our triage' }).click();
    await page.getByRole('button', { name: 'Unpublish', exact: true }).click();
    await page.getByRole('button', { name: 'Unpublish it' }).click();
    await expect.poll(() => ours.count()).toBe(0);
    await page
      .locator(`[data-testid="template-card"][data-template="${TEMPLATE_KEY}"]`)
      .getByRole('button', { name: /^Preview / })
      .click();
    await page.getByTestId('graph-preview').waitFor();
    expect(await page.getByRole('button', { name: 'Unpublish', exact: true }).count()).toBe(0);
  }, 120_000);

  it('logged nothing alarming in the browser console', () => {
    // The sign-up page asks who is signed in first (a 401 before sign-up is how it learns "nobody").
    expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
