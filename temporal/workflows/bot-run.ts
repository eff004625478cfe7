// The graph interpreter. Deterministic: no I/O, no clocks, no randomness — only activities.
// Every node runs through the ONE typed `runNode` activity; independent branches run in parallel.
import {
  ActivityCancellationType,
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  isCancellation,
  patched,
  proxyActivities,
  proxyLocalActivities,
  TimeoutFailure,
  workflowInfo,
} from '@temporalio/workflow';
import { TimeoutType } from '@temporalio/common';
import {
  NODE_HEARTBEAT_TIMEOUT_MS,
  type BotActivities,
  type BotRunInput,
  type NodeFailure,
  type NodeOutcome,
  type PlanNode,
  type RunOutcome,
  type RunPlan,
} from '../shared';

const bookkeepingOptions = {
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 20, initialInterval: '1 second', maximumInterval: '30 seconds' },
} as const;
const regularBookkeeping = proxyActivities<BotActivities>(bookkeepingOptions);
const localBookkeeping = proxyLocalActivities<BotActivities>(bookkeepingOptions);

/**
 * Recording a run's own state (prepare, failures, finish) runs as local activities: idempotent
 * database writes that spend nothing and deliver nowhere, so re-running one after a lost workflow
 * task is harmless — and each saves a round trip through the server.
 * (patched: runs started before this change replay with regular activities.)
 */
const bookkeeping = () => (patched('local-bookkeeping') ? localBookkeeping : regularBookkeeping);

function nodeActivities(node: PlanNode) {
  // Wait for a cancelled node to stop before the run is marked cancelled: nothing it does may land after.
  const cancellationType = ActivityCancellationType.WAIT_CANCELLATION_COMPLETED;
  const retry = {
    maximumAttempts: node.retry.maximumAttempts,
    initialInterval: node.retry.initialIntervalMs,
    backoffCoefficient: node.retry.backoffCoefficient,
    maximumInterval: node.retry.maximumIntervalMs,
  };
  // Quick pure nodes (transforms) run as local activities: same runNode, same recording, but no
  // task-queue round trip through the server per node.
  // (patched: runs started before this change replay with regular activities.)
  if (node.local && patched('local-transform-nodes')) {
    return proxyLocalActivities<BotActivities>({ startToCloseTimeout: node.timeoutMs, retry, cancellationType });
  }
  return proxyActivities<BotActivities>({
    startToCloseTimeout: node.timeoutMs,
    heartbeatTimeout: NODE_HEARTBEAT_TIMEOUT_MS,
    retry,
    cancellationType,
  });
}

/** A node's final failure as the user reads it: the node's own error, or what Temporal saw. */
function describeFailure(node: PlanNode, err: unknown): NodeFailure {
  const nodeId = node.id;
  const cause = err instanceof ActivityFailure ? err.cause : err;
  if (cause instanceof ApplicationFailure) {
    const localized = cause.details?.[0] as { key?: unknown; params?: NodeFailure['params'] } | undefined;
    return {
      nodeId,
      code: cause.type ?? 'NODE_FAILED',
      message: cause.message,
      ...(typeof localized?.key === 'string' ? { key: localized.key, params: localized.params ?? {} } : {}),
    };
  }
  if (cause instanceof TimeoutFailure) {
    if (cause.timeoutType === TimeoutType.HEARTBEAT) {
      return {
        nodeId,
        code: 'WORKER_LOST',
        message: 'The worker running this node stopped responding, and the retries ran out. Run the bot again.',
        key: 'run.workerLost',
      };
    }
    const seconds = +(node.timeoutMs / 1000).toFixed(1);
    return {
      nodeId,
      code: 'NODE_TIMEOUT',
      message: `The node did not finish within its timeout (${seconds} s). Raise the timeout in the node's settings, or check the service it calls.`,
      key: 'run.nodeTimeout',
      params: { seconds },
    };
  }
  const message = (cause as Error | undefined)?.message;
  return { nodeId, code: 'NODE_FAILED', message: message ?? 'The node failed.', ...(message ? {} : { key: 'run.nodeFailed' }) };
}

