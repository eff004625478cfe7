import type { NodeCategory, NodeInputs, PortDef } from '@bm/graph';
import type { z } from 'zod';

export type { NodeCategory, NodeInputs, PortDef };

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
  usesLlm?: boolean;
  /** Starts a run (receives the run input). */
  trigger?: boolean;
  /**
   * Params where a template that is exactly one `{{ expression }}` keeps the value's type (an
   * object stays an object); in every other param templates render to text.
   */
  valueParams?: string[];
  /** Params that are not templates at all (code such as a JSONata expression, sample data). */
  literalParams?: string[];
  run(params: P, inputs: NodeInputs, ctx: NodeContext): Promise<O>;
}
