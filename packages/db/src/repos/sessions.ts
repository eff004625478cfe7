import type { PrismaClient, User } from '../generated/client';
import type { RawConn } from '../client';
import { userColumns } from './rows';
import { query, sql } from './sql';
import { newSecret, sha256 } from '../ids';

/** Browser sessions: the cookie value is returned once, only its hash is stored. */
export function sessionRepo(prisma: PrismaClient, raw: RawConn) {
  return {
    /** Returns the cookie value; only its hash is stored. */
    async create(userId: string, ttlMs: number) {
      const token = newSecret();
      await prisma.session.create({ data: { id: sha256(token), userId, expiresAt: new Date(Date.now() + ttlMs) } });
      return token;
    },
    /** The session's user, in one statement (every signed-in request asks). */
    async findUser(token: string): Promise<User | null> {
      const [row] = await query<User & { sessionExpiresAt: Date }>(
        raw,
        sql`SELECT ("s"."expiresAt" AT TIME ZONE 'UTC') AS "sessionExpiresAt", ${userColumns('u')}
          FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = ${sha256(token)}`,
      );
      if (!row || row.sessionExpiresAt.getTime() < Date.now()) return null;
      const { sessionExpiresAt: _, ...user } = row;
      return user;
    },
    delete: (token: string) => prisma.session.deleteMany({ where: { id: sha256(token) } }),
    /** "Sign out everywhere": every session of the user. Returns how many there were. */
    deleteAllForUser: async (userId: string) => (await prisma.session.deleteMany({ where: { userId } })).count,
    /** Every session of the user but the one with this cookie value (after a password change). */
    deleteOthers: async (userId: string, keepToken: string) =>
      (await prisma.session.deleteMany({ where: { userId, id: { not: sha256(keepToken) } } })).count,
    /** Expired sessions are useless (findUser refuses them) but would pile up: the API deletes them on a timer. */
    deleteExpired: async (now = new Date()) => (await prisma.session.deleteMany({ where: { expiresAt: { lt: now } } })).count,
  };
}

/** Browsers a user signed in from, by a hash of their User-Agent (to notice a sign-in from a new one). */
export function deviceRepo(prisma: PrismaClient) {
  return {
    /** Records the sign-in; true when this user had never signed in from this device before. */
    async seen(userId: string, deviceHash: string): Promise<boolean> {
      const { count } = await prisma.userDevice.createMany({ data: [{ userId, deviceHash }], skipDuplicates: true });
      if (count === 0)
        await prisma.userDevice.update({ where: { userId_deviceHash: { userId, deviceHash } }, data: { lastSeenAt: new Date() } });
      return count === 1;
    },
  };
}
