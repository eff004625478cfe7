import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, resources } from '@bm/i18n';
import { startTestApp, type TestApp } from '../testing/app';
import { browseProvider, startTestProvider } from '@bm/testing/fixtures';
import { SSO_ERROR_CODES } from '../sso/relying-party';

// Single sign-on against a real OpenID Provider (oidc-provider on loopback): the real
// authorization code + PKCE round trip over HTTP, the API reaching the provider through the
// outbound guard (loopback allowed for this provider only).

const APP = 'http://bm.test';
const CALLBACK = `${APP}/api/auth/sso/callback`;
const client = { clientId: 'bot-manager', clientSecret: 'a-client-secret-for-tests-only' };

describe('single sign-on with OpenID Connect', () => {
  let op: Awaited<ReturnType<typeof startTestProvider>>;
  let t: TestApp;
  let defaultWorkspace = '';

  beforeAll(async () => {
    op = await startTestProvider({ ...client, redirectUri: CALLBACK });
    t = await startTestApp({
      allowedPrivateHosts: op.host,
      config: {
        publicUrl: APP,
        sso: {
          issuer: op.issuer,
          ...client,
          allowedDomains: ['corp.test', 'example.com'],
          defaultWorkspace: { id: 'ws_team', role: 'editor' },
        },
      },
    });
    defaultWorkspace = (await t.db.prisma.workspace.create({ data: { id: 'ws_team', name: 'Team' } })).id;
  });
  afterAll(async () => {
    await t?.close();
    await op?.close();
  });

  /** The browser's whole trip: start → provider (login, consent) → callback. */
  async function signIn(sub: string, opts: { returnTo?: string; userAgent?: string } = {}) {
    op.signInAs(sub);
    const start = await t.app.inject({
      method: 'GET',
      url: `/api/auth/sso/start?returnTo=${encodeURIComponent(opts.returnTo ?? '/bots')}`,
    });
    expect(start.statusCode).toBe(302);
    const login = start.cookies.find((c) => c.name === 'bm_sso')!;
    expect(login.httpOnly).toBe(true);
    const location = new URL(start.headers.location as string);
    expect(location.origin).toBe(op.issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    const back = await browseProvider(location.href, CALLBACK);
    const done = await t.app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      cookies: { bm_sso: login.value },
      headers: { 'user-agent': opts.userAgent ?? 'test-browser' },
    });
    expect(done.statusCode).toBe(302);
    const session = done.cookies.find((c) => c.name === 'bm_session' && c.value);
    return { location: done.headers.location as string, session: session?.value };
  }
  const me = async (session: string) => (await t.app.inject({ method: 'GET', url: '/api/me', cookies: { bm_session: session } })).json();

  it('tells the sign-in page what it offers', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/auth/sso' });
    expect(r.json()).toEqual({ enabled: true, passwordLogin: true, providerName: '127.0.0.1' });
  });

  it('signs a new person in: a user without a password, in the default workspace, back where they were', async () => {
    op.account('alice-sub', { email: 'Alice@corp.test', email_verified: true, name: 'Alice' });
    const first = await signIn('alice-sub', { returnTo: '/bots/b1?tab=runs' });
    expect(first.location).toBe('/bots/b1?tab=runs');
    const m = await me(first.session!);
    expect(m.user).toMatchObject({ email: 'alice@corp.test', name: 'Alice' });
    expect(m.workspaces).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ personal: true, role: 'owner' }),
        expect.objectContaining({ id: defaultWorkspace, role: 'editor' }),
      ]),
    );
    // The same subject again is the same user; no password opens the account.
    const again = await signIn('alice-sub');
    expect((await me(again.session!)).user.id).toBe(m.user.id);
    const pw = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'alice@corp.test', password: '' } });
    expect(pw.json().error.code).toBe('INVALID_CREDENTIALS');
    expect((await t.repos.users.findById(m.user.id))?.passwordHash).toBeNull();
    const account = await t.app.inject({ method: 'GET', url: '/api/me/account', cookies: { bm_session: again.session! } });
    expect(account.json()).toMatchObject({ hasPassword: false, identities: [{ issuer: op.issuer, email: 'alice@corp.test' }] });
  });

  it('links an existing account when the provider asserts the email is verified', async () => {
    const bob = await t.signup('bob@corp.test');
    op.account('bob-sub', { email: 'bob@corp.test', email_verified: true, name: 'Bobby' });
    const r = await signIn('bob-sub');
    expect((await me(r.session!)).user.id).toBe(bob.id);
    expect((await t.repos.identities.listForUser(bob.id)).map((i) => i.subject)).toEqual(['bob-sub']);
    const account = await t.app.inject({ method: 'GET', url: '/api/me/account', cookies: { bm_session: r.session! } });
    expect(account.json().hasPassword).toBe(true);
    // A sign-in from a browser this account never used is in the audit log of its workspaces.
    const events = await t.db.prisma.auditEvent.findMany({ where: { workspaceId: bob.workspaceId, action: 'auth.signIn.newDevice' } });
    expect(events.map((e) => e.details)).toEqual([{ method: 'sso', userAgent: 'test-browser' }]);
    // The password still works for an account that had one.
    const pw = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'bob@corp.test', password: 'long enough password' },
    });
    expect(pw.statusCode).toBe(200);
  });

  it('refuses to link an existing account through an unverified email', async () => {
    const carol = await t.signup('carol@corp.test');
    op.account('mallory-sub', { email: 'carol@corp.test', email_verified: false, name: 'Not Carol' });
    const r = await signIn('mallory-sub');
    expect(r.location).toBe('/login?sso_error=SSO_EMAIL_UNVERIFIED');
    expect(r.session).toBeUndefined();
    expect(await t.repos.identities.listForUser(carol.id)).toEqual([]);
    expect(await t.repos.identities.findUser(op.issuer, 'mallory-sub')).toBeNull();
  });

  it('refuses an email domain the installation does not allow, and an unverified email for a new account', async () => {
    op.account('dave-sub', { email: 'dave@elsewhere.test', email_verified: true });
    expect((await signIn('dave-sub')).location).toBe('/login?sso_error=SSO_DOMAIN_NOT_ALLOWED');
    op.account('erin-sub', { email: 'erin@corp.test', email_verified: false });
    expect((await signIn('erin-sub')).location).toBe('/login?sso_error=SSO_EMAIL_UNVERIFIED');
    expect(await t.repos.users.findByEmail('dave@elsewhere.test')).toBeNull();
    expect(await t.repos.users.findByEmail('erin@corp.test')).toBeNull();
  });

  it('never sends the browser to another site after signing in', async () => {
    op.account('frank-sub', { email: 'frank@corp.test', email_verified: true });
    for (const evil of ['//evil.example/x', 'https://evil.example/', '/\\evil.example'])
      expect((await signIn('frank-sub', { returnTo: evil })).location).toBe('/');
  });

  it('refuses a callback without its sign-in state, or with a code of another sign-in', async () => {
    const bare = await t.app.inject({ method: 'GET', url: '/api/auth/sso/callback?code=x&state=y' });
    expect(bare.headers.location).toBe('/login?sso_error=SSO_STATE_INVALID');
    // The state cookie of one sign-in with the provider's answer to another: openid-client's state check.
    op.account('gina-sub', { email: 'gina@corp.test', email_verified: true });
    op.signInAs('gina-sub');
    const a = await t.app.inject({ method: 'GET', url: '/api/auth/sso/start' });
    const b = await t.app.inject({ method: 'GET', url: '/api/auth/sso/start' });
    const back = await browseProvider(a.headers.location as string, CALLBACK);
    const crossed = await t.app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      cookies: { bm_sso: b.cookies.find((c) => c.name === 'bm_sso')!.value },
    });
    expect(crossed.headers.location).toBe('/login?sso_error=SSO_PROVIDER_ERROR');
    expect(crossed.cookies.some((c) => c.name === 'bm_session' && c.value)).toBe(false);
  });

  it('has a message for every sign-on error in every language', () => {
    for (const locale of LOCALES)
      for (const code of SSO_ERROR_CODES)
        expect(typeof (resources[locale].errors as Record<string, unknown>)[code], `${locale} ${code}`).toBe('string');
  });
});

