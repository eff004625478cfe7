import { encryptSecret, extractCredentials, keyHint, type KeyRing } from '@bm/secrets';
import type { Prisma } from '../generated/client';
import type { Repositories } from '../repos/repositories';

type GraphJson = { nodes: { id: string; params?: Record<string, unknown> }[] };
const isGraph = (g: unknown): g is GraphJson => !!g && typeof g === 'object' && Array.isArray((g as GraphJson).nodes);

/**
 * Moves literal credentials in a graph (credential headers, key-like query parameters) into
 * workspace secrets and returns the graph with `{{ secrets.NAME }}` references. Used on every save
 * and by the one-time migration of stored bots. `seen` lets several graphs of one workspace (a
 * bot's versions) share one secret per value.
 */
export async function moveCredentialsToSecrets<G>(
  repos: Pick<Repositories, 'secrets'>,
  ring: KeyRing,
  args: { workspaceId: string; userId: string | null; graph: G; taken?: Set<string>; seen?: Map<string, string> },
): Promise<{ graph: G; created: { id: string; name: string }[] }> {
  if (!isGraph(args.graph)) return { graph: args.graph, created: [] };
  const taken = args.taken ?? new Set((await repos.secrets.list(args.workspaceId)).map((s) => s.name));
  const { graph, extracted } = extractCredentials(args.graph, taken, args.seen);
  const created: { id: string; name: string }[] = [];
  for (const c of extracted) {
    const id = repos.secrets.newId();
    await repos.secrets.create({
      id,
      workspaceId: args.workspaceId,
      name: c.name,
      sealed: encryptSecret(ring, c.value, id),
      hint: keyHint(c.value),
      createdById: args.userId,
    });
    created.push({ id, name: c.name });
  }
  return { graph: graph as G, created };
}

const MIGRATION = '2026-12-literal-credentials-to-secrets';

/**
 * Once per database: every bot's graph and every stored version loses its literal credentials to
 * workspace secrets, so older versions stop showing them too. Runs after the SQL migrations (it needs
 * the master key); recorded in data_migrations so it runs once. Safe to re-run: its output has no
 * literal credentials left.
 */
export async function migrateStoredCredentials(repos: Repositories, ring: KeyRing): Promise<{ bots: number; secrets: number } | undefined> {
  const prisma = repos.db.prisma;
  if (await prisma.dataMigration.findUnique({ where: { name: MIGRATION } })) return undefined;
  let bots = 0;
  let secrets = 0;
  const workspaces = await prisma.workspace.findMany({ select: { id: true } });
  for (const { id: workspaceId } of workspaces) {
    const taken = new Set((await repos.secrets.list(workspaceId)).map((s) => s.name));
    const seen = new Map<string, string>();
    for (const bot of await prisma.bot.findMany({ where: { workspaceId }, select: { id: true, graph: true, createdById: true } })) {
      const move = (graph: unknown) => moveCredentialsToSecrets(repos, ring, { workspaceId, userId: bot.createdById, graph, taken, seen });
      const current = await move(bot.graph);
      let changed = current.created.length > 0 || JSON.stringify(current.graph) !== JSON.stringify(bot.graph);
      secrets += current.created.length;
      const versions = await prisma.botVersion.findMany({ where: { botId: bot.id }, select: { id: true, graph: true } });
      const updates: Prisma.PrismaPromise<unknown>[] = [];
      for (const v of versions) {
        const moved = await move(v.graph);
        secrets += moved.created.length;
        if (JSON.stringify(moved.graph) !== JSON.stringify(v.graph)) {
          changed = true;
          updates.push(prisma.botVersion.update({ where: { id: v.id }, data: { graph: moved.graph as Prisma.InputJsonValue } }));
        }
      }
      if (!changed) continue;
      // The bot and all its versions in one transaction: never a bot whose versions still show the key.
      await prisma.$transaction([
        prisma.bot.update({ where: { id: bot.id }, data: { graph: current.graph as Prisma.InputJsonValue } }),
        ...updates,
      ]);
      bots++;
    }
  }
  await prisma.dataMigration.create({ data: { name: MIGRATION } });
  return { bots, secrets };
}
