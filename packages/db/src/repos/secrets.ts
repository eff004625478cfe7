import type { PrismaClient, WorkspaceSecret } from '../generated/client';
import { newId } from '../ids';
import type { SealedKey } from './connections';
import { ConflictError, NotFoundError, isUniqueViolation, isRecordMissing } from '../errors';

export type WorkspaceSecretRow = WorkspaceSecret;

/** Workspace secrets, sealed by the caller (packages/secrets); this layer never sees a plaintext. */
export function secretRepo(prisma: PrismaClient) {
  return {
    newId: () => newId('sec'),
    async create(input: { id: string; workspaceId: string; name: string; sealed: SealedKey; hint: string; createdById: string | null }) {
      try {
        return await prisma.workspaceSecret.create({
          data: {
            id: input.id,
            workspaceId: input.workspaceId,
            name: input.name,
            valueEncrypted: input.sealed.ciphertext,
            keyId: input.sealed.keyId,
            keyNonce: input.sealed.nonce,
            hint: input.hint,
            createdById: input.createdById,
          },
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new ConflictError('secret', 'A secret with this name already exists in the workspace.');
        throw err;
      }
    },
    get: (id: string) => prisma.workspaceSecret.findUnique({ where: { id } }),
    list: (workspaceId: string) => prisma.workspaceSecret.findMany({ where: { workspaceId }, orderBy: { name: 'asc' } }),
    /** The sealed rows of the named secrets (for the activity that decrypts them). */
    byNames: (workspaceId: string, names: string[]) =>
      names.length ? prisma.workspaceSecret.findMany({ where: { workspaceId, name: { in: names } } }) : Promise.resolve([]),
    async update(id: string, patch: { name?: string; sealed?: SealedKey; hint?: string }) {
      try {
        return await prisma.workspaceSecret.update({
          where: { id },
          data: {
            name: patch.name,
            hint: patch.hint,
            ...(patch.sealed ? { valueEncrypted: patch.sealed.ciphertext, keyId: patch.sealed.keyId, keyNonce: patch.sealed.nonce } : {}),
          },
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new ConflictError('secret', 'A secret with this name already exists in the workspace.');
        if (isRecordMissing(err)) throw new NotFoundError('secret');
        throw err;
      }
    },
    async delete(id: string) {
      try {
        await prisma.workspaceSecret.delete({ where: { id } });
      } catch (err) {
        if (isRecordMissing(err)) throw new NotFoundError('secret');
        throw err;
      }
    },
    /** Every sealed value, for the key-rotation command. */
    listSealed: () => prisma.workspaceSecret.findMany({ select: { id: true, valueEncrypted: true, keyId: true, keyNonce: true } }),
    setSealed: (id: string, sealed: SealedKey) =>
      prisma.workspaceSecret.update({
        where: { id },
        data: { valueEncrypted: sealed.ciphertext, keyId: sealed.keyId, keyNonce: sealed.nonce },
      }),
  };
}
