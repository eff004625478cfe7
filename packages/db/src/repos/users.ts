import type { Prisma, PrismaClient, User } from '../generated/client';
import type { RawConn } from '../client';
import { userColumns } from './rows';
import { query, sql } from './sql';
import { translated } from '../errors';
import { newId, newSecret, sha256 } from '../ids';

/** `passwordHash: null`: an account without a usable password (made by single sign-on). */
export interface NewUser {
  email: string;
  name: string;
  passwordHash: string | null;
  locale?: string | null;
}

/**
 * The writes that make a user: the row, their personal workspace and its owner membership. Other
 * repositories (single sign-on) add their own writes to the same transaction.
 */
export function newUserWrites(prisma: PrismaClient, input: NewUser) {
  const userId = newId('usr');
  const workspaceId = newId('ws');
  const writes: [ReturnType<PrismaClient['user']['create']>, ...Prisma.PrismaPromise<unknown>[]] = [
    prisma.user.create({
      data: {
        id: userId,
        email: input.email.toLowerCase(),
        name: input.name,
        passwordHash: input.passwordHash,
        locale: input.locale ?? null,
      },
    }),
    prisma.workspace.create({ data: { id: workspaceId, name: `${input.name}'s workspace`, personal: true } }),
    prisma.membership.create({ data: { id: newId('mem'), userId, workspaceId, role: 'owner' } }),
  ];
  return { userId, workspaceId, writes };
}

export function userRepo(prisma: PrismaClient) {
  return {
    findByEmail: (email: string) => prisma.user.findUnique({ where: { email: email.toLowerCase() } }),
    findById: (id: string) => prisma.user.findUnique({ where: { id } }),
    /** Names of several users in one query (lists that show who did something). */
    namesOf: async (ids: string[]) =>
      new Map(
        (await prisma.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } })).map((u) => [
          u.id,
          u.name,
        ]),
      ),
    /** Names and emails of several users in one query (who made each version of a bot). */
    peopleOf: async (ids: string[]) =>
      new Map(
        (await prisma.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true, email: true } })).map(
          (u) => [u.id, u],
        ),
      ),
    /** The installation's first user (an installation admin). */
    first: () => prisma.user.findFirst({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true } }),

    /** A user always gets a personal workspace they own. An email already taken: ConflictError. */
    async create(input: NewUser) {
      const { workspaceId, writes } = newUserWrites(prisma, input);
      const [user] = await translated('User', prisma.$transaction(writes));
      return { user, workspaceId };
    },

    /** A new password hash (null: no usable password). */
    setPassword: (id: string, passwordHash: string | null) => prisma.user.update({ where: { id }, data: { passwordHash } }),

    /** The user's language (null: follow the browser). */
    setLocale: (id: string, locale: string | null) => prisma.user.update({ where: { id }, data: { locale } }),
  };
}

/** What a personal API token may do: everything but minting tokens, reads and runs, or reads. */
export const TOKEN_SCOPES = ['full', 'run', 'read'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
const asScope = (s: string): TokenScope => ((TOKEN_SCOPES as readonly string[]).includes(s) ? (s as TokenScope) : 'read');

const LAST_USED_RESOLUTION_MS = 60_000;

export function apiTokenRepo(prisma: PrismaClient, raw: RawConn) {
  return {
    /** Returns the token once; only its hash is stored. */
    async create(userId: string, name: string, scope: TokenScope = 'full') {
      const token = `bm_${newSecret()}`;
      const row = await prisma.apiToken.create({
        data: { id: newId('tok'), userId, name, scope, tokenHash: sha256(token), prefix: token.slice(0, 7) },
      });
      return { row: { ...row, scope: asScope(row.scope) }, token };
    },
    /** The token's owner and scope (an unknown stored scope counts as the narrowest). */
    async findCaller(token: string) {
      const [row] = await query<User & { tokenId: string; tokenScope: string; tokenLastUsedAt: Date | null }>(
        raw,
        sql`SELECT t."id" AS "tokenId", t."scope" AS "tokenScope", (t."lastUsedAt" AT TIME ZONE 'UTC') AS "tokenLastUsedAt", ${userColumns('u')}
          FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId" WHERE t."tokenHash" = ${sha256(token)}`,
      );
      if (!row) return null;
      const { tokenId, tokenScope, tokenLastUsedAt, ...user } = row;
      // "Last used" is shown to the minute: a script calling every second does not write every time.
      // Best effort; a lost update of lastUsedAt is harmless.
      if (!tokenLastUsedAt || Date.now() - tokenLastUsedAt.getTime() > LAST_USED_RESOLUTION_MS)
        prisma.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: new Date() } }).catch(() => {});
      return { user, scope: asScope(tokenScope) };
    },
    list: async (userId: string) =>
      (await prisma.apiToken.findMany({ where: { userId }, orderBy: { createdAt: 'desc' } })).map((r) => ({
        ...r,
        scope: asScope(r.scope),
      })),
    delete: (userId: string, id: string) => prisma.apiToken.deleteMany({ where: { id, userId } }),
  };
}

export function workspaceRepo(prisma: PrismaClient) {
  return {
    listForUser: (userId: string) =>
      prisma.membership.findMany({ where: { userId }, include: { workspace: true }, orderBy: { createdAt: 'asc' } }),
    membership: (userId: string, workspaceId: string) =>
      prisma.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId } } }),
    async personal(userId: string) {
      const m = await prisma.membership.findFirst({ where: { userId, workspace: { personal: true } } });
      return m?.workspaceId ?? null;
    },
  };
}
