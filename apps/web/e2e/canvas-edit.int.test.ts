import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startAppWithFakeAndBrowser } from './app-under-test';
import { callApi, shotInBothSchemes, type ApiMethod } from './browser';

// Editing the canvas in Chromium against the real embedded server: copy two connected nodes in one
// bot and paste them into another (through the system clipboard: a full page load in between), with
// their edge and their reference remapped to the new id; select all + delete as one undo step; the
// right-click menu (keyboard too) duplicates and disables; the shortcuts sheet on `?`.

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shotsDir = path.join(webRoot, 'e2e/screenshots');
const at = (x: number, y: number) => ({ x, y });

describe('canvas editing (Chromium)', () => {
  let suite: Awaited<ReturnType<typeof startAppWithFakeAndBrowser>>;
  let page: Page;
  let server: typeof suite.server;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    suite = await startAppWithFakeAndBrowser({ name: 'canvas-edit', key: 'sk-canvas-edit-1234', consoleErrors });
    ({ server, page } = suite);
    await suite.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    mkdirSync(shotsDir, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await suite?.close();
  });

  const shot = (name: string) => shotInBothSchemes(page, (scheme) => path.join(shotsDir, `${name}-${scheme}.png`), 300);
  const api = (method: ApiMethod, p: string, data?: unknown) => callApi(page, server.url, method, p, data);
  const node = (id: string) => page.locator(`.bot-node[data-node-id="${id}"]`);
  const nodeIds = () => page.locator('.bot-node').evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id') ?? '').sort());
  const version = async (botId: string) => (await api('GET', `/api/bots/${botId}`)).body.version as number;
  const saveAndWait = async (botId: string, before: number) => {
    await page.keyboard.press('Control+s');
    await expect.poll(() => version(botId), { timeout: 10_000 }).toBe(before + 1);
    return (await api('GET', `/api/bots/${botId}`)).body.graph;
  };
  /** A spot of empty canvas, away from the nodes and the panels over the canvas. */
  const pane = () => page.locator('.react-flow__pane');
  const emptySpot = async () => {
    const box = (await pane().boundingBox())!;
    return { x: box.x + 40, y: box.y + 40 };
  };
  /** Where the paste goes: below the nodes the target bot has. */
  const pasteSpot = async () => {
    const box = (await pane().boundingBox())!;
    return { x: box.x + box.width * 0.5, y: box.y + box.height - 120 };
  };

  let botA = '';
  let botB = '';

  it('copies two connected nodes of one bot and pastes them into another, remapping their edge and reference', async () => {
    onTestFailed(() => page.screenshot({ path: path.join(shotsDir, 'canvas-edit-failed.png') }).then(() => undefined));
    expect(
      (await api('POST', '/api/auth/signup', { email: 'grace@example.com', password: 'correct horse battery', name: 'Grace' })).status,
    ).toBe(201);
    const a = await api('POST', '/api/bots', {
      name: 'Source bot',
      graph: {
        nodes: [
          { id: 'in', type: 'source.manual', params: { sample: '{"name":"Ann"}' }, position: at(0, 0) },
          { id: 'greet', type: 'transform.template', label: 'Greet', params: { template: 'Hi {{ input.name }}' }, position: at(300, 0) },
          {
            id: 'shout',
            type: 'transform.template',
            label: 'Shout',
            params: { template: 'Loud: {{ nodes.greet.output }}' },
            position: at(600, 0),
          },
        ],
        edges: [
          { id: 'e1', source: 'in', target: 'greet' },
          { id: 'e2', source: 'greet', target: 'shout' },
        ],
      },
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    botA = a.body.id;
    // Bot B already has a node called `greet` and one called `in`: the pasted `greet` needs a new id.
    const b = await api('POST', '/api/bots', {
      name: 'Target bot',
      graph: {
        nodes: [
          { id: 'in', type: 'source.manual', params: {}, position: at(0, 0) },
          { id: 'greet', type: 'transform.template', params: { template: 'Hello' }, position: at(300, 0) },
        ],
        edges: [{ id: 'e1', source: 'in', target: 'greet' }],
      },
    });
    expect(b.status).toBe(201);
    botB = b.body.id;

    await page.goto(`${server.url}/bots/${botA}`);
    await node('shout').waitFor();
    await node('greet').click();
    await node('shout').click({ modifiers: ['Control'] });
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(2);
    await page.keyboard.press('Control+c');
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied).toMatchObject({ format: 'bot-manager/nodes', version: 1 });
    expect(copied.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['greet', 'shout']);
    expect(copied.edges).toEqual([{ source: 'greet', target: 'shout', sourceHandle: null, targetHandle: null }]);

    // Another bot, after a full page load: only the system clipboard still has the nodes.
    await page.goto(`${server.url}/bots/${botB}`);
    await node('greet').waitFor();
    const spot = await pasteSpot();
    await page.mouse.click(spot.x, spot.y);
    await page.keyboard.press('Control+v');
    await expect.poll(nodeIds).toEqual(['greet', 'greet_2', 'in', 'shout']);
    // The pasted nodes are the selection, placed where the pointer is.
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(2);
    const pasted = (await node('greet_2').boundingBox())!;
    expect(Math.abs(pasted.x - spot.x)).toBeLessThan(40);

    const graph = await saveAndWait(botB, 1);
    const byId = Object.fromEntries(graph.nodes.map((n: { id: string }) => [n.id, n]));
    expect(byId.greet_2).toMatchObject({ type: 'transform.template', label: 'Greet', params: { template: 'Hi {{ input.name }}' } });
    // Its reference to the pasted node follows the new id (references to nodes left behind stay: unit-tested).
    expect(byId.shout.params.template).toBe('Loud: {{ nodes.greet_2.output }}');
    expect(graph.edges.filter((e: { source: string; target: string }) => e.source === 'greet_2' && e.target === 'shout')).toHaveLength(1);
    expect(graph.edges).toHaveLength(2);
  });

  it('selects every node with Ctrl+A and deletes them in one undo step', async () => {
    const spot = await emptySpot();
    await page.mouse.click(spot.x, spot.y);
    await page.keyboard.press('Control+a');
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(4);
    await page.keyboard.press('Delete');
    await expect.poll(nodeIds).toEqual([]);
    await page.keyboard.press('Control+z');
    await expect.poll(nodeIds).toEqual(['greet', 'greet_2', 'in', 'shout']);
    expect(await page.locator('[data-testid="save-state"]').innerText()).not.toMatch(/unsaved/i);
  });

  it('duplicates and disables from the context menu, by mouse and by keyboard', async () => {
    // Right-clicking a node outside the selection selects it alone (inside, the selection stays).
    const spot = await emptySpot();
    await page.mouse.click(spot.x, spot.y);
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(0);
    await node('greet').click({ button: 'right' });
    const menu = page.locator('[data-testid="canvas-menu"]');
    await menu.waitFor();
    const texts = await menu.locator('[role="menuitem"]').allInnerTexts();
    expect(texts.map((x) => x.replace(/\s+/g, ' ').trim())).toEqual([
      'Copy Ctrl+C',
      'Cut Ctrl+X',
      'Duplicate Ctrl+D',
      'Pin output',
      'Run from here',
      'Disable D',
      'Delete Del',
    ]);
    // The first item has focus; the arrows move it; the shot shows it in both themes.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-item'))).toBe('copy');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-item'))).toBe('duplicate');
    await shot('canvas-edit-menu');
    await page.keyboard.press('Enter');
    await expect.poll(() => menu.count()).toBe(0);
    await expect.poll(async () => (await nodeIds()).length).toBe(5);
    const copyId = (await nodeIds()).find((id) => !['greet', 'greet_2', 'in', 'shout'].includes(id));
    // A node without a label takes its id from its type's title.
    expect(copyId).toBe('text_template');

    // From the keyboard: Shift+F10 on the focused node opens its menu, Escape closes it.
    await node('greet_2').click();
    await node('greet_2').locator('xpath=..').focus();
    await page.keyboard.press('Shift+F10');
    await menu.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);

    await node('greet_2').click({ button: 'right' });
    await menu.locator('[data-item="disable"]').click();
    await expect.poll(() => node('greet_2').getAttribute('class')).toContain('node-disabled');
    expect(await node('greet_2').locator('[data-testid="disabled-badge"]').innerText()).toBe('Disabled');
    await shot('canvas-edit-disabled');

    const graph = await saveAndWait(botB, 2);
    const byId = Object.fromEntries(graph.nodes.map((n: { id: string }) => [n.id, n]));
    expect(byId.greet_2.disabled).toBe(true);
    expect(byId.text_template.params).toEqual(byId.greet.params);
    expect(byId.greet.disabled).toBeUndefined();

    // D on the selected node enables it again.
    await node('greet_2').click();
    await page.keyboard.press('d');
    await expect.poll(() => node('greet_2').getAttribute('class')).not.toContain('node-disabled');
  });

  it('lists every shortcut on ?, for this platform', async () => {
    const spot = await emptySpot();
    await page.mouse.click(spot.x, spot.y);
    await page.keyboard.press('Shift+Slash');
    const sheet = page.locator('[data-testid="shortcuts-sheet"]');
    await sheet.waitFor();
    expect(await sheet.locator('tr[data-shortcut="duplicate"]').innerText()).toMatch(/Duplicate.*Ctrl\+D/s);
    expect(await sheet.locator('tr[data-shortcut]').count()).toBeGreaterThanOrEqual(12);
    await shot('canvas-edit-shortcuts');
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
