import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('configuration', () => {
  it('reads BOT_MANAGER_TRUST_PROXY as a hop count, never "trust every hop"', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ BOT_MANAGER_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ BOT_MANAGER_TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ BOT_MANAGER_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(() => loadConfig({ BOT_MANAGER_TRUST_PROXY: 'yes' })).toThrow(/BOT_MANAGER_TRUST_PROXY/);
  });

  it('reads the shortest schedule interval, 1 minute by default', () => {
    expect(loadConfig({}).minScheduleIntervalMs).toBe(60_000);
    expect(loadConfig({ BOT_MANAGER_MIN_SCHEDULE_INTERVAL: '30s' }).minScheduleIntervalMs).toBe(30_000);
    expect(loadConfig({ BOT_MANAGER_MIN_SCHEDULE_INTERVAL: '300' }).minScheduleIntervalMs).toBe(300_000);
    expect(() => loadConfig({ BOT_MANAGER_MIN_SCHEDULE_INTERVAL: 'often' })).toThrow(/BOT_MANAGER_MIN_SCHEDULE_INTERVAL/);
  });

  it('reads single sign-on, and refuses to start half-configured', () => {
    const core = {
      BOT_MANAGER_OIDC_ISSUER: 'https://idp.example.com',
      BOT_MANAGER_OIDC_CLIENT_ID: 'bm',
      BOT_MANAGER_OIDC_CLIENT_SECRET: 's3cret',
    };
    expect(loadConfig({}).sso).toBeUndefined();
    expect(loadConfig({}).passwordLogin).toBe(true);
    expect(loadConfig(core).sso).toEqual({ issuer: 'https://idp.example.com', clientId: 'bm', clientSecret: 's3cret', allowedDomains: [] });
    const full = loadConfig({
      ...core,
      BOT_MANAGER_OIDC_ALLOWED_DOMAINS: 'Example.com, @corp.example',
      BOT_MANAGER_OIDC_DEFAULT_WORKSPACE: 'ws_team',
      BOT_MANAGER_PASSWORD_LOGIN: 'off',
    });
    expect(full.sso).toMatchObject({
      allowedDomains: ['example.com', 'corp.example'],
      defaultWorkspace: { id: 'ws_team', role: 'viewer' },
    });
    expect(full.passwordLogin).toBe(false);
    expect(
      loadConfig({ ...core, BOT_MANAGER_OIDC_DEFAULT_WORKSPACE: 'ws_t', BOT_MANAGER_OIDC_DEFAULT_ROLE: 'admin' }).sso?.defaultWorkspace
        ?.role,
    ).toBe('admin');
    expect(loadConfig({ ...core, BOT_MANAGER_OIDC_ISSUER: 'http://127.0.0.1:9000' }).sso?.issuer).toBe('http://127.0.0.1:9000');

    expect(() => loadConfig({ BOT_MANAGER_OIDC_ISSUER: core.BOT_MANAGER_OIDC_ISSUER })).toThrow(
      /missing: BOT_MANAGER_OIDC_CLIENT_ID, BOT_MANAGER_OIDC_CLIENT_SECRET/,
    );
    expect(() => loadConfig({ ...core, BOT_MANAGER_OIDC_ISSUER: 'http://idp.example.com' })).toThrow(/must be an https:\/\/ URL/);
    expect(() => loadConfig({ ...core, BOT_MANAGER_OIDC_ISSUER: 'not a url' })).toThrow(/must be a URL/);
    expect(() => loadConfig({ ...core, BOT_MANAGER_OIDC_DEFAULT_ROLE: 'owner' })).toThrow(/viewer, editor or admin/);
    expect(() => loadConfig({ ...core, BOT_MANAGER_OIDC_DEFAULT_ROLE: 'editor' })).toThrow(/needs BOT_MANAGER_OIDC_DEFAULT_WORKSPACE/);
    expect(() => loadConfig({ ...core, BOT_MANAGER_OIDC_ALLOWED_DOMAINS: 'not a domain' })).toThrow(/not an email domain/);
    expect(() => loadConfig({ BOT_MANAGER_OIDC_ALLOWED_DOMAINS: 'example.com' })).toThrow(/single sign-on is not configured/);
    expect(() => loadConfig({ BOT_MANAGER_PASSWORD_LOGIN: 'off' })).toThrow(/nobody could sign in/);
    expect(() => loadConfig({ BOT_MANAGER_PASSWORD_LOGIN: 'no' })).toThrow(/must be on or off/);
  });
});
