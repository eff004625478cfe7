import { describe, expect, it } from 'vitest';
import { serializeRequest } from './app';

describe('request log lines', () => {
  it('name no token of a webhook, reset or approval link, and no query string', () => {
    const path = (url: string) => serializeRequest({ method: 'GET', url, id: 'r1' }).path;
    expect(path('/api/hooks/abc123secret')).toBe('/api/hooks/[token]');
    expect(path('/reset-password/Zm9vYmFyc2VjcmV0')).toBe('/reset-password/[token]');
    expect(path('/api/approval-links/c2lnbmVkLWxpbmstc2VjcmV0')).toBe('/api/approval-links/[token]');
    expect(path('/approve/c2lnbmVkLWxpbmstc2VjcmV0')).toBe('/approve/[token]');
    expect(path('/api/auth/sso/callback?code=c0de&state=s')).toBe('/api/auth/sso/callback');
  });
});
