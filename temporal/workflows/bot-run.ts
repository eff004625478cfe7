// A bot's run: prepare, interpret the graph (interpret.ts), record the end. Deterministic: no I/O,
// no clocks, no randomness — only activities, timers, signals and child workflows.
import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  ChildWorkflowCancellationType,
  ParentClosePolicy,
  defineSignal,
  executeChild,
  getExternalWorkflowHandle,
  isCancellation,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import {
  APPROVAL_DECIDED_SIGNAL,
  BOT_RUN_WORKFLOW,
  LOOP_ITEMS_WORKFLOW,
  runWorkflowId,
  type ApprovalDecidedSignal,
  type BotRunInput,
  type LoopItemsInput,
  type LoopItemsResult,
  type NodeFailure,
  type PlanNode,
  type RunOutcome,
  type RunPlan,
} from '../shared';
import { bookkeeping, decisionKey, NodeFailed, newProgress, runGraph, type Outcome, type Progress } from './interpret';

export const approvalDecided = defineSignal<[ApprovalDecidedSignal]>(APPROVAL_DECIDED_SIGNAL);

export async function botRunWorkflow(input: BotRunInput): Promise<RunOutcome> {
  const workflowId = workflowInfo().workflowId;
  const progress = newProgress();
  let plan: RunPlan | undefined;
  let runId = input.runId ?? '';
  // Approvals decided so far (the decision is in the database; the signal only says "look").
  const decisions = new Set<string>();
  // The loop batches running now: an approval inside a loop item waits in its batch's workflow.
  const batches: { loopBody: Set<string>; from: number; to: number; workflowId: string }[] = [];
  setHandler(approvalDecided, ({ nodeId, item }) => {
    if (item === undefined || item < 0) return void decisions.add(decisionKey(nodeId));
    const batch = batches.find((b) => b.loopBody.has(nodeId) && item >= b.from && item < b.to);
    if (batch)
      void getExternalWorkflowHandle(batch.workflowId)
        .signal(approvalDecided, { nodeId, item })
        .catch(() => undefined);
  });

  const runLoop = async (node: PlanNode, count: number, deps: Map<string, Outcome>) => {
    const loop = node.loop!;
    const known: LoopItemsInput['known'] = { [node.id]: { status: 'succeeded' } };
    for (const [id, o] of deps) known[id] = o;
    const loopBody = new Set(loop.body.map((n) => n.id));
    // Batches one after another, each a child workflow running `concurrency` items at a time: a
    // run's own history grows by a few events per batch, however long the list.
    for (let from = 0; from < count; from += loop.batchSize) {
      const to = Math.min(count, from + loop.batchSize);
      const batch = { loopBody, from, to, workflowId: `${workflowId}-loop-${node.id}-${from}` };
      batches.push(batch);
      let res: LoopItemsResult;
      try {
        res = await executeChild<(i: LoopItemsInput) => Promise<LoopItemsResult>>(LOOP_ITEMS_WORKFLOW, {
          workflowId: batch.workflowId,
          args: [
            { runId, loopId: node.id, from, to, body: loop.body, concurrency: loop.concurrency, onItemError: loop.onItemError, known },
          ],
          cancellationType: ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED,
          parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
        });
      } finally {
        batches.splice(batches.indexOf(batch), 1);
      }
      if (res.stopped) {
        const { item, failure } = res.stopped;
        throw new NodeFailed({
          nodeId: node.id,
          code: 'LOOP_ITEM_FAILED',
          message: `Item ${item + 1} failed: ${failure.message}`,
          key: 'run.loopItemFailed',
          params: { item: item + 1, detail: failure.message },
        });
      }
    }
  };

  try {
    // Quick and never cancelled half-way: a cancel that arrives now takes effect right after it.
    plan = await CancellationScope.nonCancellable(() => bookkeeping().prepareRun({ ...input, workflowId }));
    runId = plan.runId;
    if (plan.error) return { runId, status: 'failed', failures: [{ nodeId: '', ...plan.error }] };
    const p = plan;
    await CancellationScope.cancellable(() =>
      runGraph(p.nodes, {
        runId,
        reused: new Set(p.reused),
        reusedPorts: p.reusedPorts ?? {},
        known: {},
        progress,
        decided: (nodeId) => decisions.has(decisionKey(nodeId)),
        runLoop,
      }),
    );
  } catch (err) {
    // Whatever happens, the run row ends in a final state; bookkeeping itself is never cancelled.
    if (isCancellation(err)) {
      await CancellationScope.nonCancellable(async () => {
        if (plan) {
          const open = plan.nodes.filter((n) => !progress.finished.has(n.id)).map((n) => ({ nodeId: n.id, status: 'cancelled' as const }));
          const nodes = [...skippedNodes(progress), ...open];
          if (nodes.length) await bookkeeping().settleNodes({ runId, nodes });
        }
        await bookkeeping().finishRun({ runId, workflowId, status: 'cancelled' });
      });
      return { runId, status: 'cancelled', failures: progress.failures };
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

  const status = progress.failures.length ? 'failed' : 'succeeded';
  await CancellationScope.nonCancellable(async () => {
    if (progress.skipped.length) await bookkeeping().settleNodes({ runId, nodes: skippedNodes(progress) });
    await bookkeeping().finishRun({ runId, workflowId, status, error: progress.failures[0] });
    if (status === 'failed') await onFailure(runId);
  });
  return { runId, status, failures: progress.failures };
}

const skippedNodes = (progress: Progress) => progress.skipped.map(({ nodeId, reason }) => ({ nodeId, status: 'skipped' as const, reason }));

/** The bot's "on failure" setting: notices, and another bot's run with the failed run's details (it goes on by itself). */
async function onFailure(runId: string) {
  const { onFailureRunId } = await bookkeeping().runFailed({ runId });
  if (!onFailureRunId) return;
  await startChild<(i: BotRunInput) => Promise<RunOutcome>>(BOT_RUN_WORKFLOW, {
    workflowId: runWorkflowId(onFailureRunId),
    args: [{ runId: onFailureRunId }],
    cancellationType: ChildWorkflowCancellationType.ABANDON,
    parentClosePolicy: ParentClosePolicy.ABANDON,
  });
}

/** One batch of a loop's items: `concurrency` at a time, each item's nodes recorded under its index. */
export async function loopItemsWorkflow(input: LoopItemsInput): Promise<LoopItemsResult> {
  const { runId, from, to, concurrency, onItemError } = input;
  const decisions = new Set<string>();
  setHandler(approvalDecided, ({ nodeId, item }) => void decisions.add(decisionKey(nodeId, item)));
  const failed: number[] = [];
  let stopped: LoopItemsResult['stopped'];
  let next = from;

  async function runItem(item: number): Promise<NodeFailure | undefined> {
    const progress = newProgress();
    try {
      await runGraph(input.body, {
        runId,
        item,
        reused: new Set(),
        reusedPorts: {},
        known: input.known,
        progress,
        decided: (nodeId, at) => decisions.has(decisionKey(nodeId, at)),
      });
    } catch (err) {
      if (!isCancellation(err)) throw err;
      await CancellationScope.nonCancellable(async () => {
        const open = input.body.filter((n) => !progress.finished.has(n.id)).map((n) => ({ nodeId: n.id, status: 'cancelled' as const }));
        const nodes = [...skippedNodes(progress), ...open];
        if (nodes.length) await bookkeeping().settleNodes({ runId, item, nodes });
      });
      throw err;
    }
    if (progress.skipped.length) await bookkeeping().settleNodes({ runId, item, nodes: skippedNodes(progress) });
    return progress.failures[0];
  }

  // `concurrency` lanes take the next item until none is left. With "stop", the first failure
  // starts no further item; the items already running finish (what they cost is spent already).
  async function lane() {
    while (next < to && !stopped) {
      const item = next++;
      const failure = await runItem(item);
      if (!failure) continue;
      failed.push(item);
      if (onItemError === 'stop') stopped ??= { item, failure };
    }
  }

  const lanes = Array.from({ length: Math.max(1, Math.min(concurrency, to - from)) }, () => lane());
  const results = await Promise.allSettled(lanes);
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
  return { failed: failed.sort((a, b) => a - b), ...(stopped ? { stopped } : {}) };
}
