import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startAppUnderTest } from './app-under-test';
import { openBrowser, callApi, type ApiMethod } from './browser';

// Safe saves and version history as a user meets them, in the real app and Chromium: two tabs edit
// one bot, the second save gets the conflict dialog (its difference on the canvas, then "keep
// mine"), the earlier version is still in the history, a version is restored and named, and a
// run links to the version it ran. Screenshots at 1280×800, light and dark.

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shotsDir = path.join(webRoot, 'e2e/screenshots');

type Graph = { nodes: { id: string; type: string }[] };

describe('versions in Chromium', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'bm-web-versions-'));
  let server: Awaited<ReturnType<typeof startAppUnderTest>>;
  let context: BrowserContext;
  let tabA: Page;
  let tabB: Page;
  let botId: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await startAppUnderTest({ tmp, name: 'versions' });
    mkdirSync(shotsDir, { recursive: true });
    ({ context, page: tabA } = await openBrowser(path.join(tmp, 'chromium-profile'), consoleErrors, {
      viewport: { width: 1280, height: 800 },
    }));
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  // The browser's own session: page.request shares the context's cookies.
  const api = (method: ApiMethod, p: string, data?: unknown) => callApi(tabA, server.url, method, p, data);
  const nodeIds = (g: Graph) => g.nodes.map((n) => n.type).sort();
  async function shots(page: Page, name: string) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(300); // buttons fade their colours
      await page.screenshot({ path: path.join(shotsDir, `${name}-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }
  const save = async (page: Page) => {
    await page.getByRole('button', { name: 'Save', exact: true }).click();
  };

  it('gives the second of two tabs the conflict dialog, and "keep mine" saves a new version without losing the first', async () => {
    onTestFailed(async () => {
      await tabA.screenshot({ path: path.join(shotsDir, 'failed-versions-conflict-a.png') });
      await tabB?.screenshot({ path: path.join(shotsDir, 'failed-versions-conflict.png') });
    });
    expect(
      (await api('POST', '/api/auth/signup', { email: 'vera@example.com', password: 'correct horse battery', name: 'Vera' })).status,
    ).toBe(201);
    const created = await api('POST', '/api/bots', {
      name: 'Versioned digest',
      graph: {
        nodes: [
          { id: 'in', type: 'source.manual', params: { sample: '{"topic":"tea"}' }, position: { x: 0, y: 0 } },
          {
            id: 'format',
            type: 'transform.template',
            label: 'Format',
            params: { template: 'About {{ input.topic }}' },
            position: { x: 640, y: 0 },
          },
        ],
        edges: [{ id: 'e1', source: 'in', target: 'format' }],
      },
    });
    expect(created.status).toBe(201);
    botId = created.body.id;

    tabB = await context.newPage();
    for (const tab of [tabA, tabB]) {
      await tab.goto(`${server.url}/bots/${botId}`);
      await tab.locator('.bot-node').nth(1).waitFor();
    }
    // Tab B starts an edit (a merge node after the manual input) and does not save yet.
    await tabB.locator('.bot-node[data-node-type="source.manual"]').click();
    await tabB.locator('.palette-item[data-node-type="transform.merge"]').click();
    await tabB.getByTestId('save-state').getByText('Unsaved changes').waitFor();
    // Tab A adds a Split node and saves: version 2.
    await tabA.bringToFront();
    // After the Format node (selected), so the two new nodes do not overlap in the diff.
    await tabA.locator('.bot-node[data-node-type="transform.template"]').click();
    await tabA.locator('.palette-item[data-node-type="transform.split"]').click();
    await save(tabA);
    await tabA.getByTestId('save-state').getByText('All changes saved').waitFor();
    expect((await api('GET', `/api/bots/${botId}`)).body.version).toBe(2);

    // Tab B saves, based on version 1: refused, and the dialog says what happened.
    await tabB.bringToFront();
    await save(tabB);
    const dialog = tabB.getByTestId('conflict-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('saved as version 2');
    await shots(tabB, '20-version-conflict');
    // Nothing of tab B's was written.
    expect(nodeIds((await api('GET', `/api/bots/${botId}`)).body.graph)).toEqual([
      'source.manual',
      'transform.split',
      'transform.template',
    ]);

    // The difference, on the canvas: A's node would go (red), B's would come (green).
    await tabB.getByRole('button', { name: /See the difference/ }).click();
    const diff = tabB.getByTestId('version-canvas');
    await diff.waitFor();
    await diff.locator('.react-flow__node.diff-removed .bot-node[data-node-type="transform.split"]').waitFor();
    await diff.locator('.react-flow__node.diff-added .bot-node[data-node-type="transform.merge"]').waitFor();
    const changes = await tabB.getByTestId('version-changes').textContent();
    expect(changes).toContain('Merge');
    expect(changes).toContain('Split');
    await shots(tabB, '21-version-conflict-diff');

    // Keep mine: version 3 is tab B's graph; version 2 (with A's node) is still in the history.
    await tabB.getByRole('button', { name: 'Keep mine as a new version' }).click();
    await tabB.getByTestId('save-state').getByText('All changes saved').waitFor();
    await tabB.getByTestId('canvas').waitFor();
    const bot = (await api('GET', `/api/bots/${botId}`)).body;
    expect(bot.version).toBe(3);
    expect(nodeIds(bot.graph)).toEqual(['source.manual', 'transform.merge', 'transform.template']);
    const v2 = (await api('GET', `/api/bots/${botId}/versions/2`)).body;
    expect(nodeIds(v2.graph)).toContain('transform.split');
    const list = (await api('GET', `/api/bots/${botId}/versions`)).body.versions as { version: number }[];
    expect(list.map((v) => v.version)).toEqual([3, 2, 1]);
  }, 240_000);

  it('lists the history, shows a version and its diff, restores it and names it', async () => {
    onTestFailed(() => tabB?.screenshot({ path: path.join(shotsDir, 'failed-versions-history.png') }).then(() => undefined));
    const page = tabB;
    await page.getByTestId('history-button').click();
    const panel = page.getByTestId('history-panel');
    const item = (v: number) => panel.locator(`.history-item[data-version="${v}"]`);
    await item(3).waitFor();
    expect(await item(3).textContent()).toContain('Current');
    expect(await item(3).textContent()).toContain('Vera');
    expect(await item(2).textContent()).toContain('Added');
    expect(await item(1).textContent()).toContain('Created the bot');

    // Version 2 against the document: its Split node is gone now (red), the merge is new (green).
    await item(2).getByRole('button', { name: 'Compare' }).click();
    await page.locator('.react-flow__node.diff-removed .bot-node[data-node-type="transform.split"]').waitFor();
    await page.locator('.react-flow__node.diff-added .bot-node[data-node-type="transform.merge"]').waitFor();
    await shots(page, '22-version-history-diff');
    // Version 1 read-only: two nodes, no marks.
    await item(1).getByRole('button', { name: 'Open' }).click();
    await page.getByText('Version 1 (read-only)').waitFor();
    await expect.poll(() => page.getByTestId('version-canvas').locator('.bot-node').count()).toBe(2);
    await shots(page, '23-version-history');
    await page.getByRole('button', { name: 'Back to editing' }).click();

    // Restore version 2: a new version 4 equal to it, on the canvas, and a history entry saying so.
    await item(2).getByRole('button', { name: 'Restore' }).click();
    await item(2).getByRole('alert').getByRole('button', { name: 'Restore' }).click();
    await page.locator('.bot-node[data-node-type="transform.split"]').waitFor();
    await item(4).waitFor();
    expect(await item(4).textContent()).toContain('Restored version 2');
    const bot = (await api('GET', `/api/bots/${botId}`)).body;
    expect(bot.version).toBe(4);
    expect(bot.graph).toEqual((await api('GET', `/api/bots/${botId}/versions/2`)).body.graph);

    // Name version 1.
    await item(1).getByRole('button', { name: 'Name' }).click();
    await item(1).getByLabel('Name of version 1').fill('First draft');
    await item(1).getByRole('button', { name: 'Save name' }).click();
    await item(1).getByText('First draft').waitFor();
    expect((await api('GET', `/api/bots/${botId}/versions/1`)).body.name).toBe('First draft');
  }, 240_000);

  it('links a run to the version it ran', async () => {
    onTestFailed(() => tabB?.screenshot({ path: path.join(shotsDir, 'failed-versions-run.png') }).then(() => undefined));
    const run = await api('POST', `/api/bots/${botId}/runs`, { input: { topic: 'tea' }, wait: 20 });
    expect([200, 202]).toContain(run.status);
    const page = tabB;
    await page.goto(`${server.url}/bots/${botId}/runs`);
    await page.getByTestId('run-version-link').first().click();
    await page.getByText('Version 4 (read-only)').waitFor();
    expect(page.url()).toContain('version=4');
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
