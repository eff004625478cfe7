import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startAppWithFakeAndBrowser } from './app-under-test';
import { callApi, type ApiMethod } from './browser';

// The editor's look in Chromium at 1280×800 against the real embedded server: the theme menu
// (System / Light / Dark, remembered, following the system), node icons, palette search and its
// keyboard, the focus ring on a canvas node, folding the side panels, and no tiny text.

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shotsDir = path.join(webRoot, 'e2e/screenshots');

/** Relative luminance of a computed `rgb(…)` colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => Number(v) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

describe('theme, icons, palette search, focus and panels in the editor (Chromium)', () => {
  let suite: Awaited<ReturnType<typeof startAppWithFakeAndBrowser>>;
  let page: Page;
  let server: typeof suite.server;
  let botId: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    suite = await startAppWithFakeAndBrowser({ name: 'look', key: 'sk-look-e2e-1234', consoleErrors });
    ({ server, page } = suite);
    mkdirSync(shotsDir, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await suite?.close();
  });

  const api = (method: ApiMethod, p: string, data?: unknown) => callApi(page, server.url, method, p, data);
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  const bodyBackground = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const canvasWidth = async () => (await page.locator('[data-testid="canvas"]').boundingBox())!.width;

  it('switches between light, dark and the system theme, remembered across a reload', async () => {
    onTestFailed(() => page.screenshot({ path: path.join(shotsDir, 'look-theme-failed.png') }).then(() => undefined));
    expect(
      (await api('POST', '/api/auth/signup', { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' })).status,
    ).toBe(201);
    const conn = await api('POST', '/api/llm-connections', {
      provider: 'openai',
      name: 'Fake',
      apiKey: 'sk-look-e2e-1234',
      baseUrl: suite.fake.url,
      modelDefault: 'fake-model-1',
    });
    expect(conn.status).toBe(201);
    const bot = await api('POST', '/api/bots', {
      name: 'Morning digest',
      llmConnectionId: conn.body.id,
      graph: {
        nodes: [
          { id: 'feed', type: 'source.rss', label: 'Tech news', params: { url: 'https://example.com/feed.xml' }, position: { x: 0, y: 0 } },
          {
            id: 'sum',
            type: 'llm.chat',
            label: 'Summarise',
            params: { purpose: 'report', prompt: 'Summarise the news' },
            position: { x: 300, y: 0 },
          },
          {
            id: 'mail',
            type: 'output.email',
            label: 'Mail me',
            params: { to: 'ada@example.com', subject: 'Digest', body: '{{ nodes.sum.output.text }}' },
            position: { x: 600, y: 0 },
          },
        ],
        edges: [
          { id: 'e1', source: 'feed', target: 'sum', sourceHandle: 'out', targetHandle: 'in' },
          { id: 'e2', source: 'sum', target: 'mail', sourceHandle: 'out', targetHandle: 'in' },
        ],
      },
    });
    expect(bot.status, JSON.stringify(bot.body)).toBe(201);
    botId = bot.body.id as string;

    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${server.url}/bots/${botId}`);
    await page.locator('.bot-node[data-node-id="mail"]').waitFor();
    // Icons, not letters: each node card shows its type's lucide icon.
    expect(await page.locator('.bot-node[data-node-id="feed"] .glyph svg').getAttribute('data-icon')).toBe('rss');
    expect(await page.locator('.bot-node[data-node-id="mail"] .glyph svg').getAttribute('data-icon')).toBe('mail');
    expect(await page.locator('.palette-item[data-node-type="llm.chat"] .glyph svg').count()).toBe(1);

    const toggle = page.locator('[data-testid="theme-toggle"] > button');
    const choose = async (choice: 'system' | 'light' | 'dark') => {
      await toggle.click();
      await page.locator(`[data-testid="theme-toggle"] [data-menu-item="${choice}"]`).click();
    };
    expect(await page.evaluate(() => document.documentElement.dataset.themeChoice)).toBe('system');
    expect(await toggle.getAttribute('aria-label')).toBe('Theme: System');
    expect(await theme()).toBe('light');
    await choose('light');
    expect(luminance(await bodyBackground())).toBeGreaterThan(0.8);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(shotsDir, 'editor-light.png') });

    // Keyboard: Enter opens the menu on its first item, arrows move, Enter picks.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-menu-item'))).toBe('dark');
    await page.keyboard.press('Enter');
    expect(await theme()).toBe('dark');
    expect(luminance(await bodyBackground())).toBeLessThan(0.05);
    expect(await page.locator('.react-flow').getAttribute('class')).toContain('dark');
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(shotsDir, 'editor-dark.png') });

    // Remembered: a reload starts dark even though the system is light.
    await page.reload();
    await page.locator('.bot-node[data-node-id="mail"]').waitFor();
    expect(await theme()).toBe('dark');

    // System follows the operating system, live.
    await choose('system');
    expect(await theme()).toBe('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(theme).toBe('dark');
    expect(luminance(await bodyBackground())).toBeLessThan(0.05);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(theme).toBe('light');
    expect(consoleErrors).toEqual([]);
  }, 120_000);

  it('finds the LLM node for "openai", adds it with Enter and lists it under Recent', async () => {
    onTestFailed(() => page.screenshot({ path: path.join(shotsDir, 'look-palette-failed.png') }).then(() => undefined));
    const search = page.locator('[data-testid="palette-search"]');
    await search.fill('openai');
    const results = page.locator('[data-testid="palette-results"] .palette-item');
    expect(await results.first().getAttribute('data-node-type')).toBe('llm.chat');
    await search.fill('cron');
    expect(await page.locator('[data-testid="palette-schedule-hint"]').isVisible()).toBe(true);
    expect(await results.evaluateAll((els) => els.map((e) => e.getAttribute('data-node-type')))).toContain('source.manual');

    // Arrows move through the results and back to the field; Enter adds the top result.
    await search.fill('scrape');
    await search.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-node-type'))).toBe('source.webpage');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('palette-search');
    await search.fill('summar');
    expect(await results.first().getAttribute('data-node-type')).toBe('llm.chat');
    const before = await page.locator('.bot-node').count();
    await search.press('Enter');
    await expect.poll(() => page.locator('.bot-node').count()).toBe(before + 1);

    await search.fill('');
    const recent = page.locator('.palette-group[data-group="recent"] .palette-item');
    expect(await recent.evaluateAll((els) => els.map((e) => e.getAttribute('data-node-type')))).toEqual(['llm.chat']);
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  it('shows a focus ring on a canvas node reached with Tab, apart from the selected state', async () => {
    onTestFailed(() => page.screenshot({ path: path.join(shotsDir, 'look-focus-failed.png') }).then(() => undefined));
    await page.locator('[data-testid="palette-search"]').focus();
    let onNode = false;
    for (let i = 0; i < 80 && !onNode; i++) {
      await page.keyboard.press('Tab');
      onNode = await page.evaluate(() => document.activeElement?.classList.contains('react-flow__node') ?? false);
    }
    expect(onNode).toBe(true);
    const ring = await page.evaluate(() => {
      const card = document.activeElement!.querySelector('.bot-node')!;
      const s = getComputedStyle(card);
      return { outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow };
    });
    expect(ring.outline).not.toBe('none');
    expect(parseFloat(ring.width)).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: path.join(shotsDir, 'look-focus.png') });
  }, 60_000);

  it('folds the palette and the inspector to rails, remembered, and the canvas takes the room', async () => {
    onTestFailed(() => page.screenshot({ path: path.join(shotsDir, 'look-panels-failed.png') }).then(() => undefined));
    const open = await canvasWidth();
    await page.locator('[data-testid="palette-collapse"]').click();
    await page.locator('[data-testid="palette-rail"]').waitFor();
    expect(await page.locator('.palette').count()).toBe(0);
    const folded = await canvasWidth();
    expect(folded).toBeGreaterThan(open + 150);

    // The inspector by its shortcut.
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+BracketRight');
    await page.locator('[data-testid="inspector-rail"]').waitFor();
    expect(await canvasWidth()).toBeGreaterThan(folded + 250);
    await page.screenshot({ path: path.join(shotsDir, 'look-panels-folded.png') });

    await page.reload();
    await page.locator('.bot-node[data-node-id="mail"]').waitFor();
    expect(await page.locator('[data-testid="palette-rail"]').count()).toBe(1);
    expect(await page.locator('[data-testid="inspector-rail"]').count()).toBe(1);
    await page.locator('[data-testid="palette-expand"]').click();
    await page.locator('[data-testid="inspector-expand"]').click();
    await page.locator('.palette').waitFor();
    await page.locator('.inspector').waitFor();
    expect(Math.round(await canvasWidth())).toBe(Math.round(open));
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  it('has no text under 11 px in the editor and nothing overflowing at 1280×800', async () => {
    await page.locator('.bot-node[data-node-id="sum"]').click();
    const small = await page.evaluate(() => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.querySelector('.editor')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (!n.textContent?.trim() || el.closest('[aria-hidden="true"]') || el.getClientRects().length === 0) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < 11) found.push(`${size}px ${el.className} “${n.textContent.trim().slice(0, 30)}”`);
      }
      return found;
    });
    expect(small).toEqual([]);
    const overflowing = await page.evaluate(() =>
      ['.topbar', '.editor-toolbar', '.palette', '.inspector']
        .map((s) => document.querySelector<HTMLElement>(s))
        .filter((el): el is HTMLElement => el !== null && el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.className} ${el.scrollWidth} > ${el.clientWidth}`),
    );
    expect(overflowing).toEqual([]);
  }, 60_000);

  it('leaves no light surface on any page in dark', async () => {
    onTestFailed(() => page.screenshot({ path: path.join(shotsDir, 'look-dark-pages-failed.png') }).then(() => undefined));
    await page.emulateMedia({ colorScheme: 'dark' });
    const pages: [name: string, path: string][] = [
      ['bots', '/'],
      ['editor', `/bots/${botId}`],
      ['runs', `/bots/${botId}/runs`],
      ['results', `/bots/${botId}/results`],
      ['triggers', `/bots/${botId}/triggers`],
      ['templates', '/templates'],
      ['inbox', '/inbox'],
      ['usage', '/usage'],
      ['connections', '/settings/connections'],
      ['secrets', '/settings/secrets'],
      ['tokens', '/settings/tokens'],
      ['members', '/settings/members'],
      ['budgets', '/settings/budgets'],
      ['account', '/settings/account'],
    ];
    const light: string[] = [];
    for (const [name, p] of pages) {
      await page.goto(server.url + p);
      await page.locator('.app-main > *').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await theme()).toBe('dark');
      const found = await page.evaluate(() => {
        const lum = (rgb: string) => {
          const [r, g, b, a = 1] = (rgb.match(/[\d.]+/g) ?? []).map(Number);
          if (a < 0.5) return 0;
          const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
          return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
        };
        return [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((el) => el.getClientRects().length > 0 && lum(getComputedStyle(el).backgroundColor) > 0.6)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${getComputedStyle(el).backgroundColor}`);
      });
      light.push(...found.map((f) => `${p}: ${f}`));
      await page.screenshot({ path: path.join(shotsDir, `look-dark-${name}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    expect(light).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
