// PURE: names and types shared by the workflow, the activities, the worker and the API. No imports:
// the API loads this without activity code, and the workflow sandbox bundles it.
// Task queues and id formats live here only — never repeated as literals elsewhere.

export const TASK_QUEUE = 'bot-manager';
export const BOT_RUN_WORKFLOW = 'botRunWorkflow';

export const LOOP_ITEMS_WORKFLOW = 'loopItemsWorkflow';

export const runWorkflowId = (runId: string) => `run-${runId}`;

/**
 * Tells a run's workflow that a flow.approval was decided (the decision itself is already in the
 * Approval row, which the workflow reads: no payload travels through Temporal). Sent by the API
 * after it recorded the decision.
 */
export const APPROVAL_DECIDED_SIGNAL = 'approvalDecided';
export interface ApprovalDecidedSignal {
  nodeId: string;
  /** The loop item (-1 or absent outside loops). */
  item?: number;
}
export const scheduleWorkflowId = (scheduleId: string) => `schedule-${scheduleId}`;

export interface RetrySettings {
  maximumAttempts: number;
  initialIntervalMs: number;
  backoffCoefficient: number;
  maximumIntervalMs: number;
}

/** How the interpreter treats a node beyond "run it once" (the node definition's `control`). */
export type FlowControl = 'loop' | 'collect' | 'wait' | 'approval' | 'subbot';

/** An incoming connection: the source node and the output port it leaves (resolved: never empty). */
export interface PlanEdge {
  from: string;
  port: string;
}

/** A flow.loop's body and how its items run. */
export interface LoopPlan {
  /** The per-item nodes, in topological order. */
  body: PlanNode[];
  concurrency: number;
  onItemError: 'stop' | 'skip' | 'collect';
  /** Items per child workflow: keeps each child's history small whatever the list's length. */
  batchSize: number;
}

/** One node as the interpreter sees it: ids, dependencies and execution settings — no params, no data. */
export interface PlanNode {
  id: string;
  type: string;
  /** Nodes that must have finished (or been skipped) first. */
  deps: string[];
  /** Its incoming connections, for the join rule (absent in plans made before control flow: every dep, its default port). */
  edges?: PlanEdge[];
  retry: RetrySettings;
  timeoutMs: number;
  continueOnFailure: boolean;
  /** A final failure leaves through its `error` output instead of failing the run. */
  errorOutput?: boolean;
  /** Run as a local activity (quick, pure nodes without outside I/O). */
  local: boolean;
  control?: FlowControl;
  loop?: LoopPlan;
  /**
   * The node is disabled: it does not run. `pass` (one incoming connection): its input goes on as
   * its output, as if it had produced it; `skip` (no input, or several): it is skipped, and the
   * nodes after it follow the join rule. Absent in plans made before disabled nodes existed.
   */
  disabled?: 'pass' | 'skip';
}

export interface RunPlan {
  runId: string;
  nodes: PlanNode[];
  /** Nodes whose recorded output is reused (a resumed run). */
  reused: string[];
  /** The ports reused branching nodes took (by node id). */
  reusedPorts?: Record<string, string[]>;
  /** Set when the run cannot start (e.g. the graph no longer validates); prepareRun has recorded it. */
  error?: { code: string; message: string; key?: string; params?: Record<string, string | number> };
}

/** Either an existing run row (manual, API, webhook, resume) or a schedule firing (the row is created by prepareRun). */
export interface BotRunInput {
  runId?: string;
  scheduleId?: string;
}

export interface RunNodeInput {
  runId: string;
  nodeId: string;
  maxAttempts: number;
  /** A provider's Retry-After is honoured up to this (the node's maximum retry interval). */
  maxRetryDelayMs?: number;
  /** The node's own backoff (first interval, growth): the floor under a Retry-After of 0 or in the past. */
  initialRetryDelayMs?: number;
  backoffCoefficient?: number;
  /** The flow.loop item this run of the node is for (absent outside loops). */
  item?: number;
}

