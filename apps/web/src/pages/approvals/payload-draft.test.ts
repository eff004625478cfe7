import { describe, expect, it } from 'vitest';
import { draftOf, editedPayload } from './payload-draft';

describe('the payload an approver edits', () => {
  it('edits text as text and anything else as JSON', () => {
    expect(draftOf('Dear customer')).toMatchObject({ format: 'text', text: 'Dear customer' });
    expect(draftOf({ to: 'a' })).toMatchObject({ format: 'json', text: '{\n  "to": "a"\n}' });
    expect(draftOf(undefined)).toMatchObject({ format: 'json', text: 'null' });
  });

  it('sends nothing when unchanged, the edit when changed, and refuses JSON that does not parse', () => {
    const text = draftOf('Hi');
    expect(editedPayload(text)).toEqual({ changed: false });
    expect(editedPayload({ ...text, text: 'Hello' })).toEqual({ changed: true, value: 'Hello' });
    const json = draftOf({ n: 1 });
    expect(editedPayload({ ...json, text: '{"n": 2}' })).toEqual({ changed: true, value: { n: 2 } });
    const broken = editedPayload({ ...json, text: '{"n": ' });
    expect(broken.changed && 'error' in broken && broken.error.length > 0).toBe(true);
  });
});
