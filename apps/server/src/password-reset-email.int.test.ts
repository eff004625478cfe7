import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '@bm/testing/fixtures';
import { startTestServer, type TestServer } from './testing/harness';

// A password-reset link travels by email through the same SMTP sender as the email node: the real
// server, a loopback SMTP server that records what it receives, the link used from the email.

describe('password-reset links by email', () => {
  let t: TestServer;
  let smtp: SmtpSink;
  const logs: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestServer({
      env: { BOT_MANAGER_SMTP_URL: `${smtp.url}?from=admin@bots.example` },
      logDestination: { write: (line) => void logs.push(line) },
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('emails the member the link, which sets their password once and signs them in', async () => {
    const admin = t.api();
    const member = t.api();
    const adminUser = await admin.signup('boss@example.com');
    const memberUser = await member.signup('member@example.com');
    // A shared workspace with the two of them (the workspace routes are not part of this test).
    const { prisma } = t.server.services.db;
    await prisma.workspace.create({ data: { id: 'ws_mail', name: 'Team' } });
    await prisma.membership.create({ data: { id: 'mem_mail_1', userId: adminUser.id, workspaceId: 'ws_mail', role: 'admin' } });
    await prisma.membership.create({ data: { id: 'mem_mail_2', userId: memberUser.id, workspaceId: 'ws_mail', role: 'viewer' } });

    const made = await admin.post(`/api/workspaces/ws_mail/members/${memberUser.id}/password-reset`);
    expect(made.status).toBe(201);
    expect(made.body.emailed).toBe(true);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelope.to).toEqual(['member@example.com']);
    expect(mail!.envelope.from).toBe('admin@bots.example');
    expect(mail!.text).toContain(made.body.url);
    const token = String(made.body.url).split('/').pop()!;

    const used = await t.api().post('/api/auth/password-reset', { token, newPassword: 'member picked this one' });
    expect(used.status).toBe(200);
    expect(used.body.user.email).toBe('member@example.com');
    expect((await member.get('/api/me')).status).toBe(401);
    const again = await t.api().post('/api/auth/password-reset', { token, newPassword: 'member picked another' });
    expect(again.body.error.code).toBe('RESET_LINK_INVALID');
    expect(logs.join('\n')).not.toContain(token);
  });
});