/** What a flow node asks the interpreter to do once its activity recorded its part. */
export type NodeRequest =
  | { kind: 'wait'; untilMs: number }
  | { kind: 'approval'; timeoutMs?: number }
  | { kind: 'subbot'; runId: string; wait: boolean }
  | { kind: 'loop'; count: number };

export interface RunNodeResult {
  reused: boolean;
  /** The output ports it took (a branching node); absent: all of them. */
  ports?: string[];
  request?: NodeRequest;
}

/** Completes a flow node after its wait: the timer fired, a person decided (or the timeout passed), the other bot's run ended, every item ran. */
export interface CompleteNodeInput {
  runId: string;
  nodeId: string;
  item?: number;
  kind: NodeRequest['kind'];
  /** flow.approval: the timeout passed without a decision (a decision that landed first still wins). */
  timedOut?: boolean;
  /** flow.subbot with wait: how the other bot's run ended. */
  child?: { runId: string; status: RunOutcome['status'] };
}

/** One batch of a loop's items, run by a child workflow. */
export interface LoopItemsInput {
  runId: string;
  loopId: string;
  from: number;
  to: number;
  body: PlanNode[];
  concurrency: number;
  onItemError: LoopPlan['onItemError'];
  /** How the loop's node and the outside nodes the body reads from ended (they all finished before the loop started). */
  known: Record<string, { status: 'succeeded' | 'failed' | 'skipped'; ports?: string[]; routed?: boolean }>;
}

export interface LoopItemsResult {
  failed: number[];
  /** With onItemError "stop": the first item that failed, and why. */
  stopped?: { item: number; failure: NodeFailure };
}

export interface NodeFailure {
  nodeId: string;
  code: string;
  /** English, for logs and API clients. */
  message: string;
  /** The message in the errors catalogue (`errors:<key>`), so people read it in their language. */
  key?: string;
  params?: Record<string, string | number>;
}

export type NodeOutcome = 'succeeded' | 'failed' | 'skipped';

export interface RunOutcome {
  runId: string;
  status: 'succeeded' | 'failed' | 'cancelled';
  failures: NodeFailure[];
}

/** The activities the interpreter calls. Implemented in temporal/activities; only ids and small values cross. */
export interface BotActivities {
  prepareRun(input: BotRunInput & { workflowId: string }): Promise<RunPlan>;
  runNode(input: RunNodeInput): Promise<RunNodeResult>;
  /** `routed`: it goes out of the node's error output (its output is the error). */
  recordNodeFailure(input: { runId: string; failure: NodeFailure; continued: boolean; item?: number; routed?: boolean }): Promise<void>;
  /** `reason` of a skip: an upstream node failed, or the way the node is on was not taken. */
  settleNodes(input: {
    runId: string;
    item?: number;
    nodes: { nodeId: string; status: 'skipped' | 'cancelled'; reason?: 'upstream' | 'branch' }[];
  }): Promise<void>;
  completeNode(input: CompleteNodeInput): Promise<{ ports?: string[]; failure?: NodeFailure }>;
  /** Records a disabled node as skipped (NODE_DISABLED); with `pass`, its one input's output becomes its output. */
  skipDisabledNode(input: { runId: string; nodeId: string; pass: boolean; item?: number }): Promise<void>;
  /** After a run failed: its bot's on-failure notices, and the on-failure bot's run to start (its id). */
  runFailed(input: { runId: string }): Promise<{ onFailureRunId?: string }>;
  /** By run id, or by workflow id when a scheduled run was cancelled before its row existed. Never overwrites a final state. */
  finishRun(input: {
    runId: string;
    workflowId: string;
    status: RunOutcome['status'];
    error?: NodeFailure | { code: string; message: string; key?: string; params?: Record<string, string | number> };
  }): Promise<void>;
}

/** A worker that dies mid-node is noticed after this long and the node is retried elsewhere. */
export const NODE_HEARTBEAT_TIMEOUT_MS = 10_000;
