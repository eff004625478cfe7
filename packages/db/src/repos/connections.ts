import type { PrismaClient, LlmConnection, Provider } from '../generated/client';
import { translated } from '../errors';
import { newId } from '../ids';

export type LlmConnectionRow = LlmConnection;

export interface SealedKey {
  ciphertext: string;
  keyId: string;
  nonce: string;
}

export function connectionRepo(prisma: PrismaClient) {
  return {
    newId: () => newId('llm'),
    create(input: {
      id: string;
      ownerUserId: string;
      workspaceId: string;
      provider: Provider;
      name: string;
      baseUrl: string | null;
      modelDefault: string;
      shared: boolean;
      sealed: SealedKey | null;
      keyHint: string | null;
    }) {
      return prisma.llmConnection.create({
        data: {
          id: input.id,
          ownerUserId: input.ownerUserId,
          workspaceId: input.workspaceId,
          provider: input.provider,
          name: input.name,
          baseUrl: input.baseUrl,
          modelDefault: input.modelDefault,
          shared: input.shared,
          apiKeyEncrypted: input.sealed?.ciphertext ?? null,
          keyId: input.sealed?.keyId ?? null,
          keyNonce: input.sealed?.nonce ?? null,
          keyHint: input.keyHint,
        },
      });
    },
    get: (id: string) => prisma.llmConnection.findUnique({ where: { id } }),
    /** Connections a user may see in a workspace: their own, plus those shared to the workspace. */
    listVisible: (userId: string, workspaceId: string) =>
      prisma.llmConnection.findMany({
        where: { workspaceId, OR: [{ ownerUserId: userId }, { shared: true }] },
        orderBy: { createdAt: 'asc' },
      }),
    update(
      id: string,
      patch: Partial<{ name: string; baseUrl: string | null; modelDefault: string; isActive: boolean; shared: boolean }> & {
        sealed?: SealedKey | null;
        keyHint?: string | null;
      },
    ) {
      const { sealed, ...rest } = patch;
      return translated(
        'LLM connection',
        prisma.llmConnection.update({
          where: { id },
          data: {
            ...rest,
            ...(sealed !== undefined
              ? { apiKeyEncrypted: sealed?.ciphertext ?? null, keyId: sealed?.keyId ?? null, keyNonce: sealed?.nonce ?? null }
              : {}),
          },
        }),
      );
    },
    delete: (id: string) => translated('LLM connection', prisma.llmConnection.delete({ where: { id } })),
    /** Every row holding a key, for master-key rotation. */
    listSealed: () =>
      prisma.llmConnection.findMany({
        where: { apiKeyEncrypted: { not: null } },
        select: { id: true, apiKeyEncrypted: true, keyId: true, keyNonce: true },
      }),
    setSealed: (id: string, sealed: SealedKey) =>
      prisma.llmConnection.update({
        where: { id },
        data: { apiKeyEncrypted: sealed.ciphertext, keyId: sealed.keyId, keyNonce: sealed.nonce },
      }),
  };
}
