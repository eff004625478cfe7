import { CHROMIUM_FLAGS, chromiumPath } from '@bm/testing';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export type BrowserOptions = {
  /** The browser's language (navigator.languages and Accept-Language); English by default. */
  locale?: string;
  viewport?: { width: number; height: number };
};

/** A fresh Chromium profile (1440×900, English unless told) whose console errors (and React / React Flow warnings) are collected. */
export async function openBrowser(
  profileDir: string,
  consoleErrors: string[],
  options: BrowserOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const locale = options.locale ?? 'en-US';
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_FLAGS, `--lang=${locale}`],
    locale,
    viewport: options.viewport ?? { width: 1440, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  page.on('console', (m) => {
    // Errors, and the warnings React, React Flow and the router give about misuse.
    if (m.type() === 'error' || (m.type() === 'warning' && /React Flow|Warning:|blocker/.test(m.text()))) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return { context, page };
}

/** Presses the mouse on `from`, moves in steps (React Flow needs the moves) and releases on `to`. */
export async function dragBetween(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A JSON call with the page's own session (its cookies): the status and the parsed body. */
export async function callApi(page: Page, baseUrl: string, method: ApiMethod, p: string, data?: unknown) {
  const res = await page.request.fetch(baseUrl + p, { method, data, headers: { 'content-type': 'application/json' } });
  // `any`: each test reads the fields it asserts on.
  return { status: res.status(), body: (await res.json()) as any };
}

/**
 * Screenshots of the page in the light and the dark scheme (the app's System theme follows the
 * emulated one), back to light afterwards. `settleMs` lets the colour transitions finish: a shot
 * mid-transition shows half-faded controls.
 */
export async function shotInBothSchemes(page: Page, file: (scheme: 'light' | 'dark') => string, settleMs = 400) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(settleMs);
    await page.screenshot({ path: file(scheme) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