describe('single sign-on through the outbound guard', () => {
  it('cannot reach a loopback provider the guard does not allow', async () => {
    const op = await startTestProvider({ ...client, redirectUri: CALLBACK });
    const t = await startTestApp({ config: { publicUrl: APP, sso: { issuer: op.issuer, ...client, allowedDomains: [] } } });
    try {
      const r = await t.app.inject({ method: 'GET', url: '/api/auth/sso/start' });
      expect(r.headers.location).toBe('/login?sso_error=SSO_PROVIDER_ERROR');
    } finally {
      await t.close();
      await op.close();
    }
  });
});

describe('password sign-in turned off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { passwordLogin: false, sso: { issuer: 'https://idp.example', ...client, allowedDomains: [] } } });
  });
  afterAll(async () => t?.close());

  it('refuses sign-up, sign-in and reset links with a code the page explains', async () => {
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'x@example.com', password: 'long enough password', name: 'X' },
    });
    expect(up.statusCode).toBe(403);
    expect(up.json().error.code).toBe('PASSWORD_LOGIN_DISABLED');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'x@example.com', password: 'whatever it is' },
    });
    expect(login.json().error.code).toBe('PASSWORD_LOGIN_DISABLED');
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { token: 'x', newPassword: 'long enough password' },
    });
    expect(reset.json().error.code).toBe('PASSWORD_LOGIN_DISABLED');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/sso' })).json()).toEqual({
      enabled: true,
      passwordLogin: false,
      providerName: 'idp.example',
    });
  });
});

describe('without single sign-on', () => {
  it('says so, and the start ends on the sign-in page', async () => {
    const t = await startTestApp();
    try {
      expect((await t.app.inject({ method: 'GET', url: '/api/auth/sso' })).json()).toEqual({ enabled: false, passwordLogin: true });
      expect((await t.app.inject({ method: 'GET', url: '/api/auth/sso/start' })).headers.location).toBe(
        '/login?sso_error=SSO_NOT_CONFIGURED',
      );
    } finally {
      await t.close();
    }
  });
});
