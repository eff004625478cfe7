import type { BotActivities } from '../shared';
import type { ActivityDeps } from './index';
import { outputKey, type LoadedRun } from './run-cache';
import type { RunEventRecorder } from './run-events';
import { upstreamOutputs } from './run-node';

/** What a disabled node's run says (the errors catalogue has its message as `run.nodeDisabled`). */
export const NODE_DISABLED = { code: 'NODE_DISABLED', message: 'Skipped: the node is disabled.', key: 'run.nodeDisabled' };

type Deps = Pick<ActivityDeps, 'repos'> & {
  loadRun(runId: string): Promise<LoadedRun>;
  events: RunEventRecorder;
  keepOutput(runId: string, key: string, output: unknown, bytes: number): void;
};

/**
 * A disabled node is not run. It is recorded as skipped with NODE_DISABLED; with `pass` (it has one
 * incoming connection) the output of the node before it is recorded as its output, so whatever
 * reads it — by connection or `{{ nodes.<id>.output }}` — gets its input, as n8n does.
 */
export async function skipDisabledNode({ runId, nodeId, pass, item = -1 }: Parameters<BotActivities['skipDisabledNode']>[0], deps: Deps) {
  if (!(await deps.repos.runs.get(runId))) return; // the bot (and its runs) was deleted meanwhile
  const run = await deps.loadRun(runId);
  const node = run.graph.nodes.find((n) => n.id === nodeId);
  const source = pass ? run.graph.edges.find((e) => e.target === nodeId)?.source : undefined;
  const output = source ? ((await upstreamOutputs(deps, run, nodeId, [source], item))[source]?.output ?? null) : undefined;
  await deps.repos.nodeRuns.settle(runId, [
    { nodeId, item, type: node?.type ?? 'unknown', status: 'skipped', error: NODE_DISABLED, ...(source ? { output } : {}) },
  ]);
  if (source) deps.keepOutput(runId, outputKey(nodeId, item), output, Buffer.byteLength(JSON.stringify(output)));
  await deps.events.nodes(runId, [{ nodeId, ...(item >= 0 ? { item } : {}), status: 'skipped' }]);
}
