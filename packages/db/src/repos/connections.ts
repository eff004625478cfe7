import { Prisma, type PrismaClient, type LlmConnection, type Provider } from '../generated/client';
import { translated } from '../errors';
import type { RawConn } from '../client';
import { newId } from '../ids';
import { query, sql } from './sql';

interface LlmCallRow {
  botId: string;
  botWorkspaceId: string;
  llmConnectionId: string | null;
  llmModelOverride: string | null;
  member: boolean;
  id: string | null;
  ownerUserId: string | null;
  workspaceId: string | null;
  provider: string | null;
  name: string | null;
  baseUrl: string | null;
  modelDefault: string | null;
  isActive: boolean | null;
  shared: boolean | null;
  apiKeyEncrypted: string | null;
  keyId: string | null;
  keyNonce: string | null;
  prices: unknown;
}

export type LlmConnectionRow = LlmConnection;

export interface SealedKey {
  ciphertext: string;
  keyId: string;
  nonce: string;
}

export function connectionRepo(prisma: PrismaClient, raw: RawConn) {
  return {
    /**
     * What an LLM call needs, in one statement: the bot's LLM settings, the connection to use
     * (`connectionId`, else the bot's) and whether the caller is a member of the bot's workspace.
     */
    async forLlmCall(req: { botId: string; connectionId?: string; userId: string }) {
      const [row] = await query<LlmCallRow>(
        raw,
        sql`
        SELECT b."id" AS "botId", b."workspaceId" AS "botWorkspaceId", b."llmConnectionId", b."llmModelOverride",
          EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = ${req.userId} AND m."workspaceId" = b."workspaceId") AS "member",
          c."id", c."ownerUserId", c."workspaceId", c."provider"::text AS "provider", c."name", c."baseUrl", c."modelDefault",
          c."isActive", c."shared", c."apiKeyEncrypted", c."keyId", c."keyNonce", c."prices"
        FROM "Bot" b LEFT JOIN "user_llm_connections" c ON c."id" = COALESCE(${req.connectionId ?? null}::text, b."llmConnectionId")
        WHERE b."id" = ${req.botId}`,
      );
      if (!row) return null;
      return {
        bot: {
          id: row.botId,
          workspaceId: row.botWorkspaceId,
          llmConnectionId: row.llmConnectionId,
          llmModelOverride: row.llmModelOverride,
        },
        member: row.member,
        connection: row.id
          ? {
              id: row.id,
              ownerUserId: row.ownerUserId!,
              workspaceId: row.workspaceId!,
              provider: row.provider as Provider,
              name: row.name!,
              baseUrl: row.baseUrl,
              modelDefault: row.modelDefault!,
              isActive: row.isActive!,
              shared: row.shared!,
              apiKeyEncrypted: row.apiKeyEncrypted,
              keyId: row.keyId,
              keyNonce: row.keyNonce,
              prices: row.prices,
            }
          : null,
      };
    },
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
      prices?: Record<string, unknown> | null;
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
          prices: (input.prices ?? undefined) as Prisma.InputJsonValue | undefined,
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
        prices?: Record<string, unknown> | null;
      },
    ) {
      const { sealed, prices, ...rest } = patch;
      return translated(
        'LLM connection',
        prisma.llmConnection.update({
          where: { id },
          data: {
            ...rest,
            ...(prices !== undefined ? { prices: prices === null ? Prisma.DbNull : (prices as Prisma.InputJsonValue) } : {}),
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
