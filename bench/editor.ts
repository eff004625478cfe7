// The editor at 1 000 and 2 000 nodes, in Debian's Chromium against the real app (the production
// build on the embedded server), with a 20-node graph measured in the same run as the baseline.
//   source /work/wt/test-env.sh (or have a Temporal dev server), then
//   pnpm --filter @bm/bench editor
//   BENCH_EDITOR_SIZES=20,1000,2000  BENCH_REPEATS=1  BENCH_EDITOR_PROFILE=dir (CPU profiles of the
//   largest graph's typing and drag, for `pnpm --filter @bm/bench profile`)
// For each size, at 1440×900 with the whole graph fitted into view:
// - first render: from navigation start to the frame in which every node card is on the page,
//   measured and shown (React Flow hides a card until it has measured it) and every edge is drawn;
// - typing: per key, keydown → after the next frame (requestAnimationFrame, then a task), in a
//   template's expression field with the data tree open and closed, and in the node-name input;
// - drag: mouse down on a card, 60 moves, mouse up; the time between animation frames meanwhile.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { machine, ratio, table, writeResult } from './lib/report';
import { benchGraph } from './lib/editor-graph';
import { startWebApp } from './lib/web-app';

const sizes = (process.env.BENCH_EDITOR_SIZES ?? '20,1000,2000').split(',').map(Number);
const repeats = Number(process.env.BENCH_REPEATS ?? 1);
const profileDir = process.env.BENCH_EDITOR_PROFILE;
const VIEWPORT = { width: 1440, height: 900 };
const TEXT = ' and then {{ input }} again';

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 10) / 10;
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: at(1) };
};

async function firstRender(page: Page, url: string, n: number, edges: number) {
  await page.goto(url);
  // Polled every frame, so the time is the frame in which the last card became visible and the last
  // edge was drawn (React Flow draws an edge once it has measured the handles at both ends).
  const handle = await page.waitForFunction(
    ([count, edgeCount]) => {
      const cards = document.querySelectorAll('.react-flow__node');
      if (cards.length !== count || document.querySelectorAll('.bot-node').length !== count) return false;
      if (document.querySelectorAll('.react-flow__edge').length !== edgeCount) return false;
      for (const c of cards) if ((c as HTMLElement).style.visibility === 'hidden') return false;
      return performance.now();
    },
    [n, edges] as const,
    { polling: 'raf', timeout: 120_000 },
  );
  const ms = (await handle.jsonValue()) as number;
  // When the bot itself had arrived: what is left is the editor's own work (the rest is loading the app).
  const dataMs = await page.evaluate(() => {
    const bot = performance.getEntriesByType('resource').find((e) => /\/api\/bots\/[^/?]+$/.test(new URL(e.name).pathname));
    return bot ? (bot as PerformanceResourceTiming).responseEnd : NaN;
  });
  // fitView runs once the cards are measured: wait for it to settle, then check that all are in view.
  await page.waitForTimeout(500);
  const inView = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    let outside = 0;
    for (const c of document.querySelectorAll('.react-flow__node')) {
      const r = c.getBoundingClientRect();
      if (r.left < pane.left - 1 || r.right > pane.right + 1 || r.top < pane.top - 1 || r.bottom > pane.bottom + 1) outside++;
    }
    const zoom = /scale\(([\d.]+)\)/.exec((document.querySelector('.react-flow__viewport') as HTMLElement).style.transform)?.[1];
    return { outside, zoom: Number(zoom) };
  });
  return { ms: Math.round(ms), afterDataMs: Math.round(ms - dataMs), ...inView };
}

async function typeAndMeasure(page: Page, text: string) {
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
  await page.keyboard.type(text, { delay: 60 });
  await page.waitForTimeout(300);
  return stats(await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat));
}

