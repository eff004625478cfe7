import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFakeOpenAI } from '@bm/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startAppUnderTest } from './app-under-test';
import { openBrowser } from './browser';

// Two people in one team workspace, each in their own Chromium profile: Ada creates the workspace,
// a shared connection and a bot, and invites Ben as a viewer by a one-time link; Ben signs up from
// the link, joins, finds the bot and can only look at it (and the API refuses his writes).
// Screenshots in light and dark go outside the repository, for a person to look at.

const shotsDir = process.env.BM_TEAMS_SHOTS || path.join(tmpdir(), 'teamsweb-shots');

const ADA = { name: 'Ada Lovelace', email: 'ada.team@example.com', password: 'correct horse battery' };
const BEN = { name: 'Ben Viewer', email: 'ben.viewer@example.com', password: 'staple battery horse' };
const TEAM = 'Acme Research';
const BOT = 'Shared digest';

describe('team workspaces in Chromium', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'bm-web-teams-'));
  let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
  let server: { url: string; close(): Promise<void> };
  const contexts: BrowserContext[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    fake = await startFakeOpenAI({ validKeys: ['sk-team-key-1234'] });
    server = await startAppUnderTest({
      tmp,
      name: 'teams',
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

  async function open(who: string): Promise<Page> {
    const { context, page } = await openBrowser(path.join(tmp, `profile-${who}`), consoleErrors);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    contexts.push(context);
    return page;
  }
  /** The page as it is, in light and in dark mode. */
  async function shots(page: Page, name: string, height = 900) {
    // The app scrolls inside its main area, so a long page is photographed in a taller window.
    await page.setViewportSize({ width: 1440, height });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(300); // buttons fade their colours
      await page.screenshot({ path: path.join(shotsDir, `${name}-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1440, height: 900 });
  }
  const switcher = (page: Page) => page.getByTestId('workspace-switcher');

  it('shares a bot with a viewer who joins by the invitation link and can only look at it', async () => {
    const ada = await open('ada');
    onTestFailed(() => ada.screenshot({ path: path.join(shotsDir, 'failed-ada.png') }).then(() => undefined));

    // Ada signs up and starts a team workspace from the switcher; it becomes the current one.
    await ada.goto(`${server.url}/signup`);
    await ada.getByLabel('Name').fill(ADA.name);
    await ada.getByLabel('Email').fill(ADA.email);
    await ada.getByLabel('Password').fill(ADA.password);
    await ada.getByRole('button', { name: 'Create account' }).click();
    await ada.getByText('Build your first bot').waitFor();
    await switcher(ada).getByRole('button').first().click();
    expect(await ada.getByRole('menuitemradio').count()).toBe(1);
    await ada.getByRole('menuitem', { name: 'New workspace' }).click();
    const dialog = ada.getByRole('dialog');
    await dialog.getByLabel('Name').fill(TEAM);
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await ada.waitForURL('**/settings/members');
    await expect.poll(() => switcher(ada).getByRole('button').first().textContent()).toContain(TEAM);
    expect(await switcher(ada).textContent()).toContain('Owner');

    // A connection shared with the workspace, and a bot that uses it.
    await ada.getByRole('link', { name: 'LLM connections' }).click();
    await ada.getByRole('button', { name: 'Add connection' }).first().click();
    await ada.getByLabel('Provider').selectOption('other');
    await ada.getByLabel('Name').fill('Team gateway');
    await ada.getByLabel('API key').fill('sk-team-key-1234');
    await ada.getByLabel('Base URL').fill(fake.url);
    await ada.getByLabel('Default model').fill('fake-model-1');
    await ada.getByLabel(`Let everyone in “${TEAM}” use this connection`).check();
    await ada.getByRole('button', { name: 'Add connection' }).last().click();
    const connection = ada.getByTestId('connection');
    await connection.getByText(/Connected — fake-model-1 answered/).waitFor();
    expect(await connection.getByTestId('connection-owner').textContent()).toBe('Shared: your key');
    expect(await connection.getByRole('switch', { name: 'Share Team gateway with everyone in the workspace' }).isChecked()).toBe(true);

    await ada.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bots' }).click();
    await ada.getByRole('button', { name: 'New bot' }).first().click();
    await ada.getByTestId('blank-bot').click();
    await ada.getByLabel('Name').fill(BOT);
    await ada.getByRole('button', { name: 'Create bot' }).click();
    await ada.waitForURL(/\/bots\/[^/]+$/);
    const botId = ada.url().split('/bots/')[1]!;
    await ada.locator('.bot-node').first().waitFor();
    await ada.getByTestId('bot-settings').getByText('Whose key: Shared: your key').waitFor();

    // Ada invites Ben as a viewer and copies the one-time link.
    await ada.getByRole('link', { name: 'Members' }).click();
    // The form is keyed by the workspace shown: wait until this workspace's members are listed, so it
    // is not re-mounted (emptied) after the email is typed.
    await ada.locator(`[data-testid="member"][data-email="${ADA.email}"]`).waitFor();
    // Exact: the bot page just left has an "Email addresses" field (its on-failure notice) until it unmounts.
    await ada.getByLabel('Email', { exact: true }).fill(BEN.email);
    await ada.getByLabel('Role').selectOption('viewer');
    await ada.getByRole('button', { name: 'Invite', exact: true }).click();
    const created = ada.getByTestId('invitation-link');
    await created.getByText('The link is shown only once').waitFor();
    await created.getByText('Send them this link (no email was sent):').waitFor();
    const shown = await created.getByLabel('Invitation link').inputValue();
    expect(shown).toMatch(new RegExp(`^${server.url}/invite/[\\w-]{20,}$`));
    await created.getByRole('button', { name: 'Copy' }).click();
    await created.getByRole('button', { name: 'Copied' }).waitFor();
    const link = await ada.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(shown);
    const pending = ada.getByTestId('pending-invitation');
    await pending.getByText(BEN.email).waitFor();
    expect(await pending.textContent()).toContain('Viewer');
    await shots(ada, 'members-owner', 1200);
    // The only owner cannot leave, and is told why.
    const leave = ada.getByRole('button', { name: 'Leave workspace' });
    expect(await leave.isDisabled()).toBe(true);
    expect(await leave.getAttribute('title')).toBe('You are the only owner: make someone else owner before you leave.');

    // Ben opens the link in his own browser: who invited him where, and a sign-up for that address.
    const ben = await open('ben');
    onTestFailed(() => ben.screenshot({ path: path.join(shotsDir, 'failed-ben.png') }).then(() => undefined));
    await ben.goto(link);
    await ben.getByTestId('invitation-summary').waitFor();
    expect(await ben.getByTestId('invitation-summary').textContent()).toBe(`${ADA.name} invited you to ${TEAM} as Viewer.`);
    const email = ben.getByLabel('Email');
    expect(await email.inputValue()).toBe(BEN.email);
    expect(await email.getAttribute('readonly')).not.toBeNull();
    await shots(ben, 'invitation-signup');
    await ben.getByLabel('Name').fill(BEN.name);
    await ben.getByLabel('Password').fill(BEN.password);
    await ben.getByRole('button', { name: 'Create account' }).click();
    await ben.getByRole('button', { name: 'Accept invitation' }).click();

    // He lands on the team's bots, with the workspace current in the switcher, as a viewer.
    await ben.getByTestId('bot-card').getByText(BOT).waitFor();
    const trigger = switcher(ben).getByRole('button').first();
    expect(await trigger.textContent()).toContain(TEAM);
    expect(await trigger.textContent()).toContain('Viewer');
    await trigger.click();
    await shots(ben, 'switcher-open');
    const entries = await ben.getByRole('menuitemradio').allTextContents();
    expect(entries).toHaveLength(2);
    expect(entries.find((e) => e.includes(TEAM))).toContain('Viewer');
    await ben.keyboard.press('Escape');
    expect(await ben.getByRole('menu').count()).toBe(0);
    const newBot = ben.getByRole('button', { name: 'New bot' });
    expect(await newBot.isDisabled()).toBe(true);
    expect(await newBot.getAttribute('title')).toBe('Viewers cannot create bots; editors can.');
    expect(await ben.getByRole('link', { name: 'Audit log' }).count()).toBe(0);

    // The bot opens read-only: no save, run or palette, fields disabled, and the reason said.
    await ben.getByTestId('bot-card').getByText(BOT).click();
    await ben.waitForURL(`**/bots/${botId}`);
    await ben.getByTestId('read-only').getByText('You can view this bot; editors can change it.').waitFor();
    await ben.locator('.bot-node').first().waitFor();
    expect(await ben.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    expect(await ben.getByRole('button', { name: 'Run', exact: true }).count()).toBe(0);
    expect(await ben.locator('.palette-item').count()).toBe(0);
    expect(await ben.locator('#bot-meta-name').isDisabled()).toBe(true);
    await ben.getByTestId('bot-settings').getByText(`Whose key: Shared: ${ADA.name}'s key`).waitFor();
    await shots(ben, 'editor-viewer');
    // The server refuses anyway: a write as Ben is 403 FORBIDDEN, and the bot is unchanged.
    const writes = await ben.evaluate(async (id) => {
      const headers = { 'content-type': 'application/json' };
      const patch = await fetch(`/api/bots/${id}`, { method: 'PATCH', headers, body: JSON.stringify({ name: 'Changed by a viewer' }) });
      const run = await fetch(`/api/bots/${id}/runs`, { method: 'POST', headers, body: JSON.stringify({ input: {} }) });
      return { patch: patch.status, code: ((await patch.json()) as { error: { code: string } }).error.code, run: run.status };
    }, botId);
    expect(writes).toEqual({ patch: 403, code: 'FORBIDDEN', run: 403 });

    // The shared connection is listed for Ben as Ada's; he cannot add one or spend it on a test.
    await ben.getByRole('link', { name: 'LLM connections' }).click();
    const shared = ben.getByTestId('connection');
    await shared.getByText('Team gateway').waitFor();
    expect(await shared.getByTestId('connection-owner').textContent()).toBe(`Shared: ${ADA.name}'s key`);
    expect(await shared.getByRole('button', { name: 'Test connection' }).isDisabled()).toBe(true);
    expect(await shared.getByRole('switch', { name: /^Share / }).count()).toBe(0);
    expect(await ben.getByRole('button', { name: 'Add connection' }).isDisabled()).toBe(true);

    // Ben sees the members but cannot manage them; he could leave.
    await ben.getByRole('link', { name: 'Members' }).click();
    await ben.getByTestId('member').first().waitFor();
    expect(await ben.getByRole('button', { name: 'Invite', exact: true }).count()).toBe(0);
    expect(await ben.getByRole('button', { name: 'Leave workspace' }).count()).toBe(1);
    expect(await ben.getByRole('combobox', { name: /^Role of/ }).count()).toBe(0);
    await shots(ben, 'members-viewer');

    // A link for someone else, opened while signed in as Ada: it says whose it is, and offers to sign out.
    await ada.goto(`${server.url}/settings/members`);
    await ada.getByLabel('Email').fill('carol@example.com');
    await ada.getByRole('button', { name: 'Invite', exact: true }).click();
    const carolLink = await ada.getByTestId('invitation-link').getByLabel('Invitation link').inputValue();
    await ada.goto(carolLink);
    await ada.getByText(`You are signed in as ${ADA.email}`).waitFor();
    await ada.getByText('This invitation is for carol@example.com. Sign in with that email address to accept it.').waitFor();
    await ada.getByRole('button', { name: 'Sign out and use another account' }).waitFor();
    expect(await ada.getByRole('button', { name: 'Accept invitation' }).count()).toBe(0);
    await shots(ada, 'invitation-other-account');

    // The link worked once: opened again, it says so.
    await ada.goto(link);
    await ada.getByRole('heading', { name: 'This invitation no longer works' }).waitFor();
    await shots(ada, 'invitation-used');

    // Ada's audit log: what happened, in words, filterable by action.
    await ada.goto(`${server.url}/settings/audit`);
    const log = ada.getByTestId('audit-log');
    await log.waitFor();
    await expect
      .poll(() => ada.getByTestId('audit-event').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action'))))
      .toEqual(['member.invited', 'member.joined', 'member.invited', 'bot.created', 'connection.created', 'workspace.created']);
    expect(await log.locator('[data-action="connection.created"]').textContent()).toContain('Other OpenAI-compatible · Shared');
    const joined = log.locator('[data-action="member.joined"]');
    expect(await joined.textContent()).toContain('Member joined');
    expect(await joined.textContent()).toContain(BEN.name);
    expect(await joined.textContent()).toContain('As Viewer');
    await shots(ada, 'audit-log');
    await ada.getByLabel('Action').selectOption('member.invited');
    await expect.poll(() => ada.getByTestId('audit-event').count()).toBe(2);
    expect(await log.textContent()).toContain(BEN.email);
    expect(await log.textContent()).toContain('carol@example.com');

    // Ada makes Ben an editor: his editor gets its controls back.
    await ada.getByRole('link', { name: 'Members' }).click();
    await ada.getByRole('combobox', { name: `Role of ${BEN.name}` }).selectOption('editor');
    await ada.getByText(`${BEN.name} is now Editor.`).waitFor();
    await ben.reload();
    await ben.goto(`${server.url}/bots/${botId}`);
    await ben.getByRole('button', { name: 'Save', exact: true }).waitFor();
    expect(await ben.getByTestId('read-only').count()).toBe(0);

    expect(consoleErrors.filter((e) => !/status of 40[134]/.test(e))).toEqual([]);
  });
});
