import { contract } from '@bm/contract';
import { call } from './http';

const { runs, pins } = contract;

/** What a run from the editor may ask beyond its input (API.md "Debug runs"). */
export interface EditorRunOptions {
  input?: unknown;
  startAt?: string;
  only?: boolean;
  reuseRunId?: string;
}

export const debugApi = {
  /** An editor run: pinned outputs stand in for their nodes (the server honours this for signed-in sessions only). */
  start: (botId: string, opts: EditorRunOptions = {}) =>
    call(runs.start, {
      params: { id: botId },
      body: {
        ...(opts.input === undefined ? {} : { input: opts.input }),
        ...(opts.startAt ? { startAt: opts.startAt } : {}),
        ...(opts.only ? { only: true } : {}),
        ...(opts.reuseRunId ? { reuseRunId: opts.reuseRunId } : {}),
        usePinned: true,
      },
    }).then((r) => ({ runId: 'runId' in r ? r.runId : r.id })),
  pin: (botId: string, nodeId: string, output: unknown) => call(pins.set, { params: { id: botId, nodeId }, body: { output } }),
  unpin: (botId: string, nodeId: string) => call(pins.remove, { params: { id: botId, nodeId } }),
};
