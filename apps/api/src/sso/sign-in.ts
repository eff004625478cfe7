import { isConflictError, type Repositories, type User } from '@bm/db';
import { SsoError, type AssertedIdentity } from './relying-party';
import { domainAllowed, type SsoSettings } from './settings';

/**
 * The account a validated sign-on opens, by these rules (in order):
 * 1. an identity (issuer + subject) linked before signs in as its user;
 * 2. otherwise the provider must give an email, of an allowed domain;
 * 3. an existing account with that email is linked only when the provider asserts
 *    `email_verified: true` (an unverified email must not hand over someone else's account);
 * 4. a new email makes a new user without a password (and, when configured, a member of the
 *    default workspace). With allowed domains, the email must be verified too: a domain rule
 *    an unverified claim could satisfy would be no rule.
 */
export async function resolveSsoUser(
  repos: Repositories,
  settings: SsoSettings,
  id: AssertedIdentity,
  locale: string | null,
): Promise<{ user: User; created: boolean; missedDefault?: boolean }> {
  const linked = await repos.identities.findUser(id.issuer, id.subject);
  if (linked) {
    // The installation's domain rule holds for every sign-in, also after it changed.
    if (!domainAllowed(settings, id.email ?? linked.email)) throw new SsoError('SSO_DOMAIN_NOT_ALLOWED');
    return { user: linked, created: false };
  }
  if (!id.email) throw new SsoError('SSO_EMAIL_MISSING');
  if (!domainAllowed(settings, id.email)) throw new SsoError('SSO_DOMAIN_NOT_ALLOWED');
  const existing = await repos.users.findByEmail(id.email);
  if (existing) {
    if (!id.emailVerified) throw new SsoError('SSO_EMAIL_UNVERIFIED');
    await repos.identities.link(existing.id, { issuer: id.issuer, subject: id.subject, email: id.email }).catch(conflictIsRace);
    return { user: existing, created: false };
  }
  if (settings.allowedDomains.length > 0 && !id.emailVerified) throw new SsoError('SSO_EMAIL_UNVERIFIED');
  try {
    const { user, joinedDefault } = await repos.identities.createUser({
      email: id.email,
      name: id.name ?? id.email.slice(0, id.email.indexOf('@')),
      locale,
      identity: { issuer: id.issuer, subject: id.subject },
      defaultWorkspace: settings.defaultWorkspace,
    });
    return { user, created: true, missedDefault: !!settings.defaultWorkspace && !joinedDefault };
  } catch (err) {
    // Two callbacks of one person at once: the other one made the account; use it.
    if (isConflictError(err)) {
      const user = await repos.identities.findUser(id.issuer, id.subject);
      if (user) return { user, created: false };
    }
    throw err;
  }
}

function conflictIsRace(err: unknown) {
  // Already linked by a sign-in racing this one: the link exists, which is all that was wanted.
  if (!isConflictError(err)) throw err;
}
