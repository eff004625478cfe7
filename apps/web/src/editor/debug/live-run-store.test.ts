import { beforeEach, describe, expect, it } from 'vitest';
import { useLiveRun } from './live-run-store';

describe('the live run store', () => {
  beforeEach(() => useLiveRun.getState().reset('run-1'));

  it('adds up each node’s streamed text, in order', () => {
    const s = useLiveRun.getState();
    s.append('run-1', 'llm', 'Hello');
    s.append('run-1', 'llm', ', world');
    s.append('run-1', 'other', 'x');
    expect(useLiveRun.getState().text).toEqual({ llm: 'Hello, world', other: 'x' });
  });

  it('ignores text of a run it no longer follows, and starts empty for the next', () => {
    useLiveRun.getState().append('run-0', 'llm', 'late');
    expect(useLiveRun.getState().text).toEqual({});
    useLiveRun.getState().append('run-1', 'llm', 'a');
    useLiveRun.getState().reset('run-2');
    expect(useLiveRun.getState()).toMatchObject({ runId: 'run-2', text: {}, live: false });
  });
});
