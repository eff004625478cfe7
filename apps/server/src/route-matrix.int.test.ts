import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes, routeKey, type RouteKey } from '@bm/contract';
import type { Role } from '@bm/db';
import { startTestServer, type TestServer } from './testing/harness';

/**
 * THE route × role matrix of ../shared/API.md, written here by hand (not read from permissions.ts,
 * so a wrong row there fails): for every route, the least role that may call it, and how to build a
 * request against a workspace's own rows. Every route of the contract must have a row (a new route
 * fails the first test until it is added here).
 *
 * Each request is made by an owner, admin, editor and viewer of the workspace and by a stranger:
 * roles at or above the row's get past the permission check (neither 403 nor 404), roles below get
 * 403 FORBIDDEN, and a stranger, who is not a member, gets 404 for ids of the workspace.
 */
type Least = Role | 'public' | 'signed-in' | 'installation';
interface Req {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  payload?: object;
}
interface Fixture {
  /** A team workspace with a bot (with a version), a run, a shared connection, a schedule, a secret. */
  ws: string;
  ownerId: string;
  bot: string;
  run: string;
  connection: string;
  schedule: string;
  secret: string;
  budget: string;
  /** A workspace template published from `bot`. */
  template: string;
  /** A fresh row for routes that consume theirs (deletes, invitations, members). */
  fresh: {
    bot(): Promise<string>;
    invitation(): Promise<string>;
    member(role?: Role): Promise<string>;
    workspace(): Promise<{ id: string; name: string }>;
    connection(): Promise<string>;
    secret(): Promise<string>;
    schedule(): Promise<string>;
    budget(): Promise<string>;
    template(): Promise<string>;
  };
}
type Row = { least: Least; req?: (f: Fixture) => Req | Promise<Req> };

const graph = { nodes: [{ id: 't', type: 'transform.template', params: { template: 'hi' }, position: { x: 0, y: 0 } }], edges: [] };

const resetTargets = new WeakMap<Fixture, Promise<string>>();

