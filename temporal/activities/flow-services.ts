import { createHash } from 'node:crypto';
import { nodeError, type CollectedItems, type NodeContext } from '@bm/nodes';
import { runWorkflowId } from '../shared';
import type { ActivityDeps } from './index';
import type { LoadedRun } from './run-cache';
import { approvalOpener } from './approvals';

/** The same parent node (and item) always makes the same child run: a retried attempt finds it instead of starting another. */
const childRunId = (parentRunId: string, nodeId: string, item: number) =>
  `run_sb${createHash('sha256').update(`${parentRunId}\u0000${nodeId}\u0000${item}`).digest('hex').slice(0, 22)}`;

/**
 * What flow nodes do through their context: open an approval, create another bot's run, gather a
 * loop's items. Built per node attempt; only ids and small values go back to the workflow.
 */
export function flowServices(
  deps: Pick<ActivityDeps, 'repos' | 'fetch' | 'email' | 'secrets' | 'log' | 'publicUrl'>,
  run: LoadedRun,
  nodeId: string,
  item: number,
): Pick<NodeContext, 'item' | 'approvals' | 'subbots' | 'collected'> {
  const { repos } = deps;
  return {
    ...(item >= 0 ? { item } : {}),
    approvals: approvalOpener(deps, run, nodeId, item),
    subbots: {
      async create({ botId, input }) {
        const id = childRunId(run.id, nodeId, item);
        if (await repos.runs.get(id)) return { runId: id };
        const bot = await repos.bots.get(botId);
        // Another workspace's bot is as unknown as a deleted one.
        const version = bot && bot.workspaceId === run.workspaceId ? await repos.bots.version(bot.id, bot.currentVersion) : null;
        if (!bot || !version) throw nodeError('SUBBOT_NOT_FOUND', 'node.SUBBOT_NOT_FOUND', {}, { retryable: false });
        await repos.runs.create({
          id,
          botId: bot.id,
          botVersionId: version.id,
          version: version.version,
          workspaceId: run.workspaceId,
          userId: run.userId,
          trigger: 'subbot',
          input,
          workflowId: runWorkflowId(id),
          parentRunId: run.id,
          parentNodeId: nodeId,
        });
        return { runId: id };
      },
    },
    collected: () => collectItems(deps, run, nodeId),
  };
}

/**
 * A collect node's output: for each item of its loop, the output of the per-item node that reached
 * it (whichever way the item went), or, for an item that failed, nothing (skip) or `{ error }`
 * (collect). A failure that was continued or routed to an error output is not the item's failure.
 */
async function collectItems(deps: Pick<ActivityDeps, 'repos'>, run: LoadedRun, collectId: string): Promise<CollectedItems> {
  const loop = [...run.loops.loops.values()].find((l) => l.collectId === collectId);
  if (!loop) return { items: [], failed: [] };
  const loopNode = run.graph.nodes.find((n) => n.id === loop.loopId)!;
  const policy = (loopNode.params as { onItemError?: string }).onItemError ?? 'stop';
  const feeders = run.graph.edges.filter((e) => e.target === collectId).map((e) => e.source);
  const loopRow = (await deps.repos.nodeRuns.outputs(run.id, [loop.loopId]))[0];
  const list = ((loopRow?.output as { items?: unknown[] } | null)?.items ?? []) as unknown[];
  const rows = await deps.repos.nodeRuns.itemRows(run.id, loop.body);
  const byItem = new Map<number, typeof rows>();
  for (const r of rows) (byItem.get(r.item) ?? byItem.set(r.item, []).get(r.item)!).push(r);
  const items: unknown[] = [];
  const failed: CollectedItems['failed'] = [];
  for (let i = 0; i < list.length; i++) {
    const at = byItem.get(i) ?? [];
    const failure = at.find((r) => r.status === 'failed' && (r.error as { continued?: boolean } | null)?.continued !== true);
    if (failure) {
      const e = (failure.error ?? {}) as { code?: string; message?: string };
      const entry = { index: i, code: e.code ?? 'NODE_FAILED', message: e.message ?? 'The item failed.' };
      failed.push(entry);
      if (policy === 'collect') items.push({ error: { code: entry.code, message: entry.message } });
      continue;
    }
    if (feeders.includes(loop.loopId)) {
      items.push(list[i]);
      continue;
    }
    const done = feeders.map((f) => at.find((r) => r.nodeId === f && r.status === 'succeeded')).find(Boolean);
    if (done) items.push(done.output);
  }
  return { items, failed };
}
