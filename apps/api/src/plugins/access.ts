import type { FastifyInstance, FastifyRequest, onRequestHookHandler, preHandlerHookHandler } from 'fastify';
import type { Bot, BudgetRow, Invitation, LlmConnection, Role, Run, Schedule, Template, User, Workspace, WorkspaceSecretRow } from '@bm/db';
import { connectionUsableBy } from '@bm/llm';
import type { AppDeps } from '../deps';
import { apiError, notFound, type Missing } from '../lib/errors';
import { allows, PERMISSIONS, ruleFor, TOKEN_SCOPE_HOLDS, tokenScopeFor, type Rule, type Scope } from '../permissions';
import { authenticate, currentUser } from './auth';
import { isInstallationAdmin } from '../lib/plans';

interface Rows {
  workspace: null;
  team: Workspace;
  invitation: Invitation;
  bot: Bot;
  run: Run;
  schedule: Schedule;
  connection: LlmConnection;
  secret: WorkspaceSecretRow;
  budget: BudgetRow;
  template: Template;
}

/** What the permission check found: the caller, the workspace the route acts in, their role there, the row. */
export interface Access<S extends Scope = Scope> {
  scope: S;
  user: User;
  workspaceId: string;
  role: Role;
  row: Rows[S];
}

declare module 'fastify' {
  interface FastifyRequest {
    access: Access | null;
  }
}

const WHAT: Record<Scope, Missing> = {
  workspace: 'workspace',
  team: 'workspace',
  invitation: 'invitation',
  bot: 'bot',
  run: 'run',
  schedule: 'schedule',
  connection: 'connection',
  secret: 'secret',
  budget: 'budget',
  template: 'template',
};

/**
 * Enforces apps/api/src/permissions.ts for every route, in one place: each registered route gets
 * its row's checks attached (public: none; authenticated: a caller; a permission: a caller who is
 * a member of the route's workspace with the role). A route without a row fails registration, so
 * nothing is reachable by accident. Ids in workspaces the caller is not in are 404; a known id
 * without the role is 403 FORBIDDEN.
 */
export function registerAccess(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('user', null);
  app.decorateRequest('access', null);
  app.decorateRequest('tokenScope', null);
  const identify = authenticate(deps);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      const rule = ruleFor(method, route.url);
      if (!rule)
        throw new Error(`${method} ${route.url} has no row in apps/api/src/permissions.ts; every route must declare its permission.`);
      if (rule.permission === 'public') continue;
      route.onRequest = [
        ...hooks(route.onRequest),
        identify as onRequestHookHandler,
        checkTokenScope(method, rule) as onRequestHookHandler,
      ];
      if (rule.permission === 'installation')
        route.preHandler = [...hooks(route.preHandler), installationAdmin(deps) as preHandlerHookHandler];
      else if (rule.permission !== 'authenticated')
        route.preHandler = [...hooks(route.preHandler), authorize(deps, rule) as preHandlerHookHandler];
    }
  });
}

/** An API token holds only its scope's part of what its user may do (permissions.ts, tokenScopeFor). */
function checkTokenScope(method: string, rule: Rule) {
  const needed = tokenScopeFor(method, rule);
  return async (req: FastifyRequest) => {
    const scope = req.tokenScope;
    if (scope === null) return;
    if (needed === null) throw apiError(403, 'TOKEN_SCOPE', { key: 'TOKEN_SCOPE.noTokens' });
    if (!TOKEN_SCOPE_HOLDS[needed].includes(scope)) {
      throw apiError(403, 'TOKEN_SCOPE', { key: 'TOKEN_SCOPE.needs', params: { scope, needed } });
    }
  };
}

function installationAdmin(deps: AppDeps) {
  return async (req: FastifyRequest) => {
    if (!(await isInstallationAdmin(deps, currentUser(req)))) throw apiError(403, 'FORBIDDEN', { key: 'FORBIDDEN.installation' });
  };
}

const hooks = <T>(h: T | T[] | undefined): T[] => (h === undefined ? [] : Array.isArray(h) ? h : [h]);

function authorize(deps: AppDeps, rule: Extract<Rule, { in: Scope }>) {
  const min = PERMISSIONS[rule.permission];
  return async (req: FastifyRequest) => {
    const user = currentUser(req);
    if (rule.in === 'template') return void (req.access = await templateAccess(deps, req, rule, user));
    const { workspaceId, row, what, role } = await target(deps, req, rule.in, user);
    if (!workspaceId || !role) throw notFound(what);
    // A connection is visible to its owner and, when shared, to the workspace; otherwise it does not exist.
    if (rule.in === 'connection' && !connectionUsableBy(row as LlmConnection, user.id, workspaceId)) throw notFound(what);
    const owner = rule.ownerMay && (row as { ownerUserId?: string } | null)?.ownerUserId === user.id;
    const self = rule.selfMay && (req.params as { userId?: string }).userId === user.id;
    if (!allows(role, rule.permission) && !owner && !self) {
      throw apiError(403, 'FORBIDDEN', { key: rule.ownerMay ? 'FORBIDDEN.roleOrOwner' : 'FORBIDDEN.role', params: { min, role } });
    }
    req.access = { scope: rule.in, user, workspaceId, role, row } as Access;
  };
}