const MATRIX: Record<RouteKey, Row> = {
  'GET /api/health': { least: 'public' },
  'GET /api/openapi.json': { least: 'public' },
  'POST /api/auth/signup': { least: 'public' },
  'POST /api/auth/login': { least: 'public' },
  'POST /api/auth/logout': { least: 'public' },
  'GET /api/auth/sso': { least: 'public' },
  'GET /api/auth/sso/start': { least: 'public' },
  'GET /api/auth/sso/callback': { least: 'public' },
  'POST /api/auth/password-reset': { least: 'public' },
  'POST /api/auth/logout-all': { least: 'signed-in' },
  'POST /api/me/password': { least: 'signed-in' },
  'GET /api/me/account': { least: 'signed-in' },
  'POST /api/hooks/:token': { least: 'public' },
  'POST /api/invitations/preview': { least: 'public' },
  'GET /api/me': { least: 'signed-in' },
  'PATCH /api/me': { least: 'signed-in' },
  'POST /api/tokens': { least: 'signed-in' },
  'GET /api/tokens': { least: 'signed-in' },
  'DELETE /api/tokens/:id': { least: 'signed-in' },
  'GET /api/node-types': { least: 'signed-in' },
  'POST /api/workspaces': { least: 'signed-in' },
  'GET /api/workspaces': { least: 'signed-in' },
  'POST /api/invitations/accept': { least: 'signed-in' },
  'GET /api/prices': { least: 'signed-in' },
  // Installation admins (the first user: the owner below) manage plans for every workspace.
  'GET /api/plans': { least: 'installation', req: () => ({ method: 'GET', url: '/api/plans' }) },
  'PUT /api/workspaces/:id/plan': {
    least: 'installation',
    req: (f) => ({ method: 'PUT', url: `/api/workspaces/${f.ws}/plan`, payload: { planId: 'team' } }),
  },

  // read bots, versions, runs, results, schedules: every member
  'GET /api/bots': { least: 'viewer', req: (f) => ({ method: 'GET', url: `/api/bots?workspaceId=${f.ws}` }) },
  'POST /api/bots/validate': {
    least: 'viewer',
    req: (f) => ({ method: 'POST', url: '/api/bots/validate', payload: { workspaceId: f.ws, graph } }),
  },
  'GET /api/bots/:id': { least: 'viewer', req: (f) => ({ method: 'GET', url: `/api/bots/${f.bot}` }) },
  'GET /api/bots/:id/versions': { least: 'viewer', req: (f) => ({ method: 'GET', url: `/api/bots/${f.bot}/versions` }) },
  'GET /api/bots/:id/versions/:version': { least: 'viewer', req: (f) => ({ method: 'GET', url: `/api/bots/${f.bot}/versions/1` }) },
  'GET /api/bots/:id/runs': { least: 'viewer', req: (f) => ({ method: 'GET', url: `/api/bots/${f.bot}/runs` }) },
  'GET /api/runs/:id': { least: 'viewer', req: (f) => ({ method: 'GET', url: `/api/runs/${f.run}` }) },
  'GET /api/runs/:id/nodes/:nodeId/output': { least: 'viewer', req: (f) => ({ method: 'GET', url: `/api/runs/${f.run}/nodes/t/output` }) },
  'GET /api/runs/:id/items': { least: 'viewer', req: (f) => ({ method: 'GET', url: `/api/runs/${f.run}/items` }) },
  'GET /api/runs/:id/items/:item': { least: 'viewer', req: (f) => ({ method: 'GET', url: `/api/runs/${f.run}/items/0` }) },
  // The fixture's run is finished: its stream replays and closes.
  'GET /api/runs/:id/events': { least: 'viewer', req: (f) => ({ method: 'GET', url: `/api/runs/${f.run}/events` }) },
  'GET /api/bots/:id/results': { least: 'viewer', req: (f) => ({ method: 'GET', url: `/api/bots/${f.bot}/results` }) },
  'GET /api/results': { least: 'viewer', req: (f) => ({ method: 'GET', url: `/api/results?workspaceId=${f.ws}` }) },
  'GET /api/bots/:id/schedules': { least: 'viewer', req: (f) => ({ method: 'GET', url: `/api/bots/${f.bot}/schedules` }) },
  'GET /api/workspaces/:id/members': { least: 'viewer', req: (f) => ({ method: 'GET', url: `/api/workspaces/${f.ws}/members` }) },
  'GET /api/llm-connections': { least: 'viewer', req: (f) => ({ method: 'GET', url: `/api/llm-connections?workspaceId=${f.ws}` }) },
  'GET /api/llm-connections/:id': { least: 'viewer', req: (f) => ({ method: 'GET', url: `/api/llm-connections/${f.connection}` }) },
  'GET /api/llm-connections/:id/models': {
    least: 'viewer',
    req: (f) => ({ method: 'GET', url: `/api/llm-connections/${f.connection}/models` }),
  },
  'GET /api/llm-connections/:id/usage': {
    least: 'viewer',
    req: (f) => ({ method: 'GET', url: `/api/llm-connections/${f.connection}/usage` }),
  },

  // create/edit/delete bots, run, cancel, resume, schedules, webhooks; use shared and own personal connections
  'POST /api/bots': {
    least: 'editor',
    req: (f) => ({ method: 'POST', url: '/api/bots', payload: { workspaceId: f.ws, name: 'n', graph } }),
  },
  'PATCH /api/bots/:id': { least: 'editor', req: (f) => ({ method: 'PATCH', url: `/api/bots/${f.bot}`, payload: { name: 'renamed' } }) },
  'PATCH /api/bots/:id/versions/:version': {
    least: 'editor',
    req: (f) => ({ method: 'PATCH', url: `/api/bots/${f.bot}/versions/1`, payload: { name: 'named' } }),
  },
  'POST /api/bots/:id/versions/:version/restore': {
    least: 'editor',
    req: (f) => ({ method: 'POST', url: `/api/bots/${f.bot}/versions/1/restore`, payload: {} }),
  },
  'DELETE /api/bots/:id': { least: 'editor', req: async (f) => ({ method: 'DELETE', url: `/api/bots/${await f.fresh.bot()}` }) },
  'POST /api/bots/:id/webhook': { least: 'editor', req: (f) => ({ method: 'POST', url: `/api/bots/${f.bot}/webhook` }) },
  'PATCH /api/bots/:id/webhook': {
    least: 'editor',
    req: (f) => ({ method: 'PATCH', url: `/api/bots/${f.bot}/webhook`, payload: { response: { mode: 'lastNode' } } }),
  },
  'DELETE /api/bots/:id/webhook': { least: 'editor', req: (f) => ({ method: 'DELETE', url: `/api/bots/${f.bot}/webhook` }) },
  'PUT /api/bots/:id/pins/:nodeId': {
    least: 'editor',
    req: (f) => ({ method: 'PUT', url: `/api/bots/${f.bot}/pins/t`, payload: { output: { sample: 1 } } }),
  },
  'DELETE /api/bots/:id/pins/:nodeId': { least: 'editor', req: (f) => ({ method: 'DELETE', url: `/api/bots/${f.bot}/pins/t` }) },
  'POST /api/bots/:id/runs': { least: 'editor', req: (f) => ({ method: 'POST', url: `/api/bots/${f.bot}/runs`, payload: {} }) },
  'POST /api/runs/:id/cancel': { least: 'editor', req: (f) => ({ method: 'POST', url: `/api/runs/${f.run}/cancel` }) },
  'POST /api/runs/:id/resume': { least: 'editor', req: (f) => ({ method: 'POST', url: `/api/runs/${f.run}/resume` }) },
  'POST /api/runs/:id/rerun': { least: 'editor', req: (f) => ({ method: 'POST', url: `/api/runs/${f.run}/rerun` }) },
  // Switching bots to another connection edits them (to itself: 422, past the permission check).
  'POST /api/llm-connections/:id/switch': {
    least: 'editor',
    req: (f) => ({ method: 'POST', url: `/api/llm-connections/${f.connection}/switch`, payload: { toConnectionId: f.connection } }),
  },
  // decide approvals: editors and up (its workflow is gone, so each decision is undone again: 503)
  'POST /api/runs/:id/approvals/:nodeId': {
    least: 'editor',
    req: (f) => ({ method: 'POST', url: `/api/runs/${f.run}/approvals/a`, payload: { decision: 'approve' } }),
  },
  'GET /api/approvals': { least: 'viewer', req: (f) => ({ method: 'GET', url: `/api/approvals?workspaceId=${f.ws}` }) },
  'GET /api/approval-links/:token': { least: 'public' },
  'POST /api/approval-links/:token': { least: 'public' },
  'POST /api/bots/:id/schedules': {
    least: 'editor',
    req: (f) => ({ method: 'POST', url: `/api/bots/${f.bot}/schedules`, payload: { cron: '0 9 * * *' } }),
  },
  'PATCH /api/schedules/:id': {
    least: 'editor',
    req: (f) => ({ method: 'PATCH', url: `/api/schedules/${f.schedule}`, payload: { paused: true } }),
  },
  'DELETE /api/schedules/:id': {
    least: 'editor',
    req: async (f) => ({ method: 'DELETE', url: `/api/schedules/${await f.fresh.schedule()}` }),
  },
  'POST /api/schedules/:id/trigger': { least: 'editor', req: (f) => ({ method: 'POST', url: `/api/schedules/${f.schedule}/trigger` }) },
  'POST /api/llm-connections': {
    least: 'editor',
    req: (f) => ({
      method: 'POST',
      url: '/api/llm-connections',
      payload: { workspaceId: f.ws, provider: 'openai', name: 'mine', apiKey: 'sk-test-1234567890', modelDefault: 'gpt-4o-mini' },
    }),
  },
  'POST /api/llm-connections/:id/test': {
    least: 'editor',
    req: (f) => ({ method: 'POST', url: `/api/llm-connections/${f.connection}/test` }),
  },
  'GET /api/secrets': { least: 'editor', req: (f) => ({ method: 'GET', url: `/api/secrets?workspaceId=${f.ws}` }) },
  // read usage and costs
  'GET /api/usage': { least: 'editor', req: (f) => ({ method: 'GET', url: `/api/usage?workspaceId=${f.ws}&groupBy=bot` }) },
  'GET /api/budgets': { least: 'editor', req: (f) => ({ method: 'GET', url: `/api/budgets?workspaceId=${f.ws}` }) },
  'GET /api/budgets/:id': { least: 'editor', req: (f) => ({ method: 'GET', url: `/api/budgets/${f.budget}` }) },
  // create/change budgets
  'POST /api/budgets': {
    least: 'admin',
    req: (f) => ({
      method: 'POST',
      url: '/api/budgets',
      payload: { workspaceId: f.ws, scope: 'workspace', period: 'month', limitUsd: 50, action: 'notify' },
    }),
  },
  'PATCH /api/budgets/:id': {
    least: 'admin',
    req: (f) => ({ method: 'PATCH', url: `/api/budgets/${f.budget}`, payload: { limitUsd: 75 } }),
  },
  'DELETE /api/budgets/:id': { least: 'admin', req: async (f) => ({ method: 'DELETE', url: `/api/budgets/${await f.fresh.budget()}` }) },

  // share/unshare connections, manage workspace secrets
  'PATCH /api/llm-connections/:id': {
    least: 'admin',
    req: (f) => ({ method: 'PATCH', url: `/api/llm-connections/${f.connection}`, payload: { name: 'x' } }),
  },
  'DELETE /api/llm-connections/:id': {
    least: 'admin',
    req: async (f) => ({ method: 'DELETE', url: `/api/llm-connections/${await f.fresh.connection()}` }),
  },
  'POST /api/secrets': {
    least: 'admin',
    req: (f) => ({ method: 'POST', url: '/api/secrets', payload: { workspaceId: f.ws, name: `S${Date.now()}`, value: 'v' } }),
  },
  'PATCH /api/secrets/:id': {
    least: 'admin',
    req: (f) => ({ method: 'PATCH', url: `/api/secrets/${f.secret}`, payload: { value: 'new value' } }),
  },
  'DELETE /api/secrets/:id': { least: 'admin', req: async (f) => ({ method: 'DELETE', url: `/api/secrets/${await f.fresh.secret()}` }) },

  // invite, change roles below owner, remove members; read audit
  'POST /api/workspaces/:id/invitations': {
    least: 'admin',
    req: (f) => ({
      method: 'POST',
      url: `/api/workspaces/${f.ws}/invitations`,
      payload: { email: `i${Math.random()}@example.com`, role: 'viewer' },
    }),
  },
  'GET /api/workspaces/:id/invitations': { least: 'admin', req: (f) => ({ method: 'GET', url: `/api/workspaces/${f.ws}/invitations` }) },
  'DELETE /api/invitations/:id': {
    least: 'admin',
    req: async (f) => ({ method: 'DELETE', url: `/api/invitations/${await f.fresh.invitation()}` }),
  },
  'PATCH /api/workspaces/:id/members/:userId': {
    least: 'admin',
    req: async (f) => ({
      method: 'PATCH',
      url: `/api/workspaces/${f.ws}/members/${await f.fresh.member('editor')}`,
      payload: { role: 'viewer' },
    }),
  },
  'DELETE /api/workspaces/:id/members/:userId': {
    least: 'admin',
    req: async (f) => ({ method: 'DELETE', url: `/api/workspaces/${f.ws}/members/${await f.fresh.member('viewer')}` }),
  },
  'GET /api/workspaces/:id/limits': { least: 'admin', req: (f) => ({ method: 'GET', url: `/api/workspaces/${f.ws}/limits` }) },
  'POST /api/workspaces/:id/members/:userId/password-reset': {
    least: 'admin',
    // One viewer per workspace is reset again and again (a new link replaces the last): sign-ups are rate-limited.
    req: async (f) => {
      if (!resetTargets.has(f)) resetTargets.set(f, f.fresh.member('viewer'));
      return { method: 'POST', url: `/api/workspaces/${f.ws}/members/${await resetTargets.get(f)}/password-reset` };
    },
  },
  'GET /api/workspaces/:id/audit': { least: 'admin', req: (f) => ({ method: 'GET', url: `/api/workspaces/${f.ws}/audit` }) },

  // rename/delete workspace, transfer ownership, make owners
  'PATCH /api/workspaces/:id': {
    least: 'owner',
    req: (f) => ({ method: 'PATCH', url: `/api/workspaces/${f.ws}`, payload: { name: 'Team' } }),
  },
  'DELETE /api/workspaces/:id': {
    least: 'owner',
    req: async (f) => {
      const w = await f.fresh.workspace();
      return { method: 'DELETE', url: `/api/workspaces/${w.id}`, payload: { confirm: w.name } };
    },
  },
  // templates and portability: reading templates is every member's; publishing, export and import are editors'
  'GET /api/templates': { least: 'viewer', req: (f) => ({ method: 'GET', url: `/api/templates?workspaceId=${f.ws}` }) },
  'GET /api/templates/:id': { least: 'viewer', req: (f) => ({ method: 'GET', url: `/api/templates/${f.template}` }) },
  'POST /api/bots/:id/template': {
    least: 'editor',
    req: (f) => ({ method: 'POST', url: `/api/bots/${f.bot}/template`, payload: { scope: 'workspace' } }),
  },
  'PATCH /api/templates/:id': {
    least: 'editor',
    req: (f) => ({ method: 'PATCH', url: `/api/templates/${f.template}`, payload: { name: 'Renamed template' } }),
  },
  'DELETE /api/templates/:id': {
    least: 'editor',
    req: async (f) => ({ method: 'DELETE', url: `/api/templates/${await f.fresh.template()}` }),
  },
  'POST /api/templates/:id/instantiate': {
    least: 'editor',
    req: (f) => ({ method: 'POST', url: `/api/templates/${f.template}/instantiate`, payload: { workspaceId: f.ws, connections: {} } }),
  },
  'GET /api/bots/:id/export': { least: 'editor', req: (f) => ({ method: 'GET', url: `/api/bots/${f.bot}/export` }) },
  'POST /api/bots/import': {
    least: 'editor',
    req: (f) => ({
      method: 'POST',
      url: '/api/bots/import',
      payload: { workspaceId: f.ws, document: { format: 'bot-manager/bot', version: 1, bot: { name: 'imported', graph } } },
    }),
  },
  'POST /api/bots/import-n8n': {
    least: 'editor',
    req: (f) => ({
      method: 'POST',
      url: '/api/bots/import-n8n',
      payload: { workspaceId: f.ws, dryRun: true, workflow: { name: 'n8n', nodes: [], connections: {} } },
    }),
  },
  'POST /api/bots/:id/duplicate': { least: 'editor', req: (f) => ({ method: 'POST', url: `/api/bots/${f.bot}/duplicate`, payload: {} }) },

  'POST /api/workspaces/:id/transfer': {
    // To oneself: allowed for the owner and changes nothing, so the next row still has its owner.
    least: 'owner',
    req: async (f) => ({ method: 'POST', url: `/api/workspaces/${f.ws}/transfer`, payload: { userId: f.ownerId } }),
  },
} as Record<RouteKey, Row>;