async function typing(page: Page, nodeId: string) {
  // Select the node from the canvas, as a user would: the inspector opens it.
  await page.locator(`.bot-node[data-node-id="${nodeId}"]`).click({ force: true });
  const field = page.locator(`#param-${nodeId}-template`);
  await field.click();
  await page.getByTestId('data-tree').waitFor();
  await field.press('End');
  const withTree = await typeAndMeasure(page, TEXT);
  await field.press('Escape'); // closes the data tree; the preview stays
  const field2 = await typeAndMeasure(page, TEXT);
  const value = await field.inputValue();
  if (!value.endsWith(TEXT + TEXT)) throw new Error(`typed text did not arrive: …${value.slice(-80)}`);
  await page.getByLabel('Node name (shown on the canvas)').click();
  const name = await typeAndMeasure(page, ' renamed');
  return { expressionFieldTreeOpen: withTree, expressionField: field2, nodeName: name };
}

async function drag(page: Page, nodeId: string) {
  const card = page.locator(`.react-flow__node[data-id="${nodeId}"]`);
  const before = (await card.boundingBox())!;
  const x = before.x + before.width / 2;
  const y = before.y + Math.min(8, before.height / 2);
  await page.mouse.move(x, y);
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__frames = [];
    w.__stop = false;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  });
  await page.mouse.down();
  await page.mouse.move(x + 240, y + 120, { steps: 60 });
  await page.mouse.up();
  const frames = await page.evaluate(async () => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    w.__stop = true;
    return w.__frames;
  });
  const after = (await card.boundingBox())!;
  if (Math.abs(after.x - before.x) < 5) throw new Error(`the drag did not move ${nodeId}`);
  return stats(frames);
}

async function withProfile<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  if (!profileDir) return fn();
  const cdp = await page.context().newCDPSession(page);
  // A JS CPU profile and a timeline trace (style, layout, paint are not JS: the profile calls them "(program)").
  const trace: unknown[] = [];
  cdp.on('Tracing.dataCollected', (e) => trace.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('Tracing.end');
    await done;
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(path.join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
    writeFileSync(path.join(profileDir, `${name}.trace.json`), JSON.stringify({ traceEvents: trace }));
    await cdp.detach();
  }
}

