import type { FastifyRequest } from 'fastify';
import type { ContractPlugin } from '../lib/response-serializer';
import { contract } from '@bm/contract';
import { notifyOf, type BudgetNotify, type BudgetRow } from '@bm/db';
import { connectionUsableBy } from '@bm/llm';
import type { AppDeps } from '../deps';
import { audit } from '../lib/audit';
import { fromContract } from '../lib/contract-route';
import { checkNoticeSecrets } from '../lib/notice-channels';
import { apiError, notFound } from '../lib/errors';
import { accessTo } from '../plugins/access';

const { budgets } = contract;

/** Budgets: limits on what the workspace's LLM calls may spend, checked by the worker before every call. */
export const budgetRoutes =
  (deps: AppDeps): ContractPlugin =>
  async (app) => {
    const { repos } = deps.services;

    const out = async (b: BudgetRow) => {
      const s = await repos.budgets.spend(b);
      return {
        id: b.id,
        workspaceId: b.workspaceId,
        scope: b.scope as 'workspace' | 'bot' | 'connection',
        targetId: b.targetId,
        period: b.period as 'day' | 'month',
        limitUsd: b.limitUsd,
        softPercent: b.softPercent,
        action: b.action as 'notify' | 'stop',
        notify: notifyOf(b),
        current: { period: s.period.key, spentUsd: s.settledUsd, heldUsd: s.heldUsd, resetsAt: s.period.end },
        createdAt: b.createdAt,
        updatedAt: b.updatedAt,
      };
    };
    const label = (b: { scope: string; limitUsd: number; period: string }) => `${b.scope} $${b.limitUsd}/${b.period}`;

    /** A bot or connection budget names one of the workspace's (a connection the caller may see). */
    async function checkTarget(req: FastifyRequest, workspaceId: string, scope: string, targetId?: string) {
      if (scope === 'bot') {
        const bot = targetId ? await repos.bots.get(targetId) : null;
        if (!bot || bot.workspaceId !== workspaceId) throw notFound('bot');
      }
      if (scope === 'connection') {
        const c = targetId ? await repos.connections.get(targetId) : null;
        if (!c || !connectionUsableBy(c, accessTo(req, 'workspace').user.id, workspaceId)) throw notFound('connection');
      }
    }

    const checkNotify = (workspaceId: string, notify: BudgetNotify | null | undefined) =>
      checkNoticeSecrets(deps, workspaceId, notify, 'BUDGET_NOTIFY_SECRET_MISSING');

    app.route({
      ...fromContract(budgets.create),
      handler: async (req, reply) => {
        const { workspaceId, user } = accessTo(req, 'workspace');
        const b = req.body;
        await checkTarget(req, workspaceId, b.scope, b.targetId);
        await checkNotify(workspaceId, b.notify);
        const row = await repos.budgets.create({
          id: repos.budgets.newId(),
          workspaceId,
          scope: b.scope,
          targetId: b.targetId ?? null,
          period: b.period,
          limitUsd: b.limitUsd,
          softPercent: b.softPercent ?? null,
          action: b.action,
          notify: b.notify ?? null,
          createdById: user.id,
        });
        await audit(deps, req, {
          workspaceId,
          action: 'budget.created',
          target: { type: 'budget', id: row.id, name: label(row) },
          details: { ...b },
        });
        return reply.code(201).send(await out(row));
      },
    });

    app.route({
      ...fromContract(budgets.list),
      handler: async (req) => ({ budgets: await Promise.all((await repos.budgets.list(accessTo(req, 'workspace').workspaceId)).map(out)) }),
    });

    app.route({ ...fromContract(budgets.get), handler: async (req) => out(accessTo(req, 'budget').row) });

    app.route({
      ...fromContract(budgets.update),
      handler: async (req) => {
        const { row } = accessTo(req, 'budget');
        if (Object.keys(req.body).length === 0) throw apiError(400, 'VALIDATION_FAILED', { key: 'VALIDATION_FAILED.request' });
        await checkNotify(row.workspaceId, req.body.notify);
        const updated = await repos.budgets.update(row.id, req.body);
        await audit(deps, req, {
          workspaceId: row.workspaceId,
          action: 'budget.changed',
          target: { type: 'budget', id: row.id, name: label(updated) },
          details: { from: { limitUsd: row.limitUsd, period: row.period, action: row.action, softPercent: row.softPercent }, to: req.body },
        });
        return out(updated);
      },
    });

    app.route({
      ...fromContract(budgets.remove),
      handler: async (req, reply) => {
        const { row } = accessTo(req, 'budget');
        await repos.budgets.delete(row.id);
        await audit(deps, req, {
          workspaceId: row.workspaceId,
          action: 'budget.deleted',
          target: { type: 'budget', id: row.id, name: label(row) },
        });
        return reply.code(204).send(null);
      },
    });
  };
