/** A role a new single sign-on user gets in the default workspace (never owner). */
export type SsoDefaultRole = 'viewer' | 'editor' | 'admin';

/** Single sign-on with one OpenID Provider (BOT_MANAGER_OIDC_*; apps/server validates them). */
export interface SsoSettings {
  /** The provider's Issuer Identifier; its discovery document is read from it. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Email domains that may sign in (lower case); empty: any. */
  allowedDomains: string[];
  /** A workspace that new users join with a role. */
  defaultWorkspace?: { id: string; role: SsoDefaultRole };
}

/** The name on the "Sign in with …" button: the provider's host without a leading "www."/"accounts.". */
export function providerName(s: SsoSettings): string {
  return new URL(s.issuer).hostname.replace(/^(www|accounts|login|auth|sso)\./, '');
}

/** Does the installation let this email sign in? */
export function domainAllowed(s: SsoSettings, email: string): boolean {
  if (s.allowedDomains.length === 0) return true;
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return s.allowedDomains.includes(domain);
}
