import type { FastifyRequest } from 'fastify';
import type { AuditAction, ConnectionSlot, SlotProblem } from '@bm/contract';
import type { Bot, Prisma, User } from '@bm/db';
import { secretReferences, validateGraph, type Graph } from '@bm/graph';
import { connectionUsableBy } from '@bm/llm';
import { bindPortable, nodeTypeLookup, type PortableSlot, type SlotBindings } from '@bm/nodes';
import type { AppDeps } from '../deps';
import { audit } from './audit';
import { apiError, type ErrorKey, type ErrorParams } from './errors';
import { issueDetails, savableGraph } from './graph';
import { requireWithinPlan } from './plans';

/** What templates, imports and duplicates create bots from: a graph without workspace-bound ids. */
export interface PortableBot {
  graph: Graph;
  slots: readonly PortableSlot[];
}

// The contract's wire form and the pure module's shape must stay one concept.
const _sameSlot: PortableSlot = {} as ConnectionSlot;
void _sameSlot;

type Problem = SlotProblem & { key: ErrorKey; params: ErrorParams };

/**
 * A graph's shape checked before anything else (cycles, unknown types, too many nodes, duplicate
 * ids, expressions naming missing nodes): 422 INVALID_GRAPH, with the connection check left out
 * (its slots are not bound yet).
 */
export function structurallyValidOr422(deps: AppDeps, graph: unknown) {
  const result = validateGraph(graph, { ...nodeTypeLookup, maxNodes: deps.services.config.maxNodes });
  if (result.ok) return;
  const details = issueDetails(result.errors);
  const first = details[0]!;
  throw apiError(422, 'INVALID_GRAPH', {
    key: 'INVALID_GRAPH.problems',
    params: { first: { key: first.key, params: first.params }, more: details.length - 1 },
    details,
  });
}

/**
 * Checks what the caller chose for every slot: each connection slot needs a connection the caller
 * may use in the workspace (a colleague's personal connection is not one) of the slot's provider;
 * each `{{ secrets.NAME }}` the graph uses, a secret of the workspace (given by id, or by the same
 * name). Anything missing is ONE 422 SLOTS_UNBOUND listing every slot and what would fill it.
 */
export async function resolveBindings(
  deps: AppDeps,
  c: {
    userId: string;
    workspaceId: string;
    portable: PortableBot;
    connections?: Record<string, string>;
    secrets?: Record<string, string>;
  },
): Promise<SlotBindings> {
  const { repos } = deps.services;
  const problems: Problem[] = [];
  const chosen = c.connections ?? {};
  let usable: Awaited<ReturnType<typeof repos.connections.listVisible>> | undefined;
  for (const slot of c.portable.slots) {
    const base = { slot: slot.key, provider: slot.provider as SlotProblem['provider'], label: slot.label };
    const id = chosen[slot.key];
    if (!id) {
      usable ??= (await repos.connections.listVisible(c.userId, c.workspaceId)).filter((x) => x.isActive);
      const fitting = usable.filter((x) => slot.provider === 'any' || x.provider === slot.provider).length;
      problems.push({
        ...base,
        code: 'SLOT_UNBOUND',
        message: '',
        key: fitting ? 'SLOTS_UNBOUND.choose' : 'SLOTS_UNBOUND.add',
        params: { label: slot.label, provider: slot.provider, fitting },
      });
      continue;
    }
    const conn = await repos.connections.get(id);
    if (!conn || !connectionUsableBy(conn, c.userId, c.workspaceId) || !conn.isActive) {
      problems.push({ ...base, code: 'CONNECTION_NOT_USABLE', message: '', key: 'SLOTS_UNBOUND.notUsable', params: { label: slot.label } });
    } else if (slot.provider !== 'any' && conn.provider !== slot.provider) {
      problems.push({
        ...base,
        code: 'PROVIDER_MISMATCH',
        message: '',
        key: 'SLOTS_UNBOUND.provider',
        params: { label: slot.label, provider: slot.provider, actual: conn.provider },
      });
    }
  }

  const wanted = [...secretReferences(c.portable.graph.nodes.map((n) => n.params))];
  const secretNames: Record<string, string> = {};
  if (wanted.length) {
    const sameName = new Map((await repos.secrets.byNames(c.workspaceId, wanted)).map((s) => [s.name, s]));
    for (const name of wanted) {
      const id = c.secrets?.[name];
      const base = { slot: name, label: name };
      if (id) {
        const s = await repos.secrets.get(id);
        if (!s || s.workspaceId !== c.workspaceId)
          problems.push({ ...base, code: 'SECRET_NOT_FOUND', message: '', key: 'SLOTS_UNBOUND.secretNotFound', params: { name } });
        else secretNames[name] = s.name;
      } else if (sameName.has(name)) secretNames[name] = name;
      else problems.push({ ...base, code: 'SECRET_UNBOUND', message: '', key: 'SLOTS_UNBOUND.secret', params: { name } });
    }
  }
  if (problems.length) {
    throw apiError(422, 'SLOTS_UNBOUND', { key: 'SLOTS_UNBOUND.summary', params: { count: problems.length }, details: problems });
  }
  return { connections: chosen, secretNames };
}

/**
 * Creates a bot from a portable graph in the caller's workspace: the plan's bot limit, the slots
 * bound, the graph validated as a save validates it, then one audit event. A refusal writes nothing.
 */
export async function createBotFromPortable(
  deps: AppDeps,
  req: FastifyRequest,
  c: {
    user: User;
    workspaceId: string;
    name: string;
    description: string;
    portable: PortableBot;
    connections?: Record<string, string>;
    secrets?: Record<string, string>;
    llmModelOverride?: string | null;
    action: AuditAction;
    details?: Record<string, string | number | null>;
  },
): Promise<Bot> {
  await requireWithinPlan(deps, c.workspaceId, 'bots');
  structurallyValidOr422(deps, c.portable.graph);
  const bindings = await resolveBindings(deps, {
    userId: c.user.id,
    workspaceId: c.workspaceId,
    portable: c.portable,
    connections: c.connections,
    secrets: c.secrets,
  });
  const bound = bindPortable({ graph: c.portable.graph, slots: [...c.portable.slots] }, bindings);
  const graph = await savableGraph(deps, bound.graph, {
    userId: c.user.id,
    workspaceId: c.workspaceId,
    botConnectionId: bound.botConnectionId,
  });
  const bot = await deps.services.repos.bots.create({
    workspaceId: c.workspaceId,
    createdById: c.user.id,
    name: c.name,
    description: c.description,
    graph: graph as unknown as Prisma.InputJsonValue,
    llmConnectionId: bound.botConnectionId,
    llmModelOverride: c.llmModelOverride ?? null,
  });
  await audit(deps, req, {
    workspaceId: c.workspaceId,
    action: c.action,
    target: { type: 'bot', id: bot.id, name: bot.name },
    details: c.details,
  });
  return bot;
}
