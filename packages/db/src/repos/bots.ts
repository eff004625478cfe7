import { Prisma, type Bot, type BotVersion, type PrismaClient } from '../generated/client';
import { ConflictError, isRecordMissing, isUniqueViolation, NotFoundError, translated, VersionConflictError } from '../errors';
import type { RawConn } from '../client';
import { newId, newSecret, sha256 } from '../ids';
import { rowForCaller } from './rows';
import { query, sql } from './sql';

/** Bounded memory for immutable rows (bot versions): the oldest entry leaves first. */
const MAX_REMEMBERED_VERSIONS = 500;
function remember<V>(map: Map<string, V>, key: string, value: V) {
  if (map.size >= MAX_REMEMBERED_VERSIONS) map.delete(map.keys().next().value!);
  map.set(key, value);
}

/** The fields of a version that never change once it is written (its name may). */
const IMMUTABLE_VERSION = { id: true, botId: true, version: true, graph: true, createdById: true, createdAt: true } as const;
export type ImmutableVersion = Pick<BotVersion, keyof typeof IMMUTABLE_VERSION>;

export function botRepo(prisma: PrismaClient, raw: RawConn) {
  const versions = new Map<string, ImmutableVersion>();
  const graphs = new Map<string, unknown>();
  return {
    /** Creates the bot and its immutable version 1 in one batch. */
    async create(input: {
      workspaceId: string;
      createdById: string;
      name: string;
      description?: string;
      graph: Prisma.InputJsonValue;
      llmConnectionId?: string | null;
      llmModelOverride?: string | null;
      onFailure?: Prisma.InputJsonValue | typeof Prisma.DbNull;
    }) {
      const id = newId('bot');
      const [bot] = await prisma.$transaction([
        prisma.bot.create({
          data: {
            id,
            workspaceId: input.workspaceId,
            createdById: input.createdById,
            name: input.name,
            description: input.description ?? '',
            graph: input.graph,
            currentVersion: 1,
            llmConnectionId: input.llmConnectionId ?? null,
            llmModelOverride: input.llmModelOverride ?? null,
            ...(input.onFailure !== undefined ? { onFailure: input.onFailure } : {}),
          },
        }),
        prisma.botVersion.create({
          data: { id: newId('ver'), botId: id, version: 1, graph: input.graph, createdById: input.createdById },
        }),
      ]);
      return bot;
    },
    get: (id: string) => prisma.bot.findUnique({ where: { id } }),
    /** The bot and the caller's role in its workspace (null: not a member), in one statement. */
    getForCaller: (id: string, userId: string) => rowForCaller<Bot>(raw, 'Bot', id, userId),
    /** The workspace's bots, newest change first; `q`: text in the name or description (case-insensitive). */
    list: (workspaceId: string, q?: string) =>
      prisma.bot.findMany({
        where: {
          workspaceId,
          ...(q
            ? {
                OR: [
                  { name: { contains: q, mode: 'insensitive' as const } },
                  { description: { contains: q, mode: 'insensitive' as const } },
                ],
              }
            : {}),
        },
        orderBy: { updatedAt: 'desc' },
      }),

    /**
     * A saved change of the graph makes a new immutable version. With `baseVersion` the save is
     * conditional: it is written only if that is still the bot's current version, else
     * VersionConflictError names the current one. The check and the write are one atomic step: the
     * new version's number is unique per bot and the bot row is updated only where its version is
     * still the base, in one transaction, so of two saves from the same base exactly one wins.
     * Without `baseVersion` (scripts) the save applies to whatever is current; a lost race there is
     * ConflictError. A bot deleted meanwhile: NotFoundError.
     */
    async update(
      id: string,
      userId: string,
      patch: {
        name?: string;
        description?: string;
        graph?: Prisma.InputJsonValue;
        llmConnectionId?: string | null;
        llmModelOverride?: string | null;
        onFailure?: Prisma.InputJsonValue | typeof Prisma.DbNull;
      },
      graphChanged: boolean,
      opts: { baseVersion?: number; restoredFrom?: number } = {},
    ) {
      const { graph, ...rest } = patch;
      const { baseVersion } = opts;
      const lost = async (cause?: unknown): Promise<never> => {
        const now = await prisma.bot.findUnique({ where: { id }, select: { currentVersion: true } });
        if (!now) throw new NotFoundError('Bot', { cause });
        if (baseVersion !== undefined) throw new VersionConflictError(now.currentVersion, { cause });
        throw new ConflictError('Bot', 'The bot was saved by another request at the same moment.', { cause });
      };
      if (!graphChanged || graph === undefined) {
        if (baseVersion === undefined) return translated('Bot', prisma.bot.update({ where: { id }, data: rest }));
        try {
          return await prisma.bot.update({ where: { id, currentVersion: baseVersion }, data: rest });
        } catch (err) {
          if (isRecordMissing(err)) return lost(err);
          throw err;
        }
      }
      let from = baseVersion;
      if (from === undefined) {
        const current = await prisma.bot.findUnique({ where: { id }, select: { currentVersion: true } });
        if (!current) throw new NotFoundError('Bot');
        from = current.currentVersion;
      }
      const version = from + 1;
      try {
        const [, bot] = await prisma.$transaction([
          prisma.botVersion.create({
            data: { id: newId('ver'), botId: id, version, graph, createdById: userId, restoredFrom: opts.restoredFrom ?? null },
          }),
          prisma.bot.update({ where: { id, currentVersion: from }, data: { ...rest, graph, currentVersion: version } }),
        ]);
        return bot;
      } catch (err) {
        // P2002: the version number was taken; P2025: currentVersion moved on (or the bot is gone).
        if (isUniqueViolation(err) || isRecordMissing(err)) return lost(err);
        throw err;
      }
    },
    /**
     * Bots that may use a connection: as their default one, or with its id anywhere in their
     * current graph (the caller checks which node params really name it). One statement over every
     * workspace, for the rare delete/deactivate dialog: the text match has no index to use.
     */
    mayUseConnection: (connectionId: string) =>
      query<Pick<Bot, 'id' | 'workspaceId' | 'name' | 'graph' | 'llmConnectionId' | 'currentVersion'>>(
        raw,
        sql`SELECT b."id", b."workspaceId", b."name", b."graph", b."llmConnectionId", b."currentVersion" FROM "Bot" b
          WHERE b."llmConnectionId" = ${connectionId} OR strpos(b."graph"::text, ${JSON.stringify(connectionId)}) > 0
          ORDER BY b."name", b."id"`,
      ),
    /**
     * Saves several bots at once, each a new version from the version it was read at, in ONE
     * transaction: all are written or none (a bot saved meanwhile fails the batch: ConflictError).
     */
    async saveMany(
      userId: string,
      changes: { id: string; fromVersion: number; graph: Prisma.InputJsonValue; llmConnectionId?: string | null }[],
    ) {
      try {
        await prisma.$transaction(
          changes.flatMap((c) => [
            prisma.botVersion.create({
              data: { id: newId('ver'), botId: c.id, version: c.fromVersion + 1, graph: c.graph, createdById: userId },
            }),
            prisma.bot.update({
              where: { id: c.id, currentVersion: c.fromVersion },
              data: {
                graph: c.graph,
                currentVersion: c.fromVersion + 1,
                ...(c.llmConnectionId !== undefined ? { llmConnectionId: c.llmConnectionId } : {}),
              },
            }),
          ]),
        );
      } catch (err) {
        if (isUniqueViolation(err) || isRecordMissing(err))
          throw new ConflictError('Bot', 'A bot was saved by another request at the same moment.', { cause: err });
        throw err;
      }
      return changes.map((c) => ({ id: c.id, version: c.fromVersion + 1 }));
    },
    delete: (id: string) => translated('Bot', prisma.bot.delete({ where: { id } })),
    /**
     * A version's graph never changes once written: kept in memory after the first read. Only the
     * immutable fields are read (a version's name may change: see `versionDetail`).
     */
    async version(botId: string, version: number): Promise<ImmutableVersion | null> {
      const key = `${botId}:${version}`;
      const hit = versions.get(key);
      if (hit) return hit;
      const row = await prisma.botVersion.findUnique({ where: { botId_version: { botId, version } }, select: IMMUTABLE_VERSION });
      if (row) remember(versions, key, row);
      return row;
    },
    /** A version with what may change about it (its name), read fresh. */
    versionDetail: (botId: string, version: number) => prisma.botVersion.findUnique({ where: { botId_version: { botId, version } } }),
    /** A version's graph by the version's id (kept in memory: versions never change). */
    async versionGraph(versionId: string): Promise<unknown> {
      if (graphs.has(versionId)) return graphs.get(versionId);
      const graph =
        (await query<{ graph: unknown }>(raw, sql`SELECT "graph" FROM "BotVersion" WHERE "id" = ${versionId}`))[0]?.graph ?? null;
      if (graph !== null) remember(graphs, versionId, graph);
      return graph;
    },
    /** Every version, newest first, with its graph (the history diffs each against the one before). */
    versions: (botId: string) => prisma.botVersion.findMany({ where: { botId }, orderBy: { version: 'desc' } }),
    /** Names a version (null: unnamed). A version that does not exist: NotFoundError. */
    nameVersion: (botId: string, version: number, name: string | null) =>
      translated('BotVersion', prisma.botVersion.update({ where: { botId_version: { botId, version } }, data: { name } })),
    /** Stored hashed: a database dump does not hand out working trigger URLs. */
    findByWebhookToken: (token: string) => prisma.bot.findUnique({ where: { webhookToken: sha256(token) } }),
    /** A new webhook token; runs it triggers execute as `userId` (who created or rotated it). */
    async rotateWebhook(id: string, userId: string) {
      const token = newSecret(24);
      await translated('Bot', prisma.bot.update({ where: { id }, data: { webhookToken: sha256(token), webhookUserId: userId } }));
      return token;
    },
    /** How the webhook answers: `{ mode, timeoutMs? }` (null: at once, 202). The API validates it. */
    setWebhookResponse: (id: string, response: Prisma.InputJsonValue | null) =>
      translated('Bot', prisma.bot.update({ where: { id }, data: { webhookResponse: response ?? Prisma.DbNull } })),
    disableWebhook: (id: string) =>
      translated('Bot', prisma.bot.update({ where: { id }, data: { webhookToken: null, webhookUserId: null } })),
  };
}

export function nodeStateRepo(prisma: PrismaClient) {
  return {
    async get(botId: string, nodeId: string, key: string) {
      const row = await prisma.nodeState.findUnique({ where: { botId_nodeId_key: { botId, nodeId, key } } });
      return row?.value;
    },
    set: (botId: string, nodeId: string, key: string, value: Prisma.InputJsonValue) =>
      prisma.nodeState.upsert({
        where: { botId_nodeId_key: { botId, nodeId, key } },
        create: { botId, nodeId, key, value },
        update: { value },
      }),
  };
}
