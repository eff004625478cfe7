// The graph interpreter. Deterministic: no I/O, no clocks, no randomness — only activities.
// Every node runs through the ONE typed `runNode` activity; independent branches run in parallel.
import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  isCancellation,
  proxyActivities,
  proxyLocalActivities,
  workflowInfo,
} from '@temporalio/workflow';
import {
  NODE_HEARTBEAT_TIMEOUT_MS,
  type BotActivities,
  type BotRunInput,
  type NodeFailure,
  type NodeOutcome,
  type PlanNode,
  type RunOutcome,
} from '../shared';

const bookkeeping = proxyActivities<BotActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 20, initialInterval: '1 second', maximumInterval: '30 seconds' },
});

function nodeActivities(node: PlanNode) {
  const retry = {
    maximumAttempts: node.retry.maximumAttempts,
    initialInterval: node.retry.initialIntervalMs,
    backoffCoefficient: node.retry.backoffCoefficient,
    maximumInterval: node.retry.maximumIntervalMs,
  };
  // Quick pure nodes (transforms) run as local activities: same runNode, same recording, but no
  // task-queue round trip through the server per node.
  if (node.local) return proxyLocalActivities<BotActivities>({ startToCloseTimeout: node.timeoutMs, retry });
  return proxyActivities<BotActivities>({ startToCloseTimeout: node.timeoutMs, heartbeatTimeout: NODE_HEARTBEAT_TIMEOUT_MS, retry });
}

function describeFailure(nodeId: string, err: unknown): NodeFailure {
  const cause = err instanceof ActivityFailure ? err.cause : err;
  if (cause instanceof ApplicationFailure) return { nodeId, code: cause.type ?? 'NODE_FAILED', message: cause.message };
  const e = cause as { message?: string; name?: string } | undefined;
  return { nodeId, code: e?.name === 'TimeoutFailure' ? 'NODE_TIMEOUT' : 'NODE_FAILED', message: e?.message ?? 'The node failed.' };
}

export async function botRunWorkflow(input: BotRunInput): Promise<RunOutcome> {
  const plan = await bookkeeping.prepareRun({ ...input, workflowId: workflowInfo().workflowId });
  const { runId } = plan;
  if (plan.error) return { runId, status: 'failed', failures: [{ nodeId: '', ...plan.error }] };
  const byId = new Map(plan.nodes.map((n) => [n.id, n]));
  const reused = new Set(plan.reused);
  const outcomes = new Map<string, Promise<NodeOutcome>>();
  const finished = new Set<string>();
  const failures: NodeFailure[] = [];
  const skipped: string[] = [];

  const execute = (id: string): Promise<NodeOutcome> => {
    let p = outcomes.get(id);
    if (!p) {
      p = executeNode(byId.get(id)!);
      outcomes.set(id, p);
    }
    return p;
  };

  async function executeNode(node: PlanNode): Promise<NodeOutcome> {
    const deps = await Promise.all(node.deps.map(execute));
    if (deps.some((d) => d !== 'succeeded')) {
      skipped.push(node.id);
      finished.add(node.id);
      return 'skipped';
    }
    if (reused.has(node.id)) {
      finished.add(node.id);
      return 'succeeded';
    }
    try {
      await nodeActivities(node).runNode({ runId, nodeId: node.id, maxAttempts: node.retry.maximumAttempts });
      finished.add(node.id);
      return 'succeeded';
    } catch (err) {
      if (isCancellation(err)) throw err;
      const failure = describeFailure(node.id, err);
      await bookkeeping.recordNodeFailure({ runId, failure, continued: node.continueOnFailure });
      finished.add(node.id);
      if (node.continueOnFailure) return 'succeeded';
      failures.push(failure);
      return 'failed';
    }
  }

  try {
    await CancellationScope.cancellable(() => Promise.all(plan.nodes.map((n) => execute(n.id))));
  } catch (err) {
    if (!isCancellation(err)) {
      // A bug, not a node failure: leave no run stuck in "running".
      await bookkeeping.finishRun({ runId, status: 'failed', error: { code: 'INTERNAL', message: String((err as Error)?.message ?? err) } });
      throw err;
    }
    await CancellationScope.nonCancellable(async () => {
      const open = plan.nodes.filter((n) => !finished.has(n.id)).map((n) => ({ nodeId: n.id, status: 'cancelled' as const }));
      await bookkeeping.settleNodes({ runId, nodes: open });
      await bookkeeping.finishRun({ runId, status: 'cancelled' });
    });
    return { runId, status: 'cancelled', failures };
  }

  if (skipped.length) await bookkeeping.settleNodes({ runId, nodes: skipped.map((nodeId) => ({ nodeId, status: 'skipped' as const })) });
  const status = failures.length ? 'failed' : 'succeeded';
  await bookkeeping.finishRun({ runId, status, error: failures[0] });
  return { runId, status, failures };
}