/**
 * Templates: a workspace template is a row of its workspace like any other. Built-in and
 * installation templates belong to no workspace: every signed-in caller reads them (acting in their
 * personal workspace); only installation admins change installation ones, and nobody the built-ins
 * (the app ships them; seeding upgrades them).
 */
async function templateAccess(deps: AppDeps, req: FastifyRequest, rule: Extract<Rule, { in: Scope }>, user: User): Promise<Access> {
  const { repos } = deps.services;
  const row = await repos.templates.get((req.params as { id: string }).id);
  if (!row) throw notFound('template');
  const reading = PERMISSIONS[rule.permission] === 'viewer';
  if (row.scope === 'workspace') {
    const role = row.workspaceId ? ((await repos.workspaces.membership(user.id, row.workspaceId))?.role ?? null) : null;
    if (!row.workspaceId || !role) throw notFound('template');
    if (!allows(role, rule.permission))
      throw apiError(403, 'FORBIDDEN', { key: 'FORBIDDEN.role', params: { min: PERMISSIONS[rule.permission], role } });
    return { scope: 'template', user, workspaceId: row.workspaceId, role, row };
  }
  if (!reading && row.scope === 'builtin') throw apiError(403, 'FORBIDDEN', { key: 'FORBIDDEN.builtinTemplate' });
  if (!reading && !(await isInstallationAdmin(deps, user))) throw apiError(403, 'FORBIDDEN', { key: 'FORBIDDEN.installation' });
  const workspaceId = await repos.workspaces.personal(user.id);
  if (!workspaceId) throw notFound('workspace');
  return { scope: 'template', user, workspaceId, role: 'owner', row };
}

/** The workspace a request acts in, the row it names, and the caller's role there (null: not a member). */
async function target(
  deps: AppDeps,
  req: FastifyRequest,
  scope: Exclude<Scope, 'template'>,
  user: User,
): Promise<{ workspaceId: string | null; row: Rows[Scope]; what: Missing; role: Role | null }> {
  const { repos } = deps.services;
  const roleIn = async (workspaceId: string | null | undefined) =>
    workspaceId ? ((await repos.workspaces.membership(user.id, workspaceId))?.role ?? null) : null;
  if (scope === 'workspace') {
    const asked =
      (req.body as { workspaceId?: string } | undefined)?.workspaceId ?? (req.query as { workspaceId?: string } | undefined)?.workspaceId;
    const workspaceId = asked ?? (await repos.workspaces.personal(user.id));
    return { workspaceId, row: null, what: WHAT.workspace, role: await roleIn(workspaceId) };
  }
  const id = (req.params as { id: string }).id;
  // Bots and runs are read on every run start and poll: the row and the caller's role in one statement.
  if (scope === 'bot' || scope === 'run') {
    const found = await (scope === 'bot' ? repos.bots : repos.runs).getForCaller(id, user.id);
    return { workspaceId: found?.row.workspaceId ?? null, row: found?.row ?? null, what: WHAT[scope], role: found?.role ?? null };
  }
  if (scope === 'team') {
    const row = await repos.teams.get(id);
    return { workspaceId: row?.id ?? null, row, what: WHAT[scope], role: await roleIn(row?.id) };
  }
  const rows = {
    schedule: repos.schedules,
    connection: repos.connections,
    secret: repos.secrets,
    invitation: repos.invitations,
    budget: repos.budgets,
  };
  const row = await rows[scope].get(id);
  return { workspaceId: row?.workspaceId ?? null, row, what: WHAT[scope], role: await roleIn(row?.workspaceId) };
}

/**
 * The access a route's permission row resolved. Naming the scope the handler expects catches a
 * table row and a handler that disagree (a bug, so a 500 rather than a wrong answer).
 */
export function accessTo<S extends Scope>(req: FastifyRequest, scope: S): Access<S> {
  const a = req.access;
  if (!a || a.scope !== scope)
    throw new Error(
      `${req.method} ${req.routeOptions.url}: the handler expects a ${scope} but its permission row resolves ${a?.scope ?? 'none'}.`,
    );
  return a as Access<S>;
}