const maxNodes = Math.max(...sizes);
const NOWHERE = '127.0.0.1:9';
const app = await startWebApp({
  env: { BOT_MANAGER_MAX_NODES: String(Math.max(maxNodes, 2000)), BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: NOWHERE },
  viewport: VIEWPORT,
});
type Row = {
  nodes: number;
  repeat: number;
  renderMs: number;
  renderAfterDataMs: number;
  zoom: number;
  outsideView: number;
  typing: Awaited<ReturnType<typeof typing>>;
  drag: Awaited<ReturnType<typeof drag>>;
};
const rows: Row[] = [];
try {
  const api = async (p: string, data: unknown) => {
    const res = await app.page.request.fetch(app.url + p, { method: 'POST', data, headers: { 'content-type': 'application/json' } });
    if (!res.ok()) throw new Error(`${p}: ${res.status()} ${await res.text()}`);
    return res.json();
  };
  await api('/api/auth/signup', { email: 'bench@example.com', password: 'correct horse battery', name: 'Bench' });
  // The llm.chat nodes need a connection to be saved; nothing here runs them, so it points nowhere.
  const connection = await api('/api/llm-connections', {
    provider: 'other',
    name: 'Nowhere',
    apiKey: 'sk-bench-key',
    baseUrl: `http://${NOWHERE}/v1`,
    modelDefault: 'fake-1',
  });
  const bots = new Map<number, { id: string; typingNode: string; dragNode: string; edges: number }>();
  for (const n of sizes) {
    const { nodes, edges, typingNode } = benchGraph(n);
    const bot = await api('/api/bots', { name: `Editor bench ${n}`, llmConnectionId: connection.id, graph: { nodes, edges } });
    bots.set(n, { id: bot.id, typingNode, dragNode: `n${Math.floor(n / 2)}`, edges: edges.length });
  }
  for (let r = 0; r < repeats; r++) {
    for (const n of sizes) {
      const bot = bots.get(n)!;
      const page = await app.context.newPage();
      page.setDefaultTimeout(120_000);
      try {
        const render = await firstRender(page, `${app.url}/bots/${bot.id}`, n, bot.edges);
        const big = n === maxNodes && r === 0;
        const d = await (big ? withProfile(page, `drag-${n}`, () => drag(page, bot.dragNode)) : drag(page, bot.dragNode));
        const t = await (big ? withProfile(page, `typing-${n}`, () => typing(page, bot.typingNode)) : typing(page, bot.typingNode));
        rows.push({
          nodes: n,
          repeat: r,
          renderMs: render.ms,
          renderAfterDataMs: render.afterDataMs,
          zoom: render.zoom,
          outsideView: render.outside,
          typing: t,
          drag: d,
        });
        console.error(
          `${n} nodes (#${r + 1}): render ${render.ms} ms (${render.afterDataMs} after the data), field p50 ${t.expressionField.p50} ms, drag p95 ${d.p95} ms`,
        );
      } finally {
        await page.close();
      }
    }
  }
} finally {
  await app.close();
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = (s.length - 1) / 2;
  return Math.round(((s[Math.floor(m)]! + s[Math.ceil(m)]!) / 2) * 10) / 10;
};
const summary = sizes.map((n) => {
  const mine = rows.filter((r) => r.nodes === n);
  const pick = (f: (r: Row) => number) => ({ best: Math.min(...mine.map(f)), median: median(mine.map(f)) });
  return {
    nodes: n,
    renderMs: pick((r) => r.renderMs),
    renderAfterDataMs: pick((r) => r.renderAfterDataMs),
    fieldKeyP50Ms: pick((r) => r.typing.expressionField.p50),
    fieldKeyP95Ms: pick((r) => r.typing.expressionField.p95),
    fieldKeyMaxMs: pick((r) => r.typing.expressionField.max),
    treeOpenKeyP50Ms: pick((r) => r.typing.expressionFieldTreeOpen.p50),
    nameKeyP50Ms: pick((r) => r.typing.nodeName.p50),
    dragFrameP50Ms: pick((r) => r.drag.p50),
    dragFrameP95Ms: pick((r) => r.drag.p95),
  };
});
const base = summary.find((s) => s.nodes === Math.min(...sizes))!;
const ratios = summary
  .filter((s) => s !== base)
  .map((s) => ({
    nodes: s.nodes,
    [`render / ${base.nodes}`]: ratio(s.renderMs.median, base.renderMs.median),
    [`field key p50 / ${base.nodes}`]: ratio(s.fieldKeyP50Ms.median, base.fieldKeyP50Ms.median),
    [`drag p95 / ${base.nodes}`]: ratio(s.dragFrameP95Ms.median, base.dragFrameP95Ms.median),
  }));
const report = {
  benchmark: 'editor',
  at: new Date().toISOString(),
  machine: { ...machine(), chromium: app.browserVersion },
  viewport: VIEWPORT,
  repeats,
  summary,
  ratios,
  rows,
  consoleErrors: app.consoleErrors,
};
console.log(JSON.stringify(report, null, 2));
const cell = (p: { best: number; median: number }) => (repeats > 1 ? `${p.best} / ${p.median}` : String(p.best));
console.log(
  table(
    summary.map((s) => ({
      nodes: s.nodes,
      'render ms': cell(s.renderMs),
      'of it after the bot arrived': cell(s.renderAfterDataMs),
      'field key p50/p95/max ms': `${cell(s.fieldKeyP50Ms)}, ${cell(s.fieldKeyP95Ms)}, ${cell(s.fieldKeyMaxMs)}`,
      'tree open key p50': cell(s.treeOpenKeyP50Ms),
      'name key p50': cell(s.nameKeyP50Ms),
      'drag frame p50/p95 ms': `${cell(s.dragFrameP50Ms)}, ${cell(s.dragFrameP95Ms)}`,
    })),
  ),
);
if (repeats > 1) console.log('(best / median of the repeats)');
console.log(table(ratios));
writeResult(process.env.BENCH_RESULT ?? 'editor', report);
