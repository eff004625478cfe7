import type { RouteKey } from '@bm/contract';
import type { Role } from '@bm/db';

/**
 * THE permission table: every route the app registers has one row here, and plugins/access.ts
 * enforces it for all of them (a route without a row cannot even be registered). Handlers never
 * check roles themselves.
 */

/** Each permission and the least workspace role that holds it (shared/API.md, permission matrix). */
export const PERMISSIONS = {
  'bots.read': 'viewer',
  'bots.write': 'editor',
  'runs.read': 'viewer',
  'runs.start': 'editor',
  'runs.cancel': 'editor',
  /** Decide a run's flow.approval (API.md: decide approvals, editor and up). */
  'runs.approve': 'editor',
  'results.read': 'viewer',
  'schedules.read': 'viewer',
  'schedules.write': 'editor',
  /** Also decides who sees a bot's webhook URL (it is a credential that starts runs). */
  'webhooks.manage': 'editor',
  'connections.read': 'viewer',
  /** A test call spends the connection owner's money: not for viewers of a shared connection. */
  'connections.test': 'editor',
  'connections.create': 'editor',
  /** Change or delete a connection: an admin, or the connection's owner (see `ownerMay`). */
  'connections.manage': 'admin',
  /** Share a connection with the workspace or take it back: who pays is an admin's decision. */
  'connections.share': 'admin',
  /** Editors reference secrets by name in bots; only admins create, change or delete them. */
  'secrets.read': 'editor',
  'secrets.manage': 'admin',
  'members.read': 'viewer',
  /** Invite, change roles below owner, remove members (see `mayManageMember`). */
  'members.manage': 'admin',
  'audit.read': 'admin',
  /** Rename or delete the workspace, transfer ownership, make or unmake owners. */
  'workspace.manage': 'owner',
  /** What the workspace's LLM calls cost (API.md: read usage and costs, editor and up). */
  'usage.read': 'editor',
  /** Create, change or delete budgets (reading them is usage.read). */
  'budgets.manage': 'admin',
  /** Built-in, installation and the workspace's templates (API.md: templates). */
  'templates.read': 'viewer',
  /** Publish a bot as a template of its workspace, change or unpublish one (installation scope: installation admins too). */
  'templates.publish': 'editor',
  /** Export a bot to a file, import one (API.md: export/import bots, editor and up). */
  'bots.portability': 'editor',
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * Where a route's workspace comes from: `workspace` = the body's or query's `workspaceId`
 * (default: the caller's personal workspace); `team` = the workspace named by `:id` of
 * `/api/workspaces/:id/…`; the others = the row named by `:id`.
 */
export type Scope = 'workspace' | 'team' | 'bot' | 'run' | 'schedule' | 'connection' | 'secret' | 'invitation' | 'budget' | 'template';

export type Rule =
  /** Anyone, signed in or not. */
  | { permission: 'public' }
  /** Any signed-in caller; the route acts on the caller's own things, in no workspace. */
  | { permission: 'authenticated'; /** A signed-in browser session only, never an API token. */ sessionOnly?: true }
  /** Installation admins only (the first user, BOT_MANAGER_ADMIN_EMAILS): plans; in no workspace. */
  | { permission: 'installation' }
  | {
      permission: Permission;
      in: Scope;
      /** The row's owner holds the permission whatever their role. */
      ownerMay?: true;
      /** A member may do this to themselves (`:userId` is the caller), e.g. leave a workspace. */
      selfMay?: true;
    };

/** Roles in order of what they may do (a reset link needs a higher role than its member's). */
export const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

/** Does this role hold the permission? */
export const allows = (role: Role, permission: Permission) => RANK[role] >= RANK[PERMISSIONS[permission]];

/**
 * What an admin may do to another member: anything to members below owner (change their role to
 * any role but owner, remove them); owners, and making owners, take an owner.
 */
export const mayManageMember = (actor: Role, target: Role, newRole?: Role) =>
  allows(actor, 'workspace.manage') || (allows(actor, 'members.manage') && target !== 'owner' && newRole !== 'owner');

/** The web UI (any path outside /api). */
export const WEB_UI_ROUTE = 'GET /*';

const pub = { permission: 'public' } as const;
const authed = { permission: 'authenticated' } as const;
const at = (permission: Permission, scope: Scope): Rule => ({ permission, in: scope });

export const ROUTE_PERMISSIONS: Record<RouteKey | typeof WEB_UI_ROUTE, Rule> = {
  [WEB_UI_ROUTE]: pub,
  'GET /api/health': pub,
  'GET /api/openapi.json': pub,
  'POST /api/auth/signup': pub,
  'POST /api/auth/login': pub,
  'POST /api/auth/logout': pub,
  'GET /api/auth/sso': pub,
  'GET /api/auth/sso/start': pub,
  'GET /api/auth/sso/callback': pub,
  /** The one-use token in the body is the credential. */
  'POST /api/auth/password-reset': pub,
  'POST /api/auth/logout-all': authed,
  'GET /api/me/account': authed,
  /** Proving the current password is for a person at a browser, not a script's token. */
  'POST /api/me/password': { permission: 'authenticated', sessionOnly: true },
  /**
   * Owner or admin of the `:id` workspace; that the member's role is lower, here and in the
   * caller's other workspaces, is the handler's check (routes/password-reset-links.ts).
   */
  'POST /api/workspaces/:id/members/:userId/password-reset': at('members.manage', 'team'),
  /** The token in the URL is the credential. */
  'POST /api/hooks/:token': pub,

  'GET /api/me': authed,
  'PATCH /api/me': authed,
  /** A token can never mint tokens (a leaked one must not outlive its revocation). */
  'POST /api/tokens': { permission: 'authenticated', sessionOnly: true },
  'GET /api/tokens': authed,
  'DELETE /api/tokens/:id': authed,
  'GET /api/node-types': authed,

  'POST /api/secrets': at('secrets.manage', 'workspace'),
  'GET /api/secrets': at('secrets.read', 'workspace'),
  'PATCH /api/secrets/:id': at('secrets.manage', 'secret'),
  'DELETE /api/secrets/:id': at('secrets.manage', 'secret'),

  'POST /api/llm-connections': at('connections.create', 'workspace'),
  'GET /api/llm-connections': at('connections.read', 'workspace'),
  'GET /api/llm-connections/:id': at('connections.read', 'connection'),
  'PATCH /api/llm-connections/:id': { permission: 'connections.manage', in: 'connection', ownerMay: true },
  'DELETE /api/llm-connections/:id': { permission: 'connections.manage', in: 'connection', ownerMay: true },
  'POST /api/llm-connections/:id/test': { permission: 'connections.test', in: 'connection', ownerMay: true },
  'GET /api/llm-connections/:id/models': at('connections.read', 'connection'),
  /** Which bots use it: reading bots. Switching them: editing bots (each gets a new version). */
  'GET /api/llm-connections/:id/usage': at('bots.read', 'connection'),
  'POST /api/llm-connections/:id/switch': at('bots.write', 'connection'),

  'POST /api/bots': at('bots.write', 'workspace'),
  'GET /api/bots': at('bots.read', 'workspace'),
  'POST /api/bots/validate': at('bots.read', 'workspace'),
  'GET /api/bots/:id': at('bots.read', 'bot'),
  'PATCH /api/bots/:id': at('bots.write', 'bot'),
  'DELETE /api/bots/:id': at('bots.write', 'bot'),
  'GET /api/bots/:id/versions': at('bots.read', 'bot'),
  'GET /api/bots/:id/versions/:version': at('bots.read', 'bot'),
  'PATCH /api/bots/:id/versions/:version': at('bots.write', 'bot'),
  'POST /api/bots/:id/versions/:version/restore': at('bots.write', 'bot'),
  'POST /api/bots/:id/webhook': at('webhooks.manage', 'bot'),
  'PATCH /api/bots/:id/webhook': at('webhooks.manage', 'bot'),
  'DELETE /api/bots/:id/webhook': at('webhooks.manage', 'bot'),
  /** Pinned data is part of editing the bot (outside its versions). */
  'PUT /api/bots/:id/pins/:nodeId': at('bots.write', 'bot'),
  'DELETE /api/bots/:id/pins/:nodeId': at('bots.write', 'bot'),

  'POST /api/bots/:id/runs': at('runs.start', 'bot'),
  'GET /api/bots/:id/runs': at('runs.read', 'bot'),
  'GET /api/runs/:id': at('runs.read', 'run'),
  'GET /api/runs/:id/nodes/:nodeId/output': at('runs.read', 'run'),
  'GET /api/runs/:id/items': at('runs.read', 'run'),
  'GET /api/runs/:id/items/:item': at('runs.read', 'run'),
  /** Live events: whoever may read the run may follow it. */
  'GET /api/runs/:id/events': at('runs.read', 'run'),
  'POST /api/runs/:id/cancel': at('runs.cancel', 'run'),
  'POST /api/runs/:id/resume': at('runs.start', 'run'),
  'POST /api/runs/:id/rerun': at('runs.start', 'run'),
  'POST /api/runs/:id/approvals/:nodeId': at('runs.approve', 'run'),
  /** Pending and decided approvals are part of reading runs: viewers see them (read-only). */
  'GET /api/approvals': at('runs.read', 'workspace'),
  /** The signed one-time link's token in the URL is the credential; the answer shows only the request. */
  'GET /api/approval-links/:token': pub,
  'POST /api/approval-links/:token': pub,

  'GET /api/bots/:id/results': at('results.read', 'bot'),
  'GET /api/results': at('results.read', 'workspace'),

  'GET /api/bots/:id/schedules': at('schedules.read', 'bot'),
  'POST /api/bots/:id/schedules': at('schedules.write', 'bot'),
  'PATCH /api/schedules/:id': at('schedules.write', 'schedule'),
  'DELETE /api/schedules/:id': at('schedules.write', 'schedule'),
  'POST /api/schedules/:id/trigger': at('schedules.write', 'schedule'),

  /** Anyone signed in may start a team of their own. */
  'POST /api/workspaces': authed,
  'GET /api/workspaces': authed,
  'PATCH /api/workspaces/:id': at('workspace.manage', 'team'),
  'DELETE /api/workspaces/:id': at('workspace.manage', 'team'),
  'POST /api/workspaces/:id/transfer': at('workspace.manage', 'team'),
  'GET /api/workspaces/:id/members': at('members.read', 'team'),
  'PATCH /api/workspaces/:id/members/:userId': at('members.manage', 'team'),
  'DELETE /api/workspaces/:id/members/:userId': { permission: 'members.manage', in: 'team', selfMay: true },
  'POST /api/workspaces/:id/invitations': at('members.manage', 'team'),
  'GET /api/workspaces/:id/invitations': at('members.manage', 'team'),
  'DELETE /api/invitations/:id': at('members.manage', 'invitation'),
  /** The link's token is the credential; the answer names only the workspace, the role and the inviter. */
  'POST /api/invitations/preview': pub,
  /** A person accepts, in their browser: never a script's token. */
  'POST /api/invitations/accept': { permission: 'authenticated', sessionOnly: true },
  'GET /api/workspaces/:id/audit': at('audit.read', 'team'),

  /** The price table is public knowledge; every signed-in caller may read it. */
  'GET /api/prices': authed,
  'GET /api/usage': at('usage.read', 'workspace'),
  'POST /api/budgets': at('budgets.manage', 'workspace'),
  'GET /api/budgets': at('usage.read', 'workspace'),
  'GET /api/budgets/:id': at('usage.read', 'budget'),
  /** API.md: see plan limits, admin and up. */
  'GET /api/workspaces/:id/limits': at('budgets.manage', 'team'),
  'GET /api/plans': { permission: 'installation' },
  'PUT /api/workspaces/:id/plan': { permission: 'installation' },
  'PATCH /api/budgets/:id': at('budgets.manage', 'budget'),
  'DELETE /api/budgets/:id': at('budgets.manage', 'budget'),

  'GET /api/templates': at('templates.read', 'workspace'),
  'GET /api/templates/:id': at('templates.read', 'template'),
  /** Installation templates: installation admins; built-ins: nobody (plugins/access.ts, templateAccess). */
  'PATCH /api/templates/:id': at('templates.publish', 'template'),
  'DELETE /api/templates/:id': at('templates.publish', 'template'),
  /** `scope: "installation"` also needs an installation admin (the body decides; routes/templates.ts). */
  'POST /api/bots/:id/template': at('templates.publish', 'bot'),
  /** Creates a bot in the body's workspace; the template must be one the caller sees. */
  'POST /api/templates/:id/instantiate': at('bots.write', 'workspace'),
  'GET /api/bots/:id/export': at('bots.portability', 'bot'),
  'POST /api/bots/import': at('bots.portability', 'workspace'),
  'POST /api/bots/import-n8n': at('bots.portability', 'workspace'),
  'POST /api/bots/:id/duplicate': at('bots.write', 'bot'),
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a `run` token may do besides reading. */
const RUN_PERMISSIONS = new Set<Permission>(['runs.start', 'runs.cancel']);

/**
 * The least API-token scope a route needs: reads need `read`; starting, cancelling and resuming
 * runs need `run`; every other change needs `full`; minting tokens needs a session (null).
 */
export function tokenScopeFor(method: string, rule: Rule): 'read' | 'run' | 'full' | null {
  if (rule.permission === 'authenticated' && rule.sessionOnly) return null;
  if (SAFE_METHODS.has(method)) return 'read';
  if ('in' in rule && RUN_PERMISSIONS.has(rule.permission)) return 'run';
  return 'full';
}

/** Which scopes a token may have to hold each of them. */
export const TOKEN_SCOPE_HOLDS: Record<'read' | 'run' | 'full', readonly string[]> = {
  read: ['read', 'run', 'full'],
  run: ['run', 'full'],
  full: ['full'],
};

/** The row for a registered route; HEAD routes (Fastify adds one per GET) follow their GET. */
export function ruleFor(method: string, url: string): Rule | undefined {
  const key = `${method === 'HEAD' ? 'GET' : method} ${url}`;
  return Object.hasOwn(ROUTE_PERMISSIONS, key) ? ROUTE_PERMISSIONS[key as keyof typeof ROUTE_PERMISSIONS] : undefined;
}
