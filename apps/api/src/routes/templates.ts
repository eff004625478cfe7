import type { FastifyRequest } from 'fastify';
import { contract, type ConnectionSlot } from '@bm/contract';
import type { Bot, Prisma, Template, TemplateContent, User } from '@bm/db';
import { graphConnectionIds, nodesUsed, toPortable } from '@bm/nodes';
import { GraphSchema } from '@bm/graph';
import type { AppDeps } from '../deps';
import { audit } from '../lib/audit';
import { botOut } from '../lib/bot-out';
import { fromContract } from '../lib/contract-route';
import { apiError, notFound } from '../lib/errors';
import { requestLocale } from '../lib/locale';
import { isInstallationAdmin, requireFeature } from '../lib/plans';
import { createBotFromPortable } from '../lib/portable-bots';
import type { ContractPlugin } from '../lib/response-serializer';
import { galleryText } from '../lib/template-texts';
import { accessTo } from '../plugins/access';

const { templates } = contract;

/** What publishing stores of a bot: its graph made portable, the slots and secrets it needs. */
export async function portableOfBot(deps: AppDeps, bot: Bot) {
  const graph = GraphSchema.parse(bot.graph);
  const ids = [...new Set([...graphConnectionIds(graph), ...(bot.llmConnectionId ? [bot.llmConnectionId] : [])])];
  const providers = new Map<string, string>();
  for (const id of ids) {
    const c = await deps.services.repos.connections.get(id);
    // Only the provider of a connection of the bot's own workspace says anything about the slot.
    if (c && c.workspaceId === bot.workspaceId) providers.set(id, c.provider);
  }
  return toPortable(graph, { botConnectionId: bot.llmConnectionId, providerOf: (id) => providers.get(id) });
}

/** The manual trigger's editor sample: the natural sample input of a published bot. */
const sampleOf = (graph: { nodes: { type: string; params: Record<string, unknown> }[] }) =>
  graph.nodes.find((n) => n.type === 'source.manual')?.params.sample ?? null;

