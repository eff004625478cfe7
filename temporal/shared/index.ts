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

/** One node as the interpreter sees it: ids, dependencies and execution settings — no params, no data. */
export interface PlanNode {
  id: string;
  type: string;
  deps: string[];
  retry: RetrySettings;
  timeoutMs: number;
  continueOnFailure: boolean;
  /** Run as a local activity (quick, pure nodes without outside I/O). */
  local: boolean;
}

export interface RunPlan {
  runId: string;
  nodes: PlanNode[];
  /** Nodes whose recorded output is reused (a resumed run). */
  reused: string[];
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
  runNode(input: RunNodeInput): Promise<{ reused: boolean }>;
  recordNodeFailure(input: { runId: string; failure: NodeFailure; continued: boolean }): Promise<void>;
  settleNodes(input: { runId: string; nodes: { nodeId: string; status: 'skipped' | 'cancelled' }[] }): Promise<void>;
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
