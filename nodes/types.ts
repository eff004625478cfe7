import type { DynamicPorts, FlowControl, NodeCategory, NodeInputs, PortDef } from '@bm/graph';
import type { ChatMessage, ImageInput, ResponseSchema } from '@bm/llm';
import type { z } from 'zod';
import type { NodeExecution } from './shared/execution';
import type { NodeDisplay } from './shared/display';

export type { DynamicPorts, FlowControl, NodeCategory, NodeInputs, PortDef };
export type { NodeExecution, RetryPolicy } from './shared/execution';
export type { NodeDisplay, NodeSummaryRule } from './shared/display';

/** What a node outputs, for the editor's expression field tree and its "insert" chips. */
export interface NodeOutputDescription<O = unknown> {
  /** One sentence, shown beside the output in the editor. */
  description: string;
  /** The output's shape; typed so that it cannot drift from what `run` returns. */
  schema: z.ZodType<O>;
  /** Where the useful part lives, as an expression path from the node (`output.items`). */
  primaryPath?: string;
  /** What a person calls that part ("items", "answer"). */
  primaryLabel?: string;
}

export type LlmPurpose = 'analyze' | 'report' | 'draft';

export interface LlmCallRequest {
  purpose: LlmPurpose;
  prompt: string;
  /** Earlier turns, before `prompt` (e.g. the model's answer and a correction). */
  messages?: ChatMessage[];
  /** Images sent with `prompt`. */
  images?: ImageInput[];
  system?: string;
  connectionId?: string;
  model?: string;
  temperature?: number;
  maxTokens?: number;
  json?: boolean;
  /** The answer must match this JSON Schema; a mismatch fails with SCHEMA_MISMATCH (billed). */
  responseSchema?: ResponseSchema;
  signal?: AbortSignal;
}

export interface LlmUsage {
  inputTokens: number;
  outputTokens: number;
  cachedTokens?: number;
}

export interface LlmCallResult {
  text: string;
  json?: unknown;
  model: string;
  usage: LlmUsage;
  latencyMs?: number;
  requestId?: string;
}

export interface EmailMessage {
  to: string[];
  subject: string;
  text: string;
  html?: string;
}

/** A person's decision a flow.approval node waits for: opened here, decided in the inbox, by a link or the API. */
export interface ApprovalRequest {
  /** What the approver reads. */
  message: string;
  /** What is approved (the approver may edit it). */
  payload: unknown;
  timeoutMs?: number;
  /** Who is told, with a signed one-time link: email addresses, and a Slack incoming-webhook URL (a secret). */
  notify: { emails: string[]; slackUrl?: string };
}

/** What a flow node asks the interpreter to do after its run (returned with `flowResult`). */
export type FlowRequest =
  | { kind: 'wait'; untilMs: number }
  | { kind: 'approval'; timeoutMs?: number }
  | { kind: 'subbot'; runId: string; wait: boolean }
  | { kind: 'loop'; count: number };

/** Everything a node may do outside itself. Built by the worker; tests build their own. */
export interface NodeContext {
  runId: string;
  botId: string;
  userId: string;
  nodeId: string;
  /** The run input. */
  input: unknown;
  /** ALWAYS the SSRF-guarded fetch (@bm/net) in production; nodes never use the global fetch. */
  fetch: typeof fetch;
  llm: { call(req: LlmCallRequest): Promise<LlmCallResult> };
  results: { save(r: { title?: string; content: string; data?: unknown }): Promise<{ id: string }> };
  /** Durable state per bot + node (e.g. RSS "new since last run"). */
  state: {
    get<T = unknown>(key: string): Promise<T | undefined>;
    set(key: string, value: unknown): Promise<void>;
  };
  email: { send(m: EmailMessage): Promise<{ messageId: string }> };
  signal?: AbortSignal;
  log?: (msg: string, data?: Record<string, unknown>) => void;
  /** The flow.loop item this node runs for (0-based); absent outside loops. */
  item?: number;
  /** flow.approval: records the pending decision and sends the links (the token never leaves the worker). */
  approvals?: { open(req: ApprovalRequest): Promise<void> };
  /** flow.subbot: creates the run of another bot of the workspace (the interpreter starts it as a child workflow). */
  subbots?: { create(req: { botId: string; input: unknown }): Promise<{ runId: string }> };
  /** flow.collect: every item's result of its loop, gathered by the worker from the items' node runs. */
  collected?: () => Promise<CollectedItems>;
}

/** What a loop's items produced, in item order. */
export interface CollectedItems {
  /** One entry per item that finished (and, with `collect errors`, `{ error }` for each that failed). */
  items: unknown[];
  failed: { index: number; code: string; message: string }[];
}

/**
 * A node type: data (id, ports, zod params from which the editor form is generated, docs) plus a
 * `run` that does all I/O through `ctx`.
 */
export interface NodeDefinition<P = any, O = unknown> {
  id: string;
  version: number;
  category: NodeCategory;
  title: string;
  description: string;
  /** Markdown shown in the editor's help panel. */
  docs: string;
  inputs: PortDef[];
  outputs: PortDef[];
  params: z.ZodType<P>;
  /** Starts a run (receives the run input). */
  trigger?: boolean;
  /** How the interpreter treats it (loop, collect, wait, approval, subbot); absent: run once. */
  control?: FlowControl;
  /** Its run returns `flowResult(output, { ports })`: only those output ports carry the output (flow.if). */
  routes?: boolean;
  /** Output ports made from a list param (flow.switch's cases), before `outputs`. */
  dynamicOutputs?: DynamicPorts;
  /** At most one node of this type per graph (validation says so): `output.respond`. */
  onePerGraph?: boolean;
  /**
   * Params where a template that is exactly one `{{ expression }}` keeps the value's type (an
   * object stays an object); in every other param templates render to text.
   */
  valueParams?: string[];
  /** Params that are not templates at all (code such as a JSONata expression, sample data). */
  literalParams?: string[];
  /** Retry, timeout and local-activity defaults (presets in shared/execution.ts). */
  execution: NodeExecution;
  /**
   * Params whose whole value is a credential (an incoming-webhook URL): masked in recorded node
   * inputs and hidden from viewers in API responses.
   */
  secretParams: string[];
  /**
   * Params naming an LLM connection. A node with any uses an LLM: validation checks the connection
   * (or the bot's default) and the worker records the call's usage.
   */
  connectionParams: string[];
  output: NodeOutputDescription<O>;
  display: NodeDisplay;
  /**
   * What a run records of the params it ran with, when they hold what must not be stored as is
   * (inline image data: kept as its type and size). Default: the params themselves.
   */
  recordParams?(params: P): unknown;
  run(params: P, inputs: NodeInputs, ctx: NodeContext): Promise<O | FlowResult<O>>;
}

const FLOW_RESULT = Symbol('flowResult');

/** A flow node's output and what the interpreter does next (the ports it takes, or a wait). */
export interface FlowResult<O> {
  [FLOW_RESULT]: true;
  output: O;
  ports?: string[];
  request?: FlowRequest;
}

export function flowResult<O>(output: O, extra: { ports?: string[]; request?: FlowRequest }): FlowResult<O> {
  return { [FLOW_RESULT]: true, output, ...extra };
}

export function isFlowResult(value: unknown): value is FlowResult<unknown> {
  return typeof value === 'object' && value !== null && FLOW_RESULT in value;
}
