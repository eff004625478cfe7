// Test helpers for node tests (not exported from the package).
import type { ExpressionScope } from '@bm/graph';
import { createGuardedFetch, createOutboundPolicy } from '@bm/net';
import { executeNode } from '../runtime';
import type { EmailMessage, LlmCallRequest, LlmCallResult, NodeContext, NodeDefinition, NodeInputs } from '../types';

/** The SSRF-guarded fetch of @bm/net, letting through only `hosts` (e.g. a fixture's 127.0.0.1:port). */
export function guardedFetch(hosts: string[]): typeof fetch {
  return createGuardedFetch(createOutboundPolicy({ allowedPrivateHosts: hosts.join(',') }));
}

export interface TestContext extends NodeContext {
  saved: { title?: string; content: string; data?: unknown }[];
  sentEmails: EmailMessage[];
  stateStore: Map<string, unknown>;
  llmCalls: LlmCallRequest[];
  logs: { msg: string; data?: Record<string, unknown> }[];
}

export interface TestContextOptions {
  /** Hosts the guarded fetch may reach (fixtures on loopback). */
  allow?: string[];
  input?: unknown;
  nodeId?: string;
  llm?: (req: LlmCallRequest) => Promise<LlmCallResult>;
  email?: (m: EmailMessage) => Promise<{ messageId: string }>;
  signal?: AbortSignal;
  state?: Map<string, unknown>;
}

export async function testContext(opts: TestContextOptions = {}): Promise<TestContext> {
  const saved: TestContext['saved'] = [];
  const sentEmails: EmailMessage[] = [];
  const stateStore = opts.state ?? new Map<string, unknown>();
  const llmCalls: LlmCallRequest[] = [];
  const logs: TestContext['logs'] = [];
  return {
    runId: 'run-1',
    botId: 'bot-1',
    userId: 'user-1',
    nodeId: opts.nodeId ?? 'node-1',
    input: opts.input,
    fetch: guardedFetch(opts.allow ?? []),
    signal: opts.signal,
    llm: {
      async call(req) {
        llmCalls.push(req);
        if (!opts.llm) throw new Error('this test has no LLM');
        return opts.llm(req);
      },
    },
    results: {
      async save(r) {
        saved.push(r);
        return { id: `result-${saved.length}` };
      },
    },
    state: {
      async get<T>(key: string) {
        // A JSON round trip, as a database would store it.
        const v = stateStore.get(key);
        return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as T);
      },
      async set(key, value) {
        stateStore.set(key, JSON.parse(JSON.stringify(value)));
      },
    },
    email: {
      async send(m) {
        sentEmails.push(m);
        return opts.email ? opts.email(m) : { messageId: `<m${sentEmails.length}@test>` };
      },
    },
    log: (msg, data) => logs.push({ msg, data }),
    saved,
    sentEmails,
    stateStore,
    llmCalls,
    logs,
  };
}

/** Inputs from upstream outputs, in connection order: inputsOf(['rss', {...}], ['llm', {...}]). */
export function inputsOf(...outputs: [string, unknown][]): NodeInputs {
  return {
    all: outputs.map(([, o]) => o),
    byNode: Object.fromEntries(outputs),
    byPort: { in: outputs.map(([, o]) => o) },
  };
}

/**
 * Runs a node as the worker does (render templates, validate, run). Upstream outputs are both
 * the node's inputs and visible to templates as nodes.<id>.output. Every output is checked
 * against the definition's output schema, so the schema the editor shows cannot drift from run().
 */
export async function runNode<O>(
  def: NodeDefinition<any, O>,
  params: Record<string, unknown>,
  ctx: NodeContext,
  upstream: [string, unknown][] = [],
  extraNodes: ExpressionScope['nodes'] = {},
): Promise<O> {
  const nodes = { ...extraNodes, ...Object.fromEntries(upstream.map(([id, output]) => [id, { output }])) };
  const { output } = await executeNode(def, params, { input: ctx.input, nodes }, ctx, inputsOf(...upstream));
  const described = def.output.schema.safeParse(output);
  if (!described.success) throw new Error(`${def.id} v${def.version} output does not match its output schema: ${described.error.message}`);
  return output;
}

/** The NodeError a promise rejects with (fails the test if it resolves). */
export async function rejection(
  p: Promise<unknown>,
): Promise<{ code: string; message: string; retryable: boolean; status?: number; retryAfterMs?: number }> {
  try {
    await p;
  } catch (err) {
    return err as { code: string; message: string; retryable: boolean };
  }
  throw new Error('expected the node to fail, but it succeeded');
}
