import { contract, type Failure, type RunListQuery } from '@bm/contract';
import { call, request } from './http';
import { failureText } from '../i18n/error-text';

const { runs } = contract;

export const TERMINAL_RUN_STATUSES: ReadonlySet<string> = new Set(['succeeded', 'failed', 'cancelled']);

/** A run's or node's recorded failure, in the user's language when it carries a catalogue key. */
export function runErrorMessage(error: Failure | null | undefined): string | null {
  return failureText(error);
}

export function runErrorCode(error: Failure | null | undefined): string | undefined {
  return error?.code;
}

export const runsApi = {
  // Without `wait` the answer is always 202 { runId }; a 200 (finished run) names it `id`.
  start: (botId: string, input?: unknown) =>
    call(runs.start, { params: { id: botId }, body: input === undefined ? {} : { input } }).then((r) => ({
      runId: 'runId' in r ? r.runId : r.id,
    })),
  listForBot: (botId: string, query: RunListQuery = {}) => call(runs.listForBot, { params: { id: botId }, query }),
  get: (runId: string) => call(runs.get, { params: { id: runId } }),
  cancel: (runId: string) => call(runs.cancel, { params: { id: runId } }),
  /** Starts a new run that reuses the finished nodes' outputs. */
  resume: (runId: string) => call(runs.resume, { params: { id: runId } }),
  /** A fresh run of the bot's current version with this run's input (nothing reused). */
  rerun: (runId: string) => call(runs.rerun, { params: { id: runId } }),
  /** Every flow.loop of the run with its items' states. */
  items: (runId: string) => call(runs.items, { params: { id: runId } }),
  /** The node runs of one loop item. */
  itemNodes: (runId: string, item: number) => call(runs.itemNodes, { params: { id: runId, item } }),
  /** A large node output, at the `outputRef` the run gave (the runs.nodeOutput route). */
  nodeOutput: (outputRef: string) => request<{ output: unknown }>(outputRef),
};
