// The graph interpreter shared by a run's workflow and its loop batches. Deterministic: no I/O,
// no clocks but the workflow's, no randomness — only activities, timers, signals and child workflows.
import {
  ActivityCancellationType,
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  CancelledFailure,
  ChildWorkflowCancellationType,
  ParentClosePolicy,
  condition,
  executeChild,
  isCancellation,
  patched,
  proxyActivities,
  proxyLocalActivities,
  sleep,
  startChild,
  TimeoutFailure,
} from '@temporalio/workflow';
import { TimeoutType } from '@temporalio/common';
import {
  BOT_RUN_WORKFLOW,
  NODE_HEARTBEAT_TIMEOUT_MS,
  runWorkflowId,
  type BotActivities,
  type BotRunInput,
  type CompleteNodeInput,
  type NodeFailure,
  type PlanEdge,
  type PlanNode,
  type RunOutcome,
} from '../shared';

const ERROR_PORT = 'error';

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
export const bookkeeping = () => (patched('local-bookkeeping') ? localBookkeeping : regularBookkeeping);

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

/** A failure the interpreter itself decided (a loop item, a sub-bot's run): recorded like a node's own. */
export class NodeFailed extends Error {
  constructor(readonly failure: NodeFailure) {
    super(failure.message);
  }
}

/** How a node ended, as the nodes after it see it. */
export interface Outcome {
  status: 'succeeded' | 'failed' | 'skipped';
  /** The output ports it took; absent: all of them (not `error`). */
  ports?: string[];
  /** Failed into its error output: only `error` carries. */
  routed?: boolean;
  /** Skipped because something before it failed: whatever follows is skipped for the same reason. */
  upstreamFailed?: boolean;
}

const SUCCEEDED: Outcome = { status: 'succeeded' };

/** Does this outcome send something out of `port`? */
function carries(o: Outcome, port: string): boolean {
  if (o.status === 'failed') return o.routed === true && port === ERROR_PORT;
  if (o.status !== 'succeeded' || port === ERROR_PORT) return false;
  return !o.ports || o.ports.includes(port);
}

export interface Progress {
  failures: NodeFailure[];
  skipped: { nodeId: string; reason: 'upstream' | 'branch' }[];
  finished: Set<string>;
}

export const newProgress = (): Progress => ({ failures: [], skipped: [], finished: new Set() });

export interface Scope {
  runId: string;
  /** The loop item these nodes run for (absent outside loops). */
  item?: number;
  reused: Set<string>;
  reusedPorts: Record<string, string[]>;
  /** Outcomes decided before these nodes run (the loop node and outside inputs, for a loop's body). */
  known: Record<string, Outcome>;
  progress: Progress;
  /** Has the flow.approval node (at this item) been decided? Set by the approval signal. */
  decided(nodeId: string, item?: number): boolean;
  /** Runs a loop's items (top level only). */
  runLoop?(node: PlanNode, count: number, deps: Map<string, Outcome>): Promise<void>;
}

export const decisionKey = (nodeId: string, item?: number) => `${nodeId}\u0000${item ?? -1}`;

/**
 * Runs every node as soon as its inputs are done; independent branches run in parallel. The join
 * rule: a node runs once each of its inputs has finished or been skipped and at least one sends it
 * something (a branch node sends only out of the ports it took); when none does, it is skipped. When
 * a node before it failed (and did not route the failure), it is skipped as before.
 */
