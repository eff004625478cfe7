import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, ConflictError, createRepositories, openDatabase, type Database, type Repositories } from './index';

// Sessions, devices, sign-on identities and reset links on the real migrated schema (PGlite; and
// PostgreSQL when the test command provides one).
const targets: [string, () => Promise<Database>][] = [
  ['pglite', () => openDatabase({ dataDir: mkdtempSync(path.join(tmpdir(), 'bm-account-')) })],
];
if (process.env.BM_TEST_DATABASE_URL) targets.push(['postgres', () => openDatabase({ databaseUrl: process.env.BM_TEST_DATABASE_URL })]);

const uniq = () => Math.random().toString(36).slice(2);

describe.each(targets)('account repositories on %s', (_name, open) => {
  let db: Database;
  let repos: Repositories;
  beforeAll(async () => {
    db = await open();
    await applyMigrations(db.raw);
    repos = createRepositories(db);
  });
  afterAll(async () => db?.close());

  const newUser = async () => (await repos.users.create({ email: `${uniq()}@example.com`, name: 'U', passwordHash: 'x' })).user;

  it('deletes expired sessions only', async () => {
    const u = await newUser();
    const live = await repos.sessions.create(u.id, 60_000);
    const dead = await repos.sessions.create(u.id, -1_000);
    expect(await repos.sessions.deleteExpired()).toBeGreaterThanOrEqual(1);
    expect((await repos.sessions.findUser(live))?.id).toBe(u.id);
    const left = await db.prisma.session.count({ where: { userId: u.id } });
    expect(left).toBe(1);
    expect(await repos.sessions.findUser(dead)).toBeNull();
  });

  it('signs a user out of every other session, or of all', async () => {
    const u = await newUser();
    const other = await newUser();
    const [a, b, c] = [
      await repos.sessions.create(u.id, 60_000),
      await repos.sessions.create(u.id, 60_000),
      await repos.sessions.create(u.id, 60_000),
    ];
    const theirs = await repos.sessions.create(other.id, 60_000);
    expect(await repos.sessions.deleteOthers(u.id, a)).toBe(2);
    expect((await repos.sessions.findUser(a))?.id).toBe(u.id);
    expect(await repos.sessions.findUser(b)).toBeNull();
    expect(await repos.sessions.findUser(c)).toBeNull();
    expect(await repos.sessions.deleteAllForUser(u.id)).toBe(1);
    expect(await repos.sessions.findUser(a)).toBeNull();
    expect((await repos.sessions.findUser(theirs))?.id).toBe(other.id);
  });

  it('tells a new device from a known one, per user', async () => {
    const u = await newUser();
    const v = await newUser();
    expect(await repos.devices.seen(u.id, 'dev1')).toBe(true);
    expect(await repos.devices.seen(u.id, 'dev1')).toBe(false);
    expect(await repos.devices.seen(v.id, 'dev1')).toBe(true);
  });

  it('creates a sign-on user without a password, with the identity and the default workspace', async () => {
    const owner = await repos.users.create({ email: `${uniq()}@example.com`, name: 'O', passwordHash: 'x' });
    const issuer = `https://idp-${uniq()}.example`;
    const { user, joinedDefault } = await repos.identities.createUser({
      email: `${uniq()}@example.com`,
      name: 'S',
      identity: { issuer, subject: 'sub-1' },
      defaultWorkspace: { id: owner.workspaceId, role: 'editor' },
    });
    expect(user.passwordHash).toBeNull();
    expect(joinedDefault).toBe(true);
    expect((await repos.identities.findUser(issuer, 'sub-1'))?.id).toBe(user.id);
    const ms = await repos.workspaces.listForUser(user.id);
    expect(ms).toHaveLength(2);
    expect((await repos.workspaces.membership(user.id, owner.workspaceId))?.role).toBe('editor');
    // The same subject cannot be linked twice; a missing default workspace is skipped.
    await expect(repos.identities.link(owner.user.id, { issuer, subject: 'sub-1', email: owner.user.email })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const lone = await repos.identities.createUser({
      email: `${uniq()}@example.com`,
      name: 'L',
      identity: { issuer, subject: 'sub-2' },
      defaultWorkspace: { id: 'ws_missing', role: 'viewer' },
    });
    expect(lone.joinedDefault).toBe(false);
  });

  it('hands a sign-in state out once and never after it expired', async () => {
    const state = { state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/bots' };
    const token = await repos.oidcLogins.create(state, 60_000);
    expect(await repos.oidcLogins.take(token)).toEqual(state);
    expect(await repos.oidcLogins.take(token)).toBeNull();
    const stale = await repos.oidcLogins.create(state, -1);
    expect(await repos.oidcLogins.take(stale)).toBeNull();
  });

  it('uses a reset link once: new password, every session gone', async () => {
    const u = await newUser();
    const admin = await newUser();
    const session = await repos.sessions.create(u.id, 60_000);
    const { token, expiresAt } = await repos.passwordResets.create({ userId: u.id, createdById: admin.id, workspaceId: 'ws_x' }, 60_000);
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
    const used = await repos.passwordResets.use(token, 'new-hash');
    expect(used?.user.passwordHash).toBe('new-hash');
    expect(await repos.sessions.findUser(session)).toBeNull();
    expect(await repos.passwordResets.use(token, 'again')).toBeNull();
    const expired = await repos.passwordResets.create({ userId: u.id, createdById: admin.id, workspaceId: 'ws_x' }, -1);
    expect(await repos.passwordResets.use(expired.token, 'late')).toBeNull();
    // A newer link replaces an older unused one.
    const older = await repos.passwordResets.create({ userId: u.id, createdById: admin.id, workspaceId: 'ws_x' }, 60_000);
    const newer = await repos.passwordResets.create({ userId: u.id, createdById: admin.id, workspaceId: 'ws_x' }, 60_000);
    expect(await repos.passwordResets.use(older.token, 'old')).toBeNull();
    expect(await repos.passwordResets.use(newer.token, 'newest')).not.toBeNull();
    expect((await repos.users.findById(u.id))?.passwordHash).toBe('newest');
  });
});
