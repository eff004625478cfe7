import type { Database } from '../client';
import { approvalRepo } from './approvals';
import { botRepo, nodeStateRepo } from './bots';
import { connectionRepo } from './connections';
import { nodeRunRepo } from './node-runs';
import { rateLimitRepo } from './rate-limits';
import { resultRepo } from './results';
import { runRepo } from './runs';
import { pinRepo } from './pins';
import { runEventRepo } from './run-events';
import { scheduleRepo } from './schedules';
import { secretRepo } from './secrets';
import { usageRepo } from './usage';
import { budgetRepo } from './budgets';
import { identityRepo, oidcLoginRepo } from './identities';
import { passwordResetRepo } from './password-resets';
import { deviceRepo, sessionRepo } from './sessions';
import { templateRepo } from './templates';
import { auditRepo, invitationRepo, teamRepo } from './teams';
import { apiTokenRepo, userRepo, workspaceRepo } from './users';

/** Every repository over one database; apps build this once and inject it. */
export function createRepositories(db: Database) {
  const p = db.prisma;
  return {
    db,
    users: userRepo(p),
    sessions: sessionRepo(p, db.raw),
    devices: deviceRepo(p),
    identities: identityRepo(p),
    oidcLogins: oidcLoginRepo(p),
    passwordResets: passwordResetRepo(p),
    apiTokens: apiTokenRepo(p, db.raw),
    workspaces: workspaceRepo(p),
    connections: connectionRepo(p, db.raw),
    bots: botRepo(p, db.raw),
    nodeState: nodeStateRepo(p),
    runs: runRepo(p, db.raw),
    nodeRuns: nodeRunRepo(p, db.raw),
    pins: pinRepo(db.raw),
    runEvents: runEventRepo(db.raw),
    results: resultRepo(p, db.raw),
    schedules: scheduleRepo(p),
    rateLimits: rateLimitRepo(db.raw),
    secrets: secretRepo(p),
    teams: teamRepo(p),
    invitations: invitationRepo(p),
    audit: auditRepo(p),
    usage: usageRepo(db.raw),
    budgets: budgetRepo(p),
    templates: templateRepo(p),
    approvals: approvalRepo(p),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
