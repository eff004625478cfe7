import type { NodeCategory, NodeInputs, PortDef } from '@bm/graph';
import type { z } from 'zod';
import type { NodeExecution } from './shared/execution';
import type { NodeDisplay } from './shared/display';

export type { NodeCategory, NodeInputs, PortDef };
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
  system?: string;
  connectionId?: string;
  model?: string;
  temperature?: number;
  maxTokens?: number;
  json?: boolean;
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
  run(params: P, inputs: NodeInputs, ctx: NodeContext): Promise<O>;
}
