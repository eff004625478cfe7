import * as oidc from 'openid-client';
import type { SsoSettings } from './settings';

/** What the callback must check: kept server-side between the redirect and the callback. */
export interface LoginChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The identity the provider asserted, after the ID Token (and, for missing claims, UserInfo) were validated. */
export interface AssertedIdentity {
  issuer: string;
  subject: string;
  email?: string;
  emailVerified: boolean;
  name?: string;
  locale?: string;
}

/** The provider said no or could not be used: the code is what the sign-in page shows. */
export class SsoError extends Error {
  constructor(
    readonly code: SsoErrorCode,
    opts?: { cause?: unknown },
  ) {
    super(code, opts);
  }
}

/** Why a single sign-on ended on the sign-in page (`/login?sso_error=CODE`); each has a message in the errors catalogue. */
export const SSO_ERROR_CODES = [
  'SSO_NOT_CONFIGURED',
  'SSO_STATE_INVALID',
  'SSO_PROVIDER_ERROR',
  'SSO_DENIED',
  'SSO_EMAIL_MISSING',
  'SSO_EMAIL_UNVERIFIED',
  'SSO_DOMAIN_NOT_ALLOWED',
] as const;
export type SsoErrorCode = (typeof SSO_ERROR_CODES)[number];

const isLoopback = (host: string) => host === 'localhost' || host === '[::1]' || /^127\./.test(host);

/**
 * openid-client (authorization code + PKCE) against the configured provider. Every request goes
 * through `fetch` (the outbound guard); the discovery document is read on first use and kept, and
 * read again after a failure (the provider may have been down when the app started).
 */
export function createRelyingParty(settings: SsoSettings, fetch: oidc.CustomFetch) {
  const issuer = new URL(settings.issuer);
  // Plain http only for a provider on this machine (development, tests): tokens never cross a network unencrypted.
  const insecure = issuer.protocol === 'http:' && isLoopback(issuer.hostname);
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () =>
    (discovered ??= oidc
      .discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
        [oidc.customFetch]: fetch,
        ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
      })
      .catch((err: unknown) => {
        discovered = undefined;
        throw new SsoError('SSO_PROVIDER_ERROR', { cause: err });
      }));

  return {
    /** Where to send the browser, and what its callback must prove. */
    async start(redirectUri: string): Promise<{ url: URL; checks: LoginChecks }> {
      const config = await configuration();
      const checks = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        response_type: 'code',
        code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
        state: checks.state,
        nonce: checks.nonce,
      });
      return { url, checks };
    },

    /** Exchanges the code (state, nonce and PKCE checked by openid-client) for a validated identity. */
    async finish(callbackUrl: URL, checks: LoginChecks): Promise<AssertedIdentity> {
      const config = await configuration();
      if (callbackUrl.searchParams.get('error') === 'access_denied') throw new SsoError('SSO_DENIED');
      let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
      try {
        tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
      } catch (err) {
        throw new SsoError('SSO_PROVIDER_ERROR', { cause: err });
      }
      const id = tokens.claims()!;
      let claims: Record<string, unknown> = id;
      // Providers may keep email out of the ID Token (it is in UserInfo, for the same subject).
      if (typeof id.email !== 'string') {
        try {
          claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, id.sub)), ...id };
        } catch (err) {
          throw new SsoError('SSO_PROVIDER_ERROR', { cause: err });
        }
      }
      const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
      return {
        issuer: config.serverMetadata().issuer,
        subject: id.sub,
        email: str(claims.email)?.toLowerCase(),
        // Only a literal true: a string "true" or a missing claim is not an assertion.
        emailVerified: claims.email_verified === true,
        name: str(claims.name) ?? str(claims.preferred_username),
        locale: str(claims.locale),
      };
    },
  };
}

export type RelyingParty = ReturnType<typeof createRelyingParty>;
