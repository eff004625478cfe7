import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestProvider } from '@bm/testing/fixtures';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startAppUnderTest } from './app-under-test';
import { openBrowser } from './browser';

// Signing in as a person does it: the real embedded server configured for single sign-on with a
// real OpenID Provider (oidc-provider on loopback), its production build in Chromium; then the
// account page (password, sign out everywhere) and a password-reset link.

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shotsDir = path.join(webRoot, 'e2e/screenshots');

/** A port nobody listens on now (the provider must know the app's redirect URI before the app starts). */
async function freePort() {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe('single sign-on and account security in Chromium', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'bm-web-sso-'));
  let op: Awaited<ReturnType<typeof startTestProvider>>;
  let server: Awaited<ReturnType<typeof startAppUnderTest>>;
  let context: BrowserContext;
  let page: Page;
  let appUrl = '';
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    op = await startTestProvider({
      clientId: 'bm-web',
      clientSecret: 'web-e2e-client-secret',
      redirectUri: `${appUrl}/api/auth/sso/callback`,
    });
    op.account('ada-sub', { email: 'ada@corp.test', email_verified: true, name: 'Ada Lovelace' });
    server = await startAppUnderTest({
      tmp,
      name: 'sso',
      port,
      env: {
        BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: op.host,
        BOT_MANAGER_OIDC_ISSUER: op.issuer,
        BOT_MANAGER_OIDC_CLIENT_ID: 'bm-web',
        BOT_MANAGER_OIDC_CLIENT_SECRET: 'web-e2e-client-secret',
        BOT_MANAGER_PUBLIC_URL: appUrl,
      },
    });
    mkdirSync(shotsDir, { recursive: true });
    ({ context, page } = await openBrowser(path.join(tmp, 'chromium-profile'), consoleErrors));
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await op?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: path.join(shotsDir, `${name}.png`) });

  it('signs in with the provider and back, then signs out everywhere', async () => {
    onTestFailed(() => shot('failed-sso').then(() => undefined));
    await page.goto(`${appUrl}/inbox`);
    await page.waitForURL('**/login**');
    const sso = page.getByRole('link', { name: 'Sign in with 127.0.0.1' });
    await sso.waitFor();
    expect(await page.getByLabel('Password').isVisible()).toBe(true);
    await shot('sso-01-login');

    // Keyboard only: the button is a link, Enter follows it to the provider and back.
    op.signInAs('ada-sub');
    await sso.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${appUrl}/inbox`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await page.getByText('Signed in as ada@corp.test.').waitFor();
    await shot('sso-02-account');

    // A single sign-on account has no password to change: the page says how it signs in instead.
    await page.getByText('This account signs in with single sign-on (127.0.0.1:').waitFor();
    expect(await page.getByLabel('Current password').count()).toBe(0);

    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('button', { name: 'Yes, sign out everywhere' }).click();
    await page.waitForURL('**/login**');
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);
  });

  it('explains a refused sign-on on the sign-in page, in English and Korean', async () => {
    await page.goto(`${appUrl}/login?sso_error=SSO_EMAIL_UNVERIFIED`);
    await page.getByText('Single sign-on did not work').waitFor();
    await page.getByText(/has not verified this email address/).waitFor();
    await shot('sso-03-error');
    await page.goto(`${appUrl}/login?sso_error=SSO_DOMAIN_NOT_ALLOWED&lng=ko`);
    await page.getByText('SSO 로그인에 실패했어요').waitFor();
    await shot('sso-04-error-ko');
  });

  it('changes a password on the account page and sets one from a reset link', async () => {
    onTestFailed(() => shot('failed-password').then(() => undefined));
    const ctx = page.context();
    await ctx.clearCookies();
    const signup = await page.evaluate(async () => {
      const r = await fetch('/api/auth/signup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'grace@example.com', password: 'first password here', name: 'Grace' }),
      });
      return ((await r.json()) as { user: { id: string } }).user.id;
    });
    await page.goto(`${appUrl}/settings/account`);
    await page.getByLabel('Current password').fill('wrong password here');
    await page.getByLabel('New password', { exact: true }).fill('second password here');
    await page.getByLabel('Repeat the new password').fill('second password here');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The current password is not right.').waitFor();
    await page.getByLabel('Current password').fill('first password here');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed. Every other session was signed out.').waitFor();
    await shot('sso-05-password-changed');

    // A reset link as an owner or admin would hand it over (made here through the repository).
    const { token } = await server.services.repos.passwordResets.create(
      { userId: signup, createdById: signup, workspaceId: 'ws_x' },
      60_000,
    );
    await ctx.clearCookies();
    await page.goto(`${appUrl}/reset-password/${token}`);
    await page.getByLabel('New password', { exact: true }).fill('third password here');
    await page.getByLabel('Repeat the new password').fill('third password here');
    await shot('sso-06-reset');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.waitForURL(`${appUrl}/`);
    // The link works once.
    await ctx.clearCookies();
    await page.goto(`${appUrl}/reset-password/${token}`);
    await page.getByLabel('New password', { exact: true }).fill('fourth password here');
    await page.getByLabel('Repeat the new password').fill('fourth password here');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByText(/This password reset link is not valid any more/).waitFor();
    await shot('sso-07-reset-used');
    expect(consoleErrors.filter((e) => !/401|403|400|Failed to load resource/.test(e))).toEqual([]);
  });
});