export async function runGraph(nodes: PlanNode[], scope: Scope): Promise<void> {
  const { progress } = scope;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const outcomes = new Map<string, Promise<Outcome>>();

  const execute = (id: string): Promise<Outcome> => {
    const known = scope.known[id];
    if (known) return Promise.resolve(known);
    const node = byId.get(id);
    if (!node) return Promise.resolve(SUCCEEDED); // outside this plan (a debug run's reused part)
    let p = outcomes.get(id);
    if (!p) {
      p = executeNode(node);
      outcomes.set(id, p);
    }
    return p;
  };

  const skip = (node: PlanNode, reason: 'upstream' | 'branch'): Outcome => {
    progress.skipped.push({ nodeId: node.id, reason });
    progress.finished.add(node.id);
    return { status: 'skipped', ...(reason === 'upstream' ? { upstreamFailed: true } : {}) };
  };

  async function executeNode(node: PlanNode): Promise<Outcome> {
    const deps = new Map<string, Outcome>();
    const settled = await Promise.all(node.deps.map(execute));
    node.deps.forEach((d, i) => deps.set(d, settled[i]!));
    if (settled.some((d) => (d.status === 'failed' && !d.routed) || d.upstreamFailed)) return skip(node, 'upstream');
    // Plans made before control flow have no edges: every dependency succeeded means run.
    const edges: PlanEdge[] | undefined = node.edges;
    if (!edges && settled.some((d) => d.status !== 'succeeded')) return skip(node, 'upstream');
    if (edges?.length && !edges.some((e) => carries(deps.get(e.from) ?? SUCCEEDED, e.port))) return skip(node, 'branch');
    if (scope.reused.has(node.id)) {
      progress.finished.add(node.id);
      return { status: 'succeeded', ports: scope.reusedPorts[node.id] };
    }
    if (node.disabled) {
      // Not run: recorded as skipped (NODE_DISABLED). With one input it passes that input on and
      // counts as succeeded for the nodes after it; otherwise they see it skipped (the join rule).
      const pass = node.disabled === 'pass';
      await bookkeeping().skipDisabledNode({
        runId: scope.runId,
        nodeId: node.id,
        pass,
        ...(scope.item !== undefined ? { item: scope.item } : {}),
      });
      progress.finished.add(node.id);
      return pass ? SUCCEEDED : { status: 'skipped' };
    }
    try {
      const ports = await perform(node, scope, deps);
      progress.finished.add(node.id);
      return { status: 'succeeded', ...(ports ? { ports } : {}) };
    } catch (err) {
      // Whatever a node reports once the run is being cancelled, the run ends as cancelled.
      if (isCancellation(err)) throw err;
      if (CancellationScope.current().consideredCancelled) throw new CancelledFailure('The run was cancelled.');
      const failure = err instanceof NodeFailed ? err.failure : describeFailure(node, err);
      const routed = node.errorOutput === true;
      // Recorded even if a cancel arrives meanwhile: the failure happened.
      await CancellationScope.nonCancellable(() =>
        bookkeeping().recordNodeFailure({
          runId: scope.runId,
          failure,
          continued: node.continueOnFailure || routed,
          ...(scope.item !== undefined ? { item: scope.item } : {}),
          ...(routed ? { routed } : {}),
        }),
      );
      progress.finished.add(node.id);
      if (routed) return { status: 'failed', routed: true };
      if (node.continueOnFailure) return SUCCEEDED;
      progress.failures.push(failure);
      return { status: 'failed' };
    }
  }

  const all = nodes.map((n) => execute(n.id));
  try {
    await Promise.all(all);
  } catch (err) {
    // Promise.all rejects at the first cancelled branch: wait until every branch has stopped, so
    // nothing a node does lands after the run is recorded as cancelled.
    await Promise.allSettled(all);
    throw err;
  }
}

/** Runs the node's activity, then what a flow node asked for (a timer, a decision, a child run, the items); returns the ports it took. */
async function perform(node: PlanNode, scope: Scope, deps: Map<string, Outcome>): Promise<string[] | undefined> {
  const { runId, item } = scope;
  const res = await nodeActivities(node).runNode({
    runId,
    nodeId: node.id,
    maxAttempts: node.retry.maximumAttempts,
    maxRetryDelayMs: node.retry.maximumIntervalMs,
    initialRetryDelayMs: node.retry.initialIntervalMs,
    backoffCoefficient: node.retry.backoffCoefficient,
    ...(item !== undefined ? { item } : {}),
  });
  const req = res.request;
  if (!req) return res.ports;
  const done: CompleteNodeInput = { runId, nodeId: node.id, kind: req.kind, ...(item !== undefined ? { item } : {}) };
  switch (req.kind) {
    case 'wait':
      // A durable timer: it survives restarts of the worker and the server; a cancel ends it.
      await sleep(Math.max(0, req.untilMs - Date.now()));
      break;
    case 'approval': {
      const decided = () => scope.decided(node.id, item);
      if (req.timeoutMs === undefined) await condition(decided);
      else done.timedOut = !(await condition(decided, req.timeoutMs));
      break;
    }
    case 'subbot': {
      const options = { workflowId: runWorkflowId(req.runId), args: [{ runId: req.runId }] as [BotRunInput] };
      if (!req.wait) {
        // Fire and forget: it goes on by itself, whatever happens to this run.
        await startChild<(i: BotRunInput) => Promise<RunOutcome>>(BOT_RUN_WORKFLOW, {
          ...options,
          cancellationType: ChildWorkflowCancellationType.ABANDON,
          parentClosePolicy: ParentClosePolicy.ABANDON,
        });
        break;
      }
      try {
        const outcome = await executeChild<(i: BotRunInput) => Promise<RunOutcome>>(BOT_RUN_WORKFLOW, {
          ...options,
          // Cancelling this run cancels the other one, and waits until it recorded that.
          cancellationType: ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED,
          parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
        });
        done.child = { runId: req.runId, status: outcome.status };
      } catch (err) {
        if (isCancellation(err) || CancellationScope.current().consideredCancelled) throw err;
        done.child = { runId: req.runId, status: 'failed' };
      }
      break;
    }
    case 'loop':
      if (!scope.runLoop) throw new Error('A loop inside a loop cannot run (validation refuses it).');
      await scope.runLoop(node, req.count, deps);
      break;
  }
  const completed = await CancellationScope.nonCancellable(() => bookkeeping().completeNode(done));
  if (completed.failure) throw new NodeFailed(completed.failure);
  return completed.ports;
}
