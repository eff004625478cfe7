import type { Bot, NodeRun, Run, User } from '../generated/client';
import type { RawConn } from '../client';
import type { Role } from '../generated/client';
import { Fragment, query, sql } from './sql';

// Column lists for the raw reads of the hot paths (sql.ts), shaped exactly as Prisma returns the
// rows: times as UTC instants (`AT TIME ZONE 'UTC'` makes them timestamptz, which every driver
// reads as the right Date), enums as text. A new column in the schema must be added here too;
// rows.int.test.ts compares each list with what Prisma returns for the same row.

const utc = (alias: string, col: string) => `(${alias}."${col}" AT TIME ZONE 'UTC') AS "${col}"`;
const plain = (alias: string, col: string) => `${alias}."${col}"`;

export const userColumns = (a: string) =>
  new Fragment(
    [...['id', 'email', 'name', 'passwordHash', 'locale'].map((c) => plain(a, c)), utc(a, 'createdAt'), utc(a, 'updatedAt')].join(', '),
  );

export const botColumns = (a: string) =>
  new Fragment(
    [
      ...[
        'id',
        'workspaceId',
        'createdById',
        'name',
        'description',
        'graph',
        'currentVersion',
        'llmConnectionId',
        'llmModelOverride',
        'webhookToken',
        'webhookUserId',
        'webhookResponse',
        'onFailure',
      ].map((c) => plain(a, c)),
      utc(a, 'createdAt'),
      utc(a, 'updatedAt'),
    ].join(', '),
  );

export const runColumns = (a: string) =>
  new Fragment(
    [
      ...[
        'id',
        'botId',
        'botVersionId',
        'version',
        'workspaceId',
        'userId',
        'input',
        'error',
        'workflowId',
        'resumedFromId',
        'rerunOfId',
        'parentRunId',
        'parentNodeId',
        'startAt',
        'onlyStartAt',
        'reuses',
        'eventSeq',
      ].map((c) => plain(a, c)),
      `${a}."status"::text AS "status"`,
      `${a}."trigger"::text AS "trigger"`,
      utc(a, 'createdAt'),
      utc(a, 'startedAt'),
      utc(a, 'finishedAt'),
    ].join(', '),
  );

/** Every NodeRun column but the output (read separately, and only when small enough to inline). */
export const nodeRunColumnsWithoutOutput = (a: string) =>
  new Fragment(
    [
      ...[
        'id',
        'runId',
        'nodeId',
        'item',
        'type',
        'input',
        'outputBytes',
        'error',
        'attempts',
        'inputTokens',
        'outputTokens',
        'cachedTokens',
        'model',
        'warnings',
        'reused',
        'reusedFrom',
        'costUsd',
        'price',
        'connectionId',
        'ports',
      ].map((c) => plain(a, c)),
      `${a}."status"::text AS "status"`,
      utc(a, 'startedAt'),
      utc(a, 'finishedAt'),
    ].join(', '),
  );

export type { Bot, NodeRun, Run, User };

const TABLES = { Bot: botColumns, Run: runColumns } as const;

/**
 * A bot or run by id with the caller's role in its workspace (null: not a member), in one
 * statement: the access check of every request on a bot or a run.
 */
export async function rowForCaller<T>(
  raw: RawConn,
  table: keyof typeof TABLES,
  id: string,
  userId: string,
): Promise<{ row: T; role: Role | null } | null> {
  const [r] = await query<T & { callerRole: Role | null }>(
    raw,
    sql`SELECT ${TABLES[table]('t')}, m."role"::text AS "callerRole" FROM ${new Fragment(`"${table}"`)} t
      LEFT JOIN "Membership" m ON m."workspaceId" = t."workspaceId" AND m."userId" = ${userId} WHERE t."id" = ${id}`,
  );
  if (!r) return null;
  const { callerRole, ...row } = r;
  return { row: row as T, role: callerRole };
}
