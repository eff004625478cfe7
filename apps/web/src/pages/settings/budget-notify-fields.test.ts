import { describe, expect, it } from 'vitest';
import { notifyDraftOf, notifyOfDraft } from './budget-notify-fields';

describe('budget notice channels in the form', () => {
  it('sends only the channels that are set, and null for the inbox alone', () => {
    expect(notifyOfDraft({ emails: ' a@x.io, b@y.io;c@z.io ', slackSecret: '', webhookSecret: 'HOOK' })).toEqual({
      emails: ['a@x.io', 'b@y.io', 'c@z.io'],
      webhookSecret: 'HOOK',
    });
    expect(notifyOfDraft({ emails: ' , ', slackSecret: '', webhookSecret: '' })).toBeNull();
  });
  it('round-trips what the API stored', () => {
    const stored = { emails: ['a@x.io'], slackSecret: 'SLACK' };
    expect(notifyOfDraft(notifyDraftOf(stored))).toEqual(stored);
    expect(notifyDraftOf(null)).toEqual({ emails: '', slackSecret: '', webhookSecret: '' });
  });
});