const ROLES: Role[] = ['owner', 'admin', 'editor', 'viewer'];
const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

describe('the route × role matrix of API.md', () => {
  let t: TestServer;
  type Caller = { id: string; cookie: string };
  const callers = {} as Record<Role | 'stranger', Caller>;
  const repos = () => t.server.services.repos;
  const prisma = () => t.server.services.repos.db.prisma;
  let n = 0;
  async function signup(): Promise<Caller> {
    const r = await fetch(`${t.server.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `m${++n}-${Date.now()}@example.com`, password: 'long enough password', name: 'Sam' }),
    });
    if (r.status !== 201) throw new Error(`signup: ${r.status}`);
    const cookie = r.headers
      .getSetCookie()
      .find((c) => c.startsWith('bm_session='))!
      .split(';')[0]!;
    return { id: ((await r.json()) as { user: { id: string } }).user.id, cookie };
  }
  let own: Fixture;
  let foreign: Fixture;

  /** `json()` of an answer without a body is null. */
  async function call(who: Caller | null, r: Req) {
    const res = await fetch(`${t.server.url}${r.url}`, {
      method: r.method,
      headers: {
        'x-csrf-token': '1',
        ...(who ? { cookie: who.cookie } : {}),
        ...(r.payload !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: r.payload !== undefined ? JSON.stringify(r.payload) : undefined,
    });
    const text = await res.text();
    const body = text && res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as any) : null;
    return { statusCode: res.status, json: () => body };
  }

  /** A workspace owned by `owner` with one of everything, the members given, and makers of fresh rows. */
  async function fixture(owner: Caller, members: [Caller, Role][]) {
    const ws = (await call(owner, { method: 'POST', url: '/api/workspaces', payload: { name: 'Team' } })).json().id as string;
    for (const [who, role] of members)
      await prisma().membership.create({ data: { id: `mem_${who.id}_${ws}`, userId: who.id, workspaceId: ws, role } });
    const newBot = async () =>
      (await call(owner, { method: 'POST', url: '/api/bots', payload: { workspaceId: ws, name: 'b', graph } })).json().id as string;
    const bot = await newBot();
    const version = await prisma().botVersion.findFirstOrThrow({ where: { botId: bot } });
    const { id: run } = await repos().runs.create({
      botId: bot,
      botVersionId: version.id,
      version: 1,
      workspaceId: ws,
      userId: owner.id,
      trigger: 'manual',
      workflowId: `wf_${Math.random()}`,
    });
    await prisma().run.update({ where: { id: run }, data: { status: 'failed', finishedAt: new Date() } });
    await prisma().nodeRun.create({
      data: { id: `nr_${run}`, runId: run, nodeId: 't', type: 'transform.template', status: 'succeeded', output: 'hi', outputBytes: 4 },
    });
    await repos().approvals.open({ runId: run, nodeId: 'a', workspaceId: ws, botId: bot, message: 'Send it?', payload: 'draft' });
    const newConnection = async () =>
      (
        await call(owner, {
          method: 'POST',
          url: '/api/llm-connections',
          payload: {
            workspaceId: ws,
            provider: 'openai',
            name: 'shared',
            apiKey: 'sk-test-1234567890',
            modelDefault: 'gpt-4o-mini',
            shared: true,
          },
        })
      ).json().id as string;
    const newSecret = async () =>
      (
        await call(owner, {
          method: 'POST',
          url: '/api/secrets',
          payload: { workspaceId: ws, name: `K${Math.random().toString(36).slice(2)}`, value: 'v' },
        })
      ).json().id as string;
    const newSchedule = async () =>
      (
        await repos().schedules.create({
          id: repos().schedules.newId(),
          botId: bot,
          workspaceId: ws,
          createdById: owner.id,
          cron: '0 9 * * *',
          timezone: 'UTC',
          overlap: 'skip',
        })
      ).id;
    const newBudget = async () =>
      (
        await call(owner, {
          method: 'POST',
          url: '/api/budgets',
          payload: { workspaceId: ws, scope: 'bot', targetId: bot, period: 'day', limitUsd: 5, action: 'stop' },
        })
      ).json().id as string;
    const newTemplate = async () =>
      (await call(owner, { method: 'POST', url: `/api/bots/${bot}/template`, payload: { scope: 'workspace', name: 'T' } })).json()
        .id as string;
    const f: Fixture = {
      ws,
      template: await newTemplate(),
      ownerId: owner.id,
      bot,
      run,
      connection: await newConnection(),
      schedule: await newSchedule(),
      secret: await newSecret(),
      budget: await newBudget(),
      fresh: {
        template: newTemplate,
        budget: newBudget,
        bot: newBot,
        connection: newConnection,
        secret: newSecret,
        schedule: newSchedule,
        invitation: async () =>
          (
            await call(owner, {
              method: 'POST',
              url: `/api/workspaces/${ws}/invitations`,
              payload: { email: `x${Math.random()}@example.com`, role: 'viewer' },
            })
          ).json().id as string,
        member: async (role = 'viewer') => {
          const u = await signup();
          await prisma().membership.create({ data: { id: `mem_${u.id}_${ws}`, userId: u.id, workspaceId: ws, role } });
          return u.id;
        },
        workspace: async () => {
          const w = (await call(owner, { method: 'POST', url: '/api/workspaces', payload: { name: `Doomed ${Math.random()}` } })).json();
          for (const [who, role] of members)
            await prisma().membership.create({ data: { id: `mem_${who.id}_${w.id}`, userId: who.id, workspaceId: w.id, role } });
          return { id: w.id as string, name: w.name as string };
        },
      },
    };
    return f;
  }

  beforeAll(async () => {
    // Plans without limits that matter here, so every route can be reached (plans.int.test.ts tests the limits).
    const plans = join(mkdtempSync(join(tmpdir(), 'bm-plans-')), 'plans.json');
    writeFileSync(plans, JSON.stringify({ defaultPlan: 'team', plans: [{ id: 'team', name: 'Team' }] }));
    t = await startTestServer({ env: { BOT_MANAGER_PLANS: plans } });
    for (const who of [...ROLES, 'stranger'] as const) callers[who] = await signup();
    const members = (['admin', 'editor', 'viewer'] as const).map((r) => [callers[r], r] as [Caller, Role]);
    own = await fixture(callers.owner, members);
    foreign = await fixture(callers.stranger, []);
  }, 60_000);
  afterAll(async () => t?.close());

  it('has a row for every route of the contract, and no other; every workspace route is exercised', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(allRoutes.map(routeKey).sort());
    const unexercised = Object.entries(MATRIX).filter(([, r]) => (r.least === 'public' || r.least === 'signed-in') === Boolean(r.req));
    expect(Object.entries(MATRIX).filter(([, r]) => r.least === 'installation').length).toBe(2);
    expect(unexercised.map(([k]) => k)).toEqual([]);
  });

  it('lets each role do exactly what its row allows in its own workspace', async () => {
    const seen: string[] = [];
    const wrong: string[] = [];
    for (const [key, row] of Object.entries(MATRIX)) {
      if (!row.req) continue;
      const least = row.least as Role;
      for (const role of ROLES) {
        const req = await row.req(own);
        const r = await call(callers[role], req);
        // The owner signed up first: the installation admin.
        const allowed = row.least === 'installation' ? role === 'owner' : RANK[role] >= RANK[least];
        const code = r.statusCode >= 400 ? (r.json() as { error?: { code?: string } } | null)?.error?.code : undefined;
        const ok = allowed ? ![401, 403, 404].includes(r.statusCode) : r.statusCode === 403 && code === 'FORBIDDEN';
        seen.push(`${key} ${role}`);
        if (!ok) wrong.push(`${key} as ${role}: ${r.statusCode} ${code ?? ''} (${allowed ? 'should pass' : 'should be 403'})`);
      }
    }
    expect(wrong).toEqual([]);
    expect(seen).toHaveLength(Object.values(MATRIX).filter((r) => r.req).length * ROLES.length);
  }, 120_000);

  it('answers 404 to every member of another workspace for its ids, whatever their role', async () => {
    const wrong: string[] = [];
    for (const [key, row] of Object.entries(MATRIX)) {
      // Installation admins act across workspaces (plans): not a workspace route.
      if (!row.req || row.least === 'installation') continue;
      for (const role of ROLES) {
        const r = await call(callers[role], await row.req(foreign));
        if (r.statusCode !== 404) wrong.push(`${key} as ${role} of another workspace: ${r.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('refuses signed-in routes to anonymous callers and serves public ones', async () => {
    for (const [key, row] of Object.entries(MATRIX)) {
      const [method, url] = key.split(' ') as [Req['method'], string];
      const r = await call(
        null,
        row.req ? await row.req(own) : { method, url: url.replace(/:(\w+)/g, 'x'), payload: method === 'GET' ? undefined : {} },
      );
      if (row.least === 'public') expect([key, r.statusCode === 401]).toEqual([key, false]);
      else expect([key, r.statusCode]).toEqual([key, 401]);
    }
  });
});
