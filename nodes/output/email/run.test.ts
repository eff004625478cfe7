import { startSmtpSink, type SmtpSink } from '@bm/testing/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection, runNode, testContext } from '../../testing/context';
import { outputEmail } from './definition';
import { createSmtpEmailSender } from './smtp';

describe('output.email', () => {
  it('sends through ctx.email with split, de-duplicated recipients', async () => {
    const ctx = await testContext({ input: { who: 'c@x.test' } });
    const out = await runNode(
      outputEmail,
      { to: 'a@x.test, b@x.test;{{ input.who }}, a@x.test', subject: 'Digest\n{{ input.who }}', body: '{{ nodes.llm.output.text }}' },
      ctx,
      [['llm', { text: 'Body text' }]],
    );
    expect(out).toEqual({ messageId: '<m1@test>', to: ['a@x.test', 'b@x.test', 'c@x.test'] });
    expect(ctx.sentEmails).toEqual([{ to: ['a@x.test', 'b@x.test', 'c@x.test'], subject: 'Digest c@x.test', text: 'Body text' }]);
  });

  it('rejects bad addresses at validation, and after rendering', async () => {
    const ctx = await testContext({ input: { who: 'not-an-address' } });
    expect((await rejection(runNode(outputEmail, { to: 'a@x.test, nope', subject: 's', body: 'b' }, ctx))).message).toContain(
      'parameter "to": not an email address: nope',
    );
    expect((await rejection(runNode(outputEmail, { to: '{{ input.who }}', subject: 's', body: 'b' }, ctx))).message).toContain(
      'not an email address: not-an-address',
    );
    // Data that itself looks like a template is not re-rendered, and still not accepted as an address.
    const tricky = await testContext({ input: { who: '{{ input.x }}' } });
    expect((await rejection(runNode(outputEmail, { to: '{{ input.who }}', subject: 's', body: 'b' }, tricky))).message).toContain(
      'not valid: {{ input.x }}',
    );
    const many = Array.from({ length: 21 }, (_, i) => `u${i}@x.test`).join(',');
    expect((await rejection(runNode(outputEmail, { to: many, subject: 's', body: 'b' }, ctx))).message).toContain('at most 20 recipients');
    expect(ctx.sentEmails).toEqual([]);
  });
});

describe('createSmtpEmailSender', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());

  it('delivers to an SMTP server: recipients, unicode subject, text', async () => {
    const sender = createSmtpEmailSender(`${sink.url}?from=${encodeURIComponent('Bots <bots@example.test>')}`);
    try {
      const res = await sender.send({ to: ['a@x.test', 'b@x.test'], subject: 'Rapport — café ☕', text: 'Line 1\nLïne 2' });
      expect(res.messageId).toMatch(/^<.+@.+>$/);
      const [mail] = await sink.waitFor(1);
      expect(mail!.envelope).toEqual({ from: 'bots@example.test', to: ['a@x.test', 'b@x.test'] });
      expect(mail!.to).toEqual(['a@x.test', 'b@x.test']);
      expect(mail!.from).toBe('Bots <bots@example.test>');
      expect(mail!.subject).toBe('Rapport — café ☕');
      expect(mail!.text).toBe('Line 1\nLïne 2');
      expect(mail!.headers['message-id']).toBe(res.messageId);
    } finally {
      sender.close();
    }
  });

  it('authenticates with the credentials in the URL and sends html alongside text', async () => {
    const before = sink.messages.length;
    const sender = createSmtpEmailSender(sink.url.replace('smtp://', 'smtp://mailer:s3cret@'), { from: 'noreply@example.test' });
    try {
      await sender.verify();
      await sender.send({ to: ['z@x.test'], subject: 'Hi', text: 'plain', html: '<p>rich</p>' });
      const mail = (await sink.waitFor(before + 1))[before]!;
      expect(mail.user).toBe('mailer');
      expect(mail.envelope.from).toBe('noreply@example.test');
      expect(mail.text).toBe('plain');
      expect(mail.html).toBe('<p>rich</p>');
    } finally {
      sender.close();
    }
  });

  it('defaults the sender to bot-manager@<smtp host>', async () => {
    const before = sink.messages.length;
    const sender = createSmtpEmailSender(sink.url);
    try {
      await sender.send({ to: ['d@x.test'], subject: 's', text: 't' });
      expect((await sink.waitFor(before + 1))[before]!.envelope.from).toBe('bot-manager@127.0.0.1');
    } finally {
      sender.close();
    }
  });

  it('works as ctx.email for the node', async () => {
    const before = sink.messages.length;
    const sender = createSmtpEmailSender(sink.url);
    try {
      const ctx = await testContext({ email: (m) => sender.send(m) });
      await runNode(outputEmail, { to: 'e@x.test', subject: 'From the node', body: 'Node body' }, ctx);
      const mail = (await sink.waitFor(before + 1))[before]!;
      expect(mail).toMatchObject({ subject: 'From the node', text: 'Node body', to: ['e@x.test'] });
    } finally {
      sender.close();
    }
  });

  it('fails with a retryable error when the server cannot be reached', async () => {
    const closed = await startSmtpSink();
    const url = closed.url;
    await closed.close();
    const sender = createSmtpEmailSender(url);
    try {
      expect(await rejection(sender.send({ to: ['a@x.test'], subject: 's', text: 't' }))).toMatchObject({
        code: 'EMAIL_SEND_FAILED',
        retryable: true,
      });
    } finally {
      sender.close();
    }
  });

  it('refuses a URL that is not smtp:// or smtps://', () => {
    expect(() => createSmtpEmailSender('http://mail.example.test')).toThrow('must start with smtp:// or smtps://');
    expect(() => createSmtpEmailSender('not a url')).toThrow('not a valid URL');
  });
});
