// Typing latency in an expression field on a 1 000-node graph, in Chromium against the real app
// (the production build on the embedded server). Prints numbers; asserts nothing.
//   source /work/wt/test-env.sh (or have a Temporal dev server), then
//   pnpm --filter @bm/web exec tsx e2e/typing-latency.bench.ts
// Each key: from keydown to after the frame that shows it (requestAnimationFrame, then a task).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAppUnderTest } from './app-under-test';
import { openBrowser } from './browser';

const NODES = 1000;
const COLUMNS = 40;
const TEXT = ' and then {{ nodes.n998.output }} again';

const tmp = mkdtempSync(path.join(tmpdir(), 'bm-web-typing-'));
const server = await startAppUnderTest({ tmp, name: 'typing', env: { BOT_MANAGER_MAX_NODES: String(NODES * 2) } });
const errors: string[] = [];
const { context, page } = await openBrowser(path.join(tmp, 'chromium-profile'), errors, { viewport: { width: 1280, height: 800 } });
try {
  const api = async (p: string, data: unknown) => {
    const res = await page.request.fetch(server.url + p, { method: 'POST', data, headers: { 'content-type': 'application/json' } });
    if (!res.ok()) throw new Error(`${p}: ${res.status()} ${await res.text()}`);
    return res.json();
  };
  await api('/api/auth/signup', { email: 'bench@example.com', password: 'correct horse battery', name: 'Bench' });
  // A chain: a manual source, then templates each reading the one before (so the last has 999 upstream nodes).
  const nodes = Array.from({ length: NODES }, (_, i) => ({
    id: `n${i}`,
    type: i === 0 ? 'source.manual' : 'transform.template',
    params: i === 0 ? { sample: { topic: 'tea' } } : { template: `step ${i}: {{ nodes.n${i - 1}.output }}` },
    position: { x: (i % COLUMNS) * 260, y: Math.floor(i / COLUMNS) * 140 },
  }));
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: `n${i}`, target: n.id }));
  const bot = await api('/api/bots', { name: 'Big', graph: { nodes, edges } });

  const load0 = Date.now();
  await page.goto(`${server.url}/bots/${bot.id}`);
  await page.locator('.bot-node').first().waitFor({ timeout: 60_000 });
  const loadMs = Date.now() - load0;
  await page.locator(`.bot-node[data-node-id="n${NODES - 1}"]`).click();
  const field = page.locator(`#param-n${NODES - 1}-template`);
  const focus0 = Date.now();
  await field.click();
  await page.getByTestId('data-tree').waitFor();
  const openMs = Date.now() - focus0;
  await field.press('End');

  const measure = async (label: string) => {
    await page.evaluate(() => {
      const w = window as unknown as { __lat: number[]; __on?: boolean };
      w.__lat = [];
      if (w.__on) return;
      w.__on = true;
      document.addEventListener(
        'keydown',
        () => {
          const t0 = performance.now();
          requestAnimationFrame(() => setTimeout(() => w.__lat.push(performance.now() - t0), 0));
        },
        true,
      );
    });
    await page.keyboard.type(TEXT, { delay: 60 });
    await page.waitForTimeout(300);
    const lat = (await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat)).sort((a, b) => a - b);
    const at = (q: number) => lat[Math.min(lat.length - 1, Math.floor(q * lat.length))]!.toFixed(1);
    return { label, keys: lat.length, p50: at(0.5), p95: at(0.95), max: lat[lat.length - 1]!.toFixed(1) };
  };
  const withTree = await measure('expression field, data tree open (999 upstream nodes)');
  await field.press('Escape'); // closes the tree; the preview stays
  const withoutTree = await measure('expression field, data tree closed');
  const value = await field.inputValue();
  if (!value.endsWith(TEXT + TEXT)) throw new Error(`typed text did not arrive: …${value.slice(-80)}`);
  // The baseline: the node's name (a plain input; each key updates the store and the canvas too).
  const name = page.getByLabel('Node name (shown on the canvas)');
  await name.click();
  const plain = await measure('node name (plain input, no expression editor), same graph');
  console.log(
    JSON.stringify(
      { nodes: NODES, loadMs, openTreeMs: openMs, results: [withTree, withoutTree, plain], consoleErrors: errors.length },
      null,
      2,
    ),
  );
} finally {
  await context.close();
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
}