export const templateRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos } = deps.services;
    const toOut = (t: Template, req: FastifyRequest) => {
      const locale = requestLocale(req);
      const text = (field: 'name' | 'description', fallback: string) =>
        t.builtinKey ? (galleryText(locale, t.builtinKey, field) ?? fallback) : fallback;
      return {
        id: t.id,
        name: text('name', t.name),
        description: text('description', t.description),
        category: t.category,
        scope: t.scope as 'builtin' | 'installation' | 'workspace',
        slots: t.slots as unknown as ConnectionSlot[],
        secretSlots: t.secretSlots,
        graph: t.graph as never,
        nodesUsed: t.nodesUsed,
        sampleInput: t.sampleInput ?? null,
        version: t.currentVersion,
        workspaceId: t.workspaceId,
        builtinKey: t.builtinKey,
        sourceBotId: t.sourceBotId,
        createdById: t.createdById,
        createdAt: t.createdAt,
        updatedAt: t.updatedAt,
      };
    };
    /** Installation templates are audited in the workspace of the bot they came from, else the caller's. */
    const auditWorkspace = (t: Template, fallback: string) => t.workspaceId ?? fallback;
    const contentOf = (t: Template): TemplateContent => ({
      name: t.name,
      description: t.description,
      category: t.category,
      graph: t.graph as Prisma.InputJsonValue,
      slots: t.slots as Prisma.InputJsonValue,
      secretSlots: t.secretSlots,
      sampleInput: (t.sampleInput ?? null) as Prisma.InputJsonValue | null,
      nodesUsed: t.nodesUsed,
    });

    /** A template the caller may create bots from: built-in, installation, or of a workspace they are in. */
    async function visibleTemplate(id: string, user: User) {
      const t = await repos.templates.get(id);
      if (!t) throw notFound('template');
      if (t.scope === 'workspace' && !(t.workspaceId && (await repos.workspaces.membership(user.id, t.workspaceId))))
        throw notFound('template');
      return t;
    }

    app.route({
      ...fromContract(templates.list),
      handler: async (req) => {
        const { workspaceId } = accessTo(req, 'workspace');
        return { templates: (await repos.templates.listVisible(workspaceId)).map((t) => toOut(t, req)) };
      },
    });

    app.route({ ...fromContract(templates.get), handler: async (req) => toOut(accessTo(req, 'template').row, req) });

    app.route({
      ...fromContract(templates.publish),
      handler: async (req, reply) => {
        const { user, row: bot, workspaceId } = accessTo(req, 'bot');
        const b = req.body;
        // The route's row lets editors publish to their workspace; the whole installation is its admins' call.
        if (b.scope === 'installation' && !(await isInstallationAdmin(deps, user)))
          throw apiError(403, 'FORBIDDEN', { key: 'FORBIDDEN.installation' });
        await requireFeature(deps, workspaceId, 'templates');
        const portable = await portableOfBot(deps, bot);
        const t = await repos.templates.create({
          scope: b.scope,
          workspaceId: b.scope === 'workspace' ? workspaceId : null,
          createdById: user.id,
          sourceBotId: bot.id,
          content: {
            name: b.name ?? bot.name,
            description: b.description ?? bot.description,
            category: b.category ?? 'general',
            graph: portable.graph as unknown as Prisma.InputJsonValue,
            slots: portable.slots as unknown as Prisma.InputJsonValue,
            secretSlots: portable.secretSlots,
            sampleInput: (b.sampleInput ?? sampleOf(portable.graph)) as Prisma.InputJsonValue | null,
            nodesUsed: nodesUsed(portable.graph),
          },
        });
        await audit(deps, req, {
          workspaceId,
          action: 'template.published',
          target: { type: 'template', id: t.id, name: t.name },
          details: { scope: t.scope, botId: bot.id },
        });
        return reply.code(201).send(toOut(t, req));
      },
    });

    app.route({
      ...fromContract(templates.update),
      handler: async (req) => {
        const { user, row: t, workspaceId } = accessTo(req, 'template');
        const b = req.body;
        await requireFeature(deps, workspaceId, 'templates');
        let content = contentOf(t);
        if (b.fromBot) {
          // Taking the graph again is an edit of that bot's content: the caller must be its editor too.
          const found = t.sourceBotId ? await repos.bots.getForCaller(t.sourceBotId, user.id) : null;
          if (!found?.role || found.role === 'viewer') throw apiError(422, 'TEMPLATE_SOURCE_GONE');
          const portable = await portableOfBot(deps, found.row);
          content = {
            ...content,
            graph: portable.graph as unknown as Prisma.InputJsonValue,
            slots: portable.slots as unknown as Prisma.InputJsonValue,
            secretSlots: portable.secretSlots,
            nodesUsed: nodesUsed(portable.graph),
          };
        }
        content = {
          ...content,
          ...(b.name !== undefined ? { name: b.name } : {}),
          ...(b.description !== undefined ? { description: b.description } : {}),
          ...(b.category !== undefined ? { category: b.category } : {}),
          ...(b.sampleInput !== undefined ? { sampleInput: b.sampleInput as Prisma.InputJsonValue } : {}),
        };
        const updated = await repos.templates.update(t.id, content, user.id);
        await audit(deps, req, {
          workspaceId: auditWorkspace(t, workspaceId),
          action: 'template.updated',
          target: { type: 'template', id: t.id, name: updated.name },
          details: { version: updated.currentVersion, fromBot: b.fromBot ?? false },
        });
        return toOut(updated, req);
      },
    });

    app.route({
      ...fromContract(templates.remove),
      handler: async (req, reply) => {
        const { row: t, workspaceId } = accessTo(req, 'template');
        await repos.templates.delete(t.id);
        await audit(deps, req, {
          workspaceId: auditWorkspace(t, workspaceId),
          action: 'template.unpublished',
          target: { type: 'template', id: t.id, name: t.name },
          details: { scope: t.scope },
        });
        return reply.code(204).send(null);
      },
    });

    /**
     * The template's sample input becomes the manual node's `sample` (when it has none), which the
     * editor offers as the input of a run: a new bot runs with one click.
     */
    const withSample = (graph: ReturnType<typeof GraphSchema.parse>, sampleInput: unknown) => {
      if (sampleInput === null || sampleInput === undefined) return graph;
      return {
        ...graph,
        nodes: graph.nodes.map((n) =>
          n.type === 'source.manual' && n.params.sample === undefined ? { ...n, params: { ...n.params, sample: sampleInput } } : n,
        ),
      };
    };

    app.route({
      ...fromContract(templates.instantiate),
      handler: async (req, reply) => {
        const { user, workspaceId } = accessTo(req, 'workspace');
        const t = await visibleTemplate(req.params.id, user);
        const b = req.body;
        const out = toOut(t, req);
        const bot = await createBotFromPortable(deps, req, {
          user,
          workspaceId,
          name: b.name ?? out.name,
          description: out.description,
          portable: { graph: withSample(GraphSchema.parse(t.graph), t.sampleInput), slots: out.slots },
          connections: b.connections,
          secrets: b.secrets,
          action: 'template.instantiated',
          details: { templateId: t.id, templateVersion: t.currentVersion },
        });
        return reply.code(201).send(botOut(bot));
      },
    });
  };
