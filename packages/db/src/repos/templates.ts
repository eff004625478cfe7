import type { Prisma, PrismaClient, Template } from '../generated/client';
import { isUniqueViolation, NotFoundError, translated } from '../errors';
import { newId } from '../ids';

export type TemplateScopeValue = 'builtin' | 'installation' | 'workspace';

/** What a template version holds: everything a bot is created from. */
export interface TemplateContent {
  name: string;
  description: string;
  category: string;
  graph: Prisma.InputJsonValue;
  slots: Prisma.InputJsonValue;
  secretSlots: string[];
  sampleInput?: Prisma.InputJsonValue | null;
  nodesUsed: string[];
}

const versionData = (templateId: string, version: number, c: TemplateContent, createdById: string | null) => ({
  id: newId('tv'),
  templateId,
  version,
  name: c.name,
  description: c.description,
  category: c.category,
  graph: c.graph,
  slots: c.slots,
  secretSlots: c.secretSlots,
  sampleInput: c.sampleInput ?? undefined,
  createdById,
});

const contentData = (c: TemplateContent) => ({
  name: c.name,
  description: c.description,
  category: c.category,
  graph: c.graph,
  slots: c.slots,
  secretSlots: c.secretSlots,
  sampleInput: c.sampleInput ?? undefined,
  nodesUsed: c.nodesUsed,
});

export function templateRepo(prisma: PrismaClient) {
  /** A new version of the content and the row moved to it, in one batch. */
  async function writeVersion(id: string, content: TemplateContent, userId: string | null, extra: Prisma.TemplateUpdateInput = {}) {
    const current = await prisma.template.findUnique({ where: { id }, select: { currentVersion: true } });
    if (!current) throw new NotFoundError('Template');
    const version = current.currentVersion + 1;
    const [, row] = await prisma.$transaction([
      prisma.templateVersion.create({ data: versionData(id, version, content, userId) }),
      prisma.template.update({ where: { id }, data: { ...contentData(content), ...extra, currentVersion: version } }),
    ]);
    return row;
  }

  return {
    async create(input: {
      scope: TemplateScopeValue;
      workspaceId: string | null;
      createdById: string | null;
      sourceBotId?: string | null;
      builtinKey?: string | null;
      definitionHash?: string | null;
      content: TemplateContent;
    }): Promise<Template> {
      const id = newId('tpl');
      const [row] = await prisma.$transaction([
        prisma.template.create({
          data: {
            id,
            scope: input.scope,
            workspaceId: input.workspaceId,
            createdById: input.createdById,
            sourceBotId: input.sourceBotId ?? null,
            builtinKey: input.builtinKey ?? null,
            definitionHash: input.definitionHash ?? null,
            currentVersion: 1,
            ...contentData(input.content),
          },
        }),
        prisma.templateVersion.create({ data: versionData(id, 1, input.content, input.createdById) }),
      ]);
      return row;
    },
    get: (id: string) => prisma.template.findUnique({ where: { id } }),
    /** What a member of `workspaceId` sees there: built-in, installation, and that workspace's templates. */
    listVisible: (workspaceId: string) =>
      prisma.template.findMany({
        where: { OR: [{ scope: { in: ['builtin', 'installation'] } }, { scope: 'workspace', workspaceId }] },
        orderBy: [{ scope: 'asc' }, { name: 'asc' }],
      }),
    /** Every change (a rename too) is a new version, so the history shows it. */
    update: (id: string, content: TemplateContent, userId: string | null) => writeVersion(id, content, userId),
    delete: (id: string) => translated('Template', prisma.template.delete({ where: { id } })),
    versions: (templateId: string) => prisma.templateVersion.findMany({ where: { templateId }, orderBy: { version: 'desc' } }),
    builtins: () => prisma.template.findMany({ where: { scope: 'builtin' } }),
    /**
     * Seeds or upgrades one built-in in place: unchanged hash, nothing written; a changed one, a
     * new version of the same row (its id, and so links to it, stay).
     */
    async upsertBuiltin(key: string, hash: string, content: TemplateContent): Promise<'created' | 'upgraded' | 'unchanged'> {
      const row = await prisma.template.findUnique({ where: { builtinKey: key }, select: { id: true, definitionHash: true } });
      if (!row) {
        try {
          await this.create({ scope: 'builtin', workspaceId: null, createdById: null, builtinKey: key, definitionHash: hash, content });
        } catch (err) {
          // Another process (API and worker both start) seeded it at the same moment.
          if (isUniqueViolation(err)) return 'unchanged';
          throw err;
        }
        return 'created';
      }
      if (row.definitionHash === hash) return 'unchanged';
      await writeVersion(row.id, content, null, { definitionHash: hash });
      return 'upgraded';
    },
    /** Built-ins the app no longer ships (a gallery entry removed). */
    removeBuiltinsExcept: (keys: string[]) => prisma.template.deleteMany({ where: { scope: 'builtin', builtinKey: { notIn: keys } } }),
  };
}
