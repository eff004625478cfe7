import { startHttpFixture, type HttpFixture } from '@bm/testing/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection, runNode, testContext } from '../../testing/context';
import { outputSlack } from './definition';

let slack: HttpFixture;
beforeAll(async () => {
  // Answers like Slack's incoming webhooks do.
  slack = await startHttpFixture({
    'POST /services/T1/B1/ok': { text: 'ok' },
    'POST /services/T1/B1/archived': { status: 410, text: 'channel_is_archived' },
    'POST /services/T1/B1/bad': { status: 400, text: 'invalid_payload' },
  });
});
afterAll(() => slack.close());

const ctx = () => testContext({ allow: [slack.host] });

describe('output.slack', () => {
  it('posts { text } as JSON to the webhook', async () => {
    const out = await runNode(
      outputSlack,
      { webhookUrl: `${slack.url}/services/T1/B1/ok`, text: '*Digest*\n{{ nodes.llm.output.text }}' },
      await ctx(),
      [['llm', { text: 'Calm seas.' }]],
    );
    expect(out).toEqual({ status: 200 });
    const req = slack.requests[slack.requests.length - 1]!;
    expect(req.json).toEqual({ text: '*Digest*\nCalm seas.' });
    expect(req.headers['content-type']).toBe('application/json');
    // Stable per node run (run-1:node-1 in the test context), so duplicates after a retry can be dropped.
    expect(req.headers['x-bot-manager-delivery']).toBe('run-1:node-1');
    expect(req.headers['idempotency-key']).toBe('run-1:node-1');
  });

  it("reports Slack's error without retrying", async () => {
    const err = await rejection(runNode(outputSlack, { webhookUrl: `${slack.url}/services/T1/B1/archived`, text: 'x' }, await ctx()));
    expect(err).toMatchObject({ code: 'HTTP_ERROR', status: 410, retryable: false });
    expect(err.message).toContain('Slack refused the message');
    expect(err.message).toContain('channel_is_archived');
    expect(
      (await rejection(runNode(outputSlack, { webhookUrl: `${slack.url}/services/T1/B1/bad`, text: 'x' }, await ctx()))).message,
    ).toContain('invalid_payload');
  });

  it('needs a text', async () => {
    expect((await rejection(runNode(outputSlack, { webhookUrl: `${slack.url}/services/T1/B1/ok`, text: '' }, await ctx()))).code).toBe(
      'INVALID_PARAMS',
    );
  });
});
