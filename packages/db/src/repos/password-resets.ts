import type { PrismaClient } from '../generated/client';
import { newSecret, sha256 } from '../ids';

/** One-use password-reset links; the token is in the link, only its hash here. */
export function passwordResetRepo(prisma: PrismaClient) {
  return {
    /** A new link replaces the user's earlier unused ones: only the latest handed-over link works. */
    async create(input: { userId: string; createdById: string; workspaceId: string }, ttlMs: number) {
      const token = newSecret();
      const expiresAt = new Date(Date.now() + ttlMs);
      await prisma.$transaction([
        prisma.passwordReset.deleteMany({ where: { userId: input.userId, usedAt: null } }),
        prisma.passwordReset.create({ data: { id: sha256(token), ...input, expiresAt } }),
      ]);
      return { token, expiresAt };
    },
    /**
     * Uses the link: sets the password and signs the user out everywhere, in one transaction.
     * Null when the link is unknown, expired or used (a second use racing the first loses).
     */
    use: (token: string, passwordHash: string) =>
      prisma.$transaction(async (tx) => {
        const id = sha256(token);
        const now = new Date();
        const { count } = await tx.passwordReset.updateMany({ where: { id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
        if (count !== 1) return null;
        const { userId, workspaceId, createdById } = await tx.passwordReset.findUniqueOrThrow({ where: { id } });
        const user = await tx.user.update({ where: { id: userId }, data: { passwordHash } });
        await tx.session.deleteMany({ where: { userId } });
        return { user, workspaceId, createdById };
      }),
    /** Expired links (used or not) are kept no longer than they could be used. */
    deleteExpired: async (now = new Date()) => (await prisma.passwordReset.deleteMany({ where: { expiresAt: { lt: now } } })).count,
  };
}
