import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createI18n, type Locale } from '@bm/i18n';
import { startFakeOpenAI } from '@bm/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startAppUnderTest } from './app-under-test';
import { openBrowser } from './browser';
import { clippedControls, typeWithIme, untranslatedTexts } from './i18n-checks';

// The new user's path in Korean and in English, as a person meets it: the browser's language picks
// the UI language, every page is photographed at a laptop size (1280×800) for a person to look at,
// and a pseudo-locale pass shows the editor has no text that skipped the catalogue.

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shotsDir = path.join(webRoot, 'e2e/screenshots/i18n');
const VIEWPORT = { width: 1280, height: 800 };
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const USERS: Record<Locale, { browser: string; name: string; email: string; bot: string }> = {
  ko: { browser: 'ko-KR', name: '김하늘', email: 'haneul@example.com', bot: '자전거 노트' },
  en: { browser: 'en-US', name: 'Ada Lovelace', email: 'ada-i18n@example.com', bot: 'Bicycle notes' },
};

describe('Bot Manager in Korean and English', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'bm-web-i18n-'));
  let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
  let server: { url: string; close(): Promise<void> };
  const contexts: BrowserContext[] = [];
  const consoleErrors: string[] = [];
  const botUrls: Partial<Record<Locale, string>> = {};

  beforeAll(async () => {
    fake = await startFakeOpenAI({ validKeys: ['sk-e2e-secret-1234'] });
    server = await startAppUnderTest({
      tmp,
      name: 'i18n',
      env: {
        BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${fake.port}`,
      },
    });
    mkdirSync(shotsDir, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await server?.close();
    await fake?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  async function open(lang: Locale): Promise<Page> {
    const { context, page } = await openBrowser(path.join(tmp, `profile-${lang}`), consoleErrors, {
      locale: USERS[lang].browser,
      viewport: VIEWPORT,
    });
    contexts.push(context);
    return page;
  }

  async function newUserPath(lang: Locale) {
    const t = createI18n({ locale: lang }).t;
    const u = USERS[lang];
    const page = await open(lang);
    const shot = (name: string) => page.screenshot({ path: path.join(shotsDir, `${lang}-${name}.png`) });
    const clipped: string[] = [];
    const check = async (where: string) => clipped.push(...(await clippedControls(page)).map((c) => `${where} → ${c}`));
    onTestFailed(() => shot('failed').then(() => undefined));
    const languages = new Set<string>();
    page.on('request', (r) => {
      // The run event stream is an EventSource, which cannot set headers; its events carry no text to translate.
      const { pathname } = new URL(r.url());
      if (pathname.startsWith('/api/') && !/^\/api\/runs\/[^/]+\/events$/.test(pathname))
        languages.add(r.headers()['accept-language'] ?? '(none)');
    });

    // 1. The browser's language decides: no choice made yet, the login page speaks it.
    await page.goto(server.url);
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: t('pages:auth.login.title') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await shot('01-login');
    await check('login');

    // 2. Sign up.
    await page.goto(`${server.url}/signup`);
    await page.getByLabel(t('pages:auth.name')).fill(u.name);
    await page.getByLabel(t('pages:auth.email')).fill(u.email);
    await page.getByLabel(t('pages:auth.password')).fill('correct horse battery');
    await page.getByRole('button', { name: t('pages:auth.signup.submit') }).click();
    await page.getByText(t('pages:gettingStarted.buildTitle')).waitFor();
    await shot('02-bots-empty');
    await check('bots-empty');

    // 3. An LLM connection to the user's own (here: loopback) OpenAI-compatible endpoint.
    await page
      .getByRole('navigation', { name: t('common:nav.main') })
      .getByRole('link', { name: t('common:nav.connections') })
      .click();
    await page.getByRole('button', { name: t('settings:connections.add') }).click();
    await page.getByLabel(t('settings:form.provider')).selectOption('other');
    await page.getByLabel(t('settings:form.name')).fill(lang === 'ko' ? '내 게이트웨이' : 'My gateway');
    await page.getByLabel(t('settings:form.apiKey')).fill('sk-e2e-secret-1234');
    await page.getByLabel(t('settings:form.baseUrl')).fill(fake.url);
    await page.getByLabel(t('settings:form.model')).fill('fake-model-1');
    await shot('03-connection-form');
    await check('connection-form');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: t('settings:form.add') })
      .click();
    const connected = t('settings:test.connected', { model: 'fake-model-1', latency: '§' }).split('§')[0]!;
    await page
      .getByTestId('connection')
      .getByText(new RegExp(escape(connected)))
      .waitFor();
    await shot('04-connections');
    await check('connections');

    // 4. The first bot, its name typed through the IME and submitted with Enter.
    await page
      .getByRole('navigation', { name: t('common:nav.main') })
      .getByRole('link', { name: t('common:nav.bots'), exact: true })
      .click();
    await page
      .getByRole('button', { name: t('pages:bots.new') })
      .first()
      .click();
    await page.getByTestId('template-gallery').waitFor();
    await shot('05a-new-bot-gallery');
    await check('new-bot-gallery');
    await page.getByTestId('blank-bot').click();
    await page.getByLabel(t('pages:createBot.name')).focus();
    await typeWithIme(page, u.bot);
    await shot('05-new-bot');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/bots\/[^/]+$/);
    botUrls[lang] = page.url();
    await page.locator('.bot-node[data-node-type="output.results"]').waitFor();
    expect(await page.locator('.crumbs .name').textContent()).toBe(u.bot);
    await shot('06-editor');
    await check('editor');

    // 5. Run it; every node succeeds.
    await page.getByRole('button', { name: t('editor:toolbar.run'), exact: true }).click();
    const banner = page.getByTestId('run-banner');
    await expect.poll(() => banner.getAttribute('data-status'), { timeout: 60_000, interval: 500 }).toBe('succeeded');
    await banner.getByText(t('common:status.succeeded')).waitFor();
    await shot('07-editor-run');

    // 6. Run detail, results, runs, triggers, inbox, tokens, the bots list.
    await banner.getByRole('link', { name: t('editor:runBanner.details') }).click();
    await expect.poll(() => page.locator('[data-testid="run-node"][data-status="succeeded"]').count()).toBe(3);
    await page.getByText(t('pages:runDetail.botVersion')).waitFor();
    await shot('08-run-detail');
    await check('run-detail');
    const tabs = page.getByRole('navigation', { name: t('pages:botLayout.tabsLabel') });
    await tabs.getByRole('link', { name: t('pages:botLayout.tabs.results') }).click();
    await page.getByTestId('result').first().waitFor();
    await shot('09-results');
    await check('results');
    await tabs.getByRole('link', { name: t('pages:botLayout.tabs.runs') }).click();
    await page.getByTestId('run-row').first().waitFor();
    expect(await page.getByTestId('run-row').first().textContent()).toContain(t('pages:triggers.names.manual'));
    await shot('10-runs');
    await check('runs');
    await tabs.getByRole('link', { name: t('pages:botLayout.tabs.triggers') }).click();
    await page.getByText(t('pages:schedules.empty')).waitFor();
    await shot('11-triggers');
    await check('triggers');
    const nav = page.getByRole('navigation', { name: t('common:nav.main') });
    await nav.getByRole('link', { name: t('common:nav.inbox') }).click();
    await page.getByTestId('result-bot').getByText(u.bot).waitFor();
    await shot('12-inbox');
    await check('inbox');
    await nav.getByRole('link', { name: t('common:nav.tokens') }).click();
    await page.getByLabel(t('settings:tokens.newName')).fill(lang === 'ko' ? '배포 스크립트' : 'Deploy script');
    await page.getByRole('button', { name: t('settings:tokens.create') }).click();
    await page.getByLabel(t('settings:tokens.newToken')).waitFor();
    await shot('13-tokens');
    await check('tokens');
    // Costs: the usage page (the run above called the fake model) and the budgets page with the plan.
    await nav.getByRole('link', { name: t('usage:nav.usage') }).click();
    await page.getByTestId('usage-totals').waitFor();
    await shot('13a-usage');
    await check('usage');
    await nav.getByRole('link', { name: t('usage:nav.budgets') }).click();
    await page.getByTestId('plan-limits').waitFor();
    await shot('13b-budgets');
    await check('budgets');
    await nav.getByRole('link', { name: t('common:nav.bots'), exact: true }).click();
    await page.getByTestId('bot-card').first().waitFor();
    await shot('14-bots');
    await check('bots');

    expect(clipped).toEqual([]);
    // Every API request told the server the user's language.
    expect([...languages]).toEqual([lang]);
    return page;
  }

  it('walks the new-user path in Korean', async () => {
    const page = await newUserPath('ko');
    // The switcher changes the language at once, <html lang> with it, and the choice survives a reload.
    await page.getByTestId('locale-switcher').first().selectOption('en');
    const en = createI18n({ locale: 'en' }).t;
    await page.getByRole('heading', { name: en('pages:bots.title') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: en('pages:bots.title') }).waitFor();
  }, 240_000);

  it('walks the new-user path in English', async () => {
    await newUserPath('en');
  }, 240_000);

  it('shows no untranslated text in the editor in the pseudo-locale', async () => {
    const page = contexts[1]!.pages()[0]!;
    await page.goto(`${botUrls.en}?lng=en-XA`);
    await page.locator('.bot-node[data-node-type="output.results"]').waitFor();
    await page.getByTestId('bot-settings').waitFor();
    await page.screenshot({ path: path.join(shotsDir, 'pseudo-editor.png') });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await untranslatedTexts(page)).toEqual([]);
  }, 60_000);

  it('logged nothing alarming in the browser console', () => {
    expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