export async function botRunWorkflow(input: BotRunInput): Promise<RunOutcome> {
  const workflowId = workflowInfo().workflowId;
  const failures: NodeFailure[] = [];
  const skipped: string[] = [];
  const finished = new Set<string>();
  let plan: RunPlan | undefined;
  let runId = input.runId ?? '';

  try {
    // Quick and never cancelled half-way: a cancel that arrives now takes effect right after it.
    plan = await CancellationScope.nonCancellable(() => bookkeeping().prepareRun({ ...input, workflowId }));
    runId = plan.runId;
    if (plan.error) return { runId, status: 'failed', failures: [{ nodeId: '', ...plan.error }] };
    const p = plan;
    await CancellationScope.cancellable(() => interpret(p, { failures, skipped, finished }));
  } catch (err) {
    // Whatever happens, the run row ends in a final state; bookkeeping itself is never cancelled.
    if (isCancellation(err)) {
      await CancellationScope.nonCancellable(async () => {
        if (plan) {
          const open = plan.nodes.filter((n) => !finished.has(n.id)).map((n) => ({ nodeId: n.id, status: 'cancelled' as const }));
          const nodes = [...skipped.map((nodeId) => ({ nodeId, status: 'skipped' as const })), ...open];
          if (nodes.length) await bookkeeping().settleNodes({ runId, nodes });
        }
        await bookkeeping().finishRun({ runId, workflowId, status: 'cancelled' });
      });
      return { runId, status: 'cancelled', failures };
    }
    // Not a node failure (bookkeeping gave up, a bug): record what failed — the activity's own code
    // and message, not Temporal's "Activity task failed" — and fail the workflow (not the task,
    // which would replay forever).
    const cause = err instanceof ActivityFailure && err.cause ? err.cause : err;
    const code = cause instanceof ApplicationFailure && cause.type ? cause.type : 'INTERNAL';
    const message = String((cause as Error)?.message ?? cause);
    await CancellationScope.nonCancellable(() =>
      bookkeeping().finishRun({ runId, workflowId, status: 'failed', error: { code, message } }),
    );
    throw ApplicationFailure.nonRetryable(message, code);
  }

  const status = failures.length ? 'failed' : 'succeeded';
  await CancellationScope.nonCancellable(async () => {
    if (skipped.length)
      await bookkeeping().settleNodes({ runId, nodes: skipped.map((nodeId) => ({ nodeId, status: 'skipped' as const })) });
    await bookkeeping().finishRun({ runId, workflowId, status, error: failures[0] });
  });
  return { runId, status, failures };
}

interface Progress {
  failures: NodeFailure[];
  skipped: string[];
  finished: Set<string>;
}

/** Runs every node as soon as its dependencies are done; independent branches run in parallel. */
async function interpret(plan: RunPlan, progress: Progress): Promise<void> {
  const { runId } = plan;
  const byId = new Map(plan.nodes.map((n) => [n.id, n]));
  const reused = new Set(plan.reused);
  const outcomes = new Map<string, Promise<NodeOutcome>>();

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
      progress.skipped.push(node.id);
      progress.finished.add(node.id);
      return 'skipped';
    }
    if (reused.has(node.id)) {
      progress.finished.add(node.id);
      return 'succeeded';
    }
    try {
      await nodeActivities(node).runNode({
        runId,
        nodeId: node.id,
        maxAttempts: node.retry.maximumAttempts,
        maxRetryDelayMs: node.retry.maximumIntervalMs,
        initialRetryDelayMs: node.retry.initialIntervalMs,
        backoffCoefficient: node.retry.backoffCoefficient,
      });
      progress.finished.add(node.id);
      return 'succeeded';
    } catch (err) {
      // Whatever a node reports once the run is being cancelled, the run ends as cancelled.
      if (isCancellation(err) || CancellationScope.current().consideredCancelled) throw err;
      const failure = describeFailure(node, err);
      // Recorded even if a cancel arrives meanwhile: the failure happened.
      await CancellationScope.nonCancellable(() => bookkeeping().recordNodeFailure({ runId, failure, continued: node.continueOnFailure }));
      progress.finished.add(node.id);
      if (node.continueOnFailure) return 'succeeded';
      progress.failures.push(failure);
      return 'failed';
    }
  }

  const all = plan.nodes.map((n) => execute(n.id));
  try {
    await Promise.all(all);
  } catch (err) {
    // Promise.all rejects at the first cancelled branch: wait until every branch has stopped, so
    // nothing a node does lands after the run is recorded as cancelled.
    await Promise.allSettled(all);
    throw err;
  }
}
