import type { PrismaClient, Role } from '../generated/client';
import { translated } from '../errors';
import { newId, newSecret, sha256 } from '../ids';
import { newUserWrites } from './users';

/** Single sign-on identities (issuer + subject → user) and the sign-ins in progress at a provider. */
export function identityRepo(prisma: PrismaClient) {
  return {
    /** The user this provider's subject signed in as before, if any. */
    async findUser(issuer: string, subject: string) {
      const row = await prisma.userIdentity.findUnique({ where: { issuer_subject: { issuer, subject } }, include: { user: true } });
      return row?.user ?? null;
    },
    /** Links the identity to an existing user. Already linked (to anyone): ConflictError. */
    link: (userId: string, identity: { issuer: string; subject: string; email: string }) =>
      translated('UserIdentity', prisma.userIdentity.create({ data: { id: newId('idn'), userId, ...identity } })),
    /**
     * A new user from a sign-on: no usable password, a personal workspace like every user, the
     * identity, and (when the installation names one that exists) a membership in the default workspace.
     * An email or identity already taken: ConflictError.
     */
    async createUser(input: {
      email: string;
      name: string;
      locale?: string | null;
      identity: { issuer: string; subject: string };
      defaultWorkspace?: { id: string; role: Role };
    }) {
      const { userId, writes } = newUserWrites(prisma, { email: input.email, name: input.name, passwordHash: null, locale: input.locale });
      const joins =
        input.defaultWorkspace && (await prisma.workspace.findUnique({ where: { id: input.defaultWorkspace.id } }))
          ? [
              prisma.membership.create({
                data: { id: newId('mem'), userId, workspaceId: input.defaultWorkspace.id, role: input.defaultWorkspace.role },
              }),
            ]
          : [];
      const [user] = await translated(
        'User',
        prisma.$transaction([
          ...writes,
          prisma.userIdentity.create({ data: { id: newId('idn'), userId, email: input.email.toLowerCase(), ...input.identity } }),
          ...joins,
        ]),
      );
      return { user, joinedDefault: joins.length > 0 };
    },
    listForUser: (userId: string) => prisma.userIdentity.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
  };
}

export interface OidcLoginState {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** What the callback of a sign-in at the provider must check, keyed by the hash of a cookie value. */
export function oidcLoginRepo(prisma: PrismaClient) {
  return {
    /** Returns the cookie value; only its hash is stored. */
    async create(login: OidcLoginState, ttlMs: number) {
      const token = newSecret();
      await prisma.oidcLogin.create({ data: { id: sha256(token), ...login, expiresAt: new Date(Date.now() + ttlMs) } });
      return token;
    },
    /** The sign-in of this cookie, once: it is deleted whether it was still valid or not. */
    async take(token: string): Promise<OidcLoginState | null> {
      const rows = await prisma.oidcLogin.findMany({ where: { id: sha256(token) } });
      const row = rows[0];
      if (!row) return null;
      const { count } = await prisma.oidcLogin.deleteMany({ where: { id: row.id } });
      // A second callback racing the first loses here.
      if (count !== 1 || row.expiresAt.getTime() < Date.now()) return null;
      return { state: row.state, nonce: row.nonce, codeVerifier: row.codeVerifier, returnTo: row.returnTo };
    },
    deleteExpired: async (now = new Date()) => (await prisma.oidcLogin.deleteMany({ where: { expiresAt: { lt: now } } })).count,
  };
}
