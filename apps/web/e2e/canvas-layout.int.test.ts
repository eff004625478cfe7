import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startAppWithFakeAndBrowser } from './app-under-test';
import { callApi, shotInBothSchemes, type ApiMethod } from './browser';

// The canvas's layout craft in Chromium against the real embedded server: a small bot opens at a
// readable zoom, a refused connection says why at the cursor, the "+" on an output adds a connected
// node, a palette item dropped on an edge goes into it, "Tidy up" spreads stacked nodes, and a
// sticky note is written in Markdown and saved with the graph (never as a bot node).

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shotsDir = path.join(webRoot, 'e2e/screenshots');

type Placed = { id: string; type: string; position: { x: number; y: number } };
type Wire = { source: string; target: string; sourceHandle?: string; targetHandle?: string };

describe('canvas layout: zoom, refused reason, "+", insert on edge, tidy up, sticky notes (Chromium)', () => {
  let suite: Awaited<ReturnType<typeof startAppWithFakeAndBrowser>>;
  let page: Page;
  let server: typeof suite.server;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    suite = await startAppWithFakeAndBrowser({ name: 'layout', key: 'sk-layout-e2e-1234', consoleErrors });
    ({ server, page } = suite);
    mkdirSync(shotsDir, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await suite?.close();
  });

  const shot = (name: string) => shotInBothSchemes(page, (scheme) => path.join(shotsDir, `${name}-${scheme}.png`));
  const api = (method: ApiMethod, p: string, data?: unknown) => callApi(page, server.url, method, p, data);
  const node = (id: string) => page.locator(`.bot-node[data-node-id="${id}"]`);
  const zoom = async () => {
    return page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
  };
  const save = async (botId: string, version: number) => {
    await page.keyboard.press('Control+s');
    await expect.poll(async () => (await api('GET', `/api/bots/${botId}`)).body.version, { timeout: 10_000 }).toBe(version);
    return (await api('GET', `/api/bots/${botId}`)).body.graph as { nodes: Placed[]; edges: Wire[]; notes?: unknown[] };
  };
  const wires = (g: { edges: Wire[] }) => g.edges.map((e) => `${e.source}>${e.target}`).sort();
  const template = (id: string, x: number, y: number) => ({
    id,
    type: 'transform.template',
    params: { template: 'hello' },
    position: { x, y },
  });

  it('opens a 4-node bot readable, says why a connection is refused, adds with "+" and inserts on an edge', async () => {
    onTestFailed(() => page.screenshot({ path: path.join(shotsDir, 'canvas-layout-failed.png') }).then(() => undefined));
    expect(
      (await api('POST', '/api/auth/signup', { email: 'lin@example.com', password: 'correct horse battery', name: 'Lin' })).status,
    ).toBe(201);
    // Wider than the canvas at 100 %: a plain fit would open it at ~60 %.
    const bot = await api('POST', '/api/bots', {
      name: 'Four in a row',
      graph: {
        nodes: [
          { id: 'in', type: 'source.manual', params: { sample: 'hi' }, position: { x: 0, y: 0 } },
          template('a', 360, 0),
          template('b', 720, 0),
          { id: 'out', type: 'output.results', params: { content: 'done' }, position: { x: 1080, y: 0 } },
        ],
        edges: [
          { id: 'e1', source: 'in', target: 'a', sourceHandle: 'out', targetHandle: 'in' },
          { id: 'e2', source: 'a', target: 'b', sourceHandle: 'out', targetHandle: 'in' },
          { id: 'e3', source: 'b', target: 'out', sourceHandle: 'out', targetHandle: 'in' },
        ],
      },
    });
    expect(bot.status, JSON.stringify(bot.body)).toBe(201);
    const botId = bot.body.id as string;
    await page.goto(`${server.url}/bots/${botId}`);
    await node('out').waitFor();
    await page.waitForTimeout(300);
    expect(await zoom()).toBeGreaterThanOrEqual(0.9);
    expect(await zoom()).toBeLessThanOrEqual(1);

    // b → a would close a loop: the reason shows next to the cursor while hovering a's input, and goes on release.
    const from = (await node('b').locator('.react-flow__handle.source[data-port="out"]').boundingBox())!;
    const to = (await node('a').locator('.react-flow__handle.target[data-port="in"]').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
    const reason = page.getByTestId('refused-reason');
    await expect.poll(() => reason.isVisible()).toBe(true);
    expect(await reason.getAttribute('role')).toBe('status');
    expect(await reason.innerText()).toContain('Bots run as a flow without loops.');
    await shot('canvas-refused-reason');
    await page.mouse.up();
    await expect.poll(() => reason.isVisible()).toBe(false);

    // "+" on a's output: the palette lists only what can take it (no trigger without inputs) and adds a connected node.
    await node('a').hover();
    await node('a').locator('.handle-plus[data-plus-port="out"]').click();
    const popover = page.getByTestId('insert-popover');
    await popover.waitFor();
    expect(await popover.locator('.palette-item[data-node-type="source.manual"]').count()).toBe(0);
    expect(await popover.locator('.palette-item[data-node-type="transform.merge"]').count()).toBe(1);
    await shot('canvas-plus-popover');
    await popover.locator('.palette-item[data-node-type="transform.merge"]').click();
    await expect.poll(() => page.locator('.bot-node[data-node-type="transform.merge"]').count()).toBe(1);
    expect(await popover.count()).toBe(0);

    // A palette item dropped onto the edge in → a goes into it: in → new → a.
    const edge = page.locator('.react-flow__edge[data-id="e1"] .react-flow__edge-path');
    const e = (await edge.boundingBox())!;
    const canvas = page.getByTestId('canvas');
    const c = (await canvas.boundingBox())!;
    await page
      .locator('.palette .palette-item[data-node-type="transform.merge"]')
      .first()
      .dragTo(canvas, {
        targetPosition: { x: e.x + e.width / 2 - c.x, y: e.y + e.height / 2 - c.y },
      });
    await expect.poll(() => page.locator('.bot-node[data-node-type="transform.merge"]').count()).toBe(2);
    await shot('canvas-inserted');

    const saved = await save(botId, 2);
    // The first Merge came from the "+", the second went into the edge in → a.
    expect(wires(saved)).toEqual(['a>merge', 'a>b', 'b>out', 'in>merge_2', 'merge_2>a'].sort());
    // The "+" put its node to the right of a, clear of b.
    const at = (id: string) => saved.nodes.find((n) => n.id === id)!.position;
    expect(at('merge').x).toBeGreaterThan(at('a').x + 232);
    expect(Math.abs(at('merge').y - at('b').y)).toBeGreaterThanOrEqual(72);
    expect(consoleErrors).toEqual([]);
  }, 120_000);

  it('tidies stacked nodes apart and saves a Markdown sticky note with the graph', async () => {
    onTestFailed(() => page.screenshot({ path: path.join(shotsDir, 'canvas-tidy-failed.png') }).then(() => undefined));
    const at0 = { x: 0, y: 0 };
    const bot = await api('POST', '/api/bots', {
      name: 'Stacked',
      graph: {
        nodes: [
          { id: 'in', type: 'source.manual', params: { sample: 'hi' }, position: at0 },
          template('left', 0, 0),
          template('right', 0, 0),
          { id: 'out', type: 'output.results', params: { content: 'done' }, position: at0 },
        ],
        edges: [
          { id: 'e1', source: 'in', target: 'left', sourceHandle: 'out', targetHandle: 'in' },
          { id: 'e2', source: 'in', target: 'right', sourceHandle: 'out', targetHandle: 'in' },
          { id: 'e3', source: 'left', target: 'out', sourceHandle: 'out', targetHandle: 'in' },
          { id: 'e4', source: 'right', target: 'out', sourceHandle: 'out', targetHandle: 'in' },
        ],
      },
    });
    expect(bot.status, JSON.stringify(bot.body)).toBe(201);
    const botId = bot.body.id as string;
    await page.goto(`${server.url}/bots/${botId}`);
    await node('out').waitFor();

    await page.getByTestId('tidy-up').click();
    await page.getByTestId('save-state').getByText('Unsaved changes').waitFor();
    const tidied = await save(botId, 2);
    const pos = (id: string) => tidied.nodes.find((n) => n.id === id)!.position;
    for (const w of tidied.edges) expect(pos(w.source).x + 232).toBeLessThan(pos(w.target).x);
    for (const a of tidied.nodes)
      for (const b of tidied.nodes)
        if (a.id < b.id) expect(Math.abs(a.position.x - b.position.x) >= 232 || Math.abs(a.position.y - b.position.y) >= 60).toBe(true);
    // One undo step takes the whole layout back.
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Control+z');
    await page.getByTestId('save-state').getByText('Unsaved changes').waitFor();
    await page.keyboard.press('Control+y');

    // A sticky note: added by its button, written in Markdown, shown rendered, saved in graph.notes.
    await page.getByTestId('add-note').click();
    const note = page.locator('.sticky-note');
    await note.waitFor();
    await note.dblclick();
    const editor = note.locator('textarea');
    await editor.fill('# Why this bot\nIt reads **both** branches.');
    await editor.press('Escape');
    await note.locator('h1', { hasText: 'Why this bot' }).waitFor();
    expect(await note.locator('strong').innerText()).toBe('both');
    expect(await page.locator('.bot-node').count()).toBe(4);
    await shot('canvas-tidy-note');
    const withNote = await save(botId, 3);
    expect(withNote.nodes).toHaveLength(4);
    expect(withNote.notes).toEqual([
      expect.objectContaining({ text: '# Why this bot\nIt reads **both** branches.', position: expect.any(Object) }),
    ]);
    // It comes back on reload, under the cards.
    await page.reload();
    await page.locator('.sticky-note h1', { hasText: 'Why this bot' }).waitFor();
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
