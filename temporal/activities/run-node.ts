import { CancelledFailure, Context } from '@temporalio/activity';
import { collectNodeInputs, nodesReadBy, type Graph } from '@bm/graph';
import { executeNode, getNodeDefinition, type NodeContext } from '@bm/nodes';
import { describeUnstorable, makeStorable } from '@bm/db/storable';
import { censorSensitiveFields, maskSecretText, maskSecretValues, redactText, type SecretValues } from '@bm/secrets';
import { isLlmError, type LlmResult } from '@bm/llm';
import type { RunNodeInput, RunNodeResult } from '../shared';
import type { ActivityDeps } from './index';
import { outputKey, type LoadedRun } from './run-cache';
import { flowServices } from './flow-services';
import { retryDelayAfter, toApplicationFailure, toFailureInfo } from './failure';
import { loadNodeSecrets } from './node-secrets';
import { budgetGuard } from './budget-guard';
import { budgetNotices } from './budget-notices';
import type { RunEventRecorder } from './run-events';

const noEmail: NodeContext['email'] = {
  async send() {
    throw Object.assign(new Error('Email is not configured on this server. An administrator sets BOT_MANAGER_SMTP_URL.'), {
      code: 'EMAIL_NOT_CONFIGURED',
      retryable: false,
    });
  },
};

/** Recorded inputs are shown to every workspace member: mask secrets inside strings too (URLs with ?key=, bearer tokens). */
function redactStrings(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactStrings(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactStrings(v, depth + 1)]));
}

/**
 * The params as recorded: a secret param (e.g. an incoming-webhook URL, itself the credential)
 * keeps only its origin, so people still see where the node delivered; everything else is redacted.
 */
function recordedInput(params: unknown, secretParams: readonly string[]): unknown {
  const redacted = redactStrings(censorSensitiveFields(params));
  if (!redacted || typeof redacted !== 'object' || Array.isArray(redacted)) return redacted;
  const out = { ...(redacted as Record<string, unknown>) };
  for (const key of secretParams) {
    const v = (params as Record<string, unknown>)[key];
    if (v === undefined) continue;
    const origin = typeof v === 'string' ? /^https?:\/\/[^/?#]+/i.exec(v)?.[0] : undefined;
    out[key] = origin ? `${origin}/[redacted]` : '[redacted]';
  }
  return out;
}

type RunNodeDeps = ActivityDeps & {
  loadRun(runId: string): Promise<LoadedRun>;
  maxOutputBytes: number;
  record: RunEventRecorder;
  /** Called with each output once recorded (by `outputKey`), so the run's later nodes can read it from memory. */
  keepOutput(runId: string, key: string, output: unknown, bytes: number): void;
};

/**
 * Upstream outputs from memory where this process recorded them, the rest from the database. Inside
 * a loop item, the loop node's output is the item itself, and the other per-item nodes' outputs are
 * this item's; nodes outside the loop are read as they are.
 */
export async function upstreamOutputs(deps: Pick<RunNodeDeps, 'repos'>, run: LoadedRun, nodeId: string, nodeIds: string[], item: number) {
  const outputs: Record<string, { output: unknown }> = {};
  const byItem = new Map<number, string[]>();
  // The loop this node runs in (per item): its loop node and other body nodes are read at this item.
  const loopId = item >= 0 ? run.loops.loopOf.get(nodeId) : undefined;
  const itemOf = (id: string) => (item >= 0 && run.loops.loopOf.get(id) === loopId ? item : -1);
  for (const id of nodeIds) {
    const at = itemOf(id);
    const key = outputKey(id, at);
    if (run.outputs.has(key)) outputs[id] = { output: run.outputs.get(key) };
    else (byItem.get(at) ?? byItem.set(at, []).get(at)!).push(id);
  }
  for (const [at, ids] of byItem)
    for (const r of await deps.repos.nodeRuns.outputs(run.id, ids, at)) outputs[r.nodeId] = { output: r.output };
  if (loopId && outputs[loopId])
    outputs[loopId] = { output: (outputs[loopId].output as { items?: unknown[] } | null)?.items?.[item] ?? null };
  return outputs;
}

/**
 * The one activity every node runs through: loads its inputs from the database, renders and
 * validates its params, runs it with an injected context, and records the outcome in NodeRun.
 * Only ids cross Temporal; outputs stay in the database.
 */
export async function runNode(
  { runId, nodeId, maxAttempts, item = -1, ...policy }: RunNodeInput,
  deps: RunNodeDeps,
): Promise<RunNodeResult> {
  const { repos } = deps;
  const actx = Context.current();
  const attempt = actx.info.attempt;
  const startedAt = new Date();
  let run: LoadedRun;
  let node: Graph['nodes'][number] | undefined;
  try {
    run = await deps.loadRun(runId);
    node = run.graph.nodes.find((n) => n.id === nodeId);
    if (!node) throw Object.assign(new Error(`Node ${nodeId} is not in this bot version.`), { code: 'NODE_NOT_FOUND', retryable: false });
    // A regular activity takes its row first: people see it running, and a retry after a worker
    // died between recording and reporting finds the record and reuses it (exactly once). A local
    // node is quick and safe to repeat: it writes its row once, when it is done, and that write
    // never replaces a recorded success.
    if (!actx.info.isLocal) {
      if (!(await repos.nodeRuns.begin(runId, nodeId, node.type, attempt, item))) {
        const ports = (await repos.nodeRuns.get(runId, nodeId, item))?.ports;
        return { reused: true, ...(Array.isArray(ports) ? { ports: ports as string[] } : {}) };
      }
      deps.record.recorded(runId);
    }
  } catch (err) {
    throw toApplicationFailure(toFailureInfo(err));
  }
  const heartbeat = setInterval(() => actx.heartbeat(), 2_000);
  // Durable state (e.g. RSS items seen) is committed only once the output is recorded: a node that
  // fails, or whose output cannot be stored, must not mark its items as delivered.
  const pendingState = new Map<string, unknown>();
  // Workspace secrets the params reference, decrypted for this attempt only. Wherever their values
  // would be recorded or reported (rendered params, output, error, log lines) they are masked by name.
  let secrets: SecretValues = {};
  // Every LLM call this attempt makes, with what it cost: recorded on the node run, also when the attempt fails after a billed call.
  const llmCalls: LlmResult[] = [];
  // Budgets: each call is held against those that apply before it is made; released once recorded.
  const budgets = budgetGuard(
    repos,
    { id: runId, workspaceId: run.workspaceId, botId: run.botId },
    budgetNotices(
      { fetch: deps.fetch, email: deps.email ?? noEmail, secrets: deps.secrets },
      { id: runId, workspaceId: run.workspaceId, botId: run.botId, userId: run.userId },
    ),
  );
  // Streamed LLM text goes to live readers only (batched); the recorded output is the whole answer.
  const deltas = deps.record.deltas(runId, nodeId);
  try {
    const def = getNodeDefinition(node.type, node.version ?? 1);
    if (!def)
      throw Object.assign(new Error(`Unknown node type ${node.type} v${node.version ?? 1}.`), {
        code: 'UNKNOWN_NODE_TYPE',
        retryable: false,
      });
    secrets = await loadNodeSecrets(deps.secrets, run.workspaceId, node.params);
    const outputs = await upstreamOutputs(deps, run, nodeId, [...nodesReadBy(run.graph, nodeId)], item);
    const inputs = collectNodeInputs(run.graph, nodeId, outputs);
    const ctx: NodeContext = {
      ...flowServices(deps, run, nodeId, item),
      runId,
      botId: run.botId,
      userId: run.userId,
      nodeId,
      input: run.input,
      fetch: deps.fetch,
      signal: actx.cancellationSignal,
      llm: {
        call: async (req) => {
          const result = await deps.llm
            .callLLM({
              ...req,
              userId: run.userId,
              botId: run.botId,
              nodeId,
              signal: req.signal ?? actx.cancellationSignal,
              beforeCall: budgets.beforeCall,
              onDelta: deltas.push,
            })
            .catch((err: unknown) => {
              // The provider answered and billed, then the call failed (e.g. JSON that does not parse): still a cost.
              if (isLlmError(err) && err.billed?.costUsd !== undefined)
                llmCalls.push({ ...err.billed, text: '', latencyMs: 0, provider: err.provider ?? 'other', costUsd: err.billed.costUsd });
              throw err;
            });
          llmCalls.push(result);
          return result;
        },
      },
      results: {
        save: async (r) => {
          const row = await repos.results.save({
            botId: run.botId,
            workspaceId: run.workspaceId,
            runId,
            nodeId: item >= 0 ? `${nodeId}#${item}` : nodeId,
            title: r.title,
            content: r.content,
            data: r.data,
          });
          return { id: row.id };
        },
      },
      state: {
        get: async (key) => (pendingState.has(key) ? pendingState.get(key) : await repos.nodeState.get(run.botId, nodeId, key)) as never,
        set: async (key, value) => void pendingState.set(key, value),
      },
      email: deps.email ?? noEmail,
      log: deps.log && ((msg, data) => deps.log!(maskSecretText(msg, secrets), data && maskSecretValues(data, secrets))),
    };
    const executed = await executeNode(def, node.params ?? {}, { input: run.input, nodes: outputs, secrets }, ctx, inputs);
    // What came from outside (a feed, a page, an LLM) may hold what the database cannot store (NUL,
    // broken surrogates, absurd nesting): stored cleaned, with a warning, rather than failing the
    // node after every retry.
    const stored = makeStorable(maskSecretValues(executed.output, secrets));
    const params = makeStorable(maskSecretValues(executed.params, secrets)).value;
    const output = stored.value;
    const warnings = stored.problems.length
      ? [
          {
            code: 'OUTPUT_SANITISED',
            message: `Parts of the output the database cannot store were cleaned: ${stored.problems.map((p) => describeUnstorable(p, 'the output')).join(' ')}`,
          },
        ]
      : [];
    for (const [key, value] of pendingState) pendingState.set(key, makeStorable(value).value);
    const outputBytes = Buffer.byteLength(JSON.stringify(output ?? null));
    if (outputBytes > deps.maxOutputBytes) {
      throw Object.assign(
        new Error(
          `The node produced ${outputBytes} bytes; the limit is ${deps.maxOutputBytes}. Reduce what it returns (e.g. a lower item limit).`,
        ),
        {
          code: 'OUTPUT_TOO_LARGE',
          retryable: false,
        },
      );
    }
    // A node with an LLM connection param calls the LLM: its output carries the call's usage.
    const usesLlm = def.connectionParams.length > 0;
    const llmOut = output as { usage?: { inputTokens: number; outputTokens: number; cachedTokens?: number }; model?: string } | null;
    // Not recorded when the run was cancelled meanwhile or a newer attempt owns the row; the node's
    // state then is not committed either.
    // A flow node that now waits (a timer, a person, another bot's run) or runs its items is not done yet.
    const kind = executed.request?.kind;
    const status = kind === 'loop' ? 'running' : kind ? 'waiting' : 'succeeded';
    const recorded = await repos.nodeRuns.succeed(
      runId,
      nodeId,
      node.type,
      attempt,
      {
        status,
        ...(executed.ports ? { ports: executed.ports } : {}),
        input: recordedInput(params, def.secretParams),
        output: output ?? null,
        outputBytes,
        // Every call of this attempt (a node may make several); earlier billed attempts are added by the repository.
        usage: usesLlm ? (llmCalls.length ? spent(llmCalls).usage : llmOut?.usage) : undefined,
        model: usesLlm ? llmOut?.model : undefined,
        cost: llmCalls.length ? spent(llmCalls) : undefined,
        warnings,
        startedAt,
      },
      { botId: run.botId, entries: [...pendingState] },
      item,
    );
    if (recorded) {
      if (status === 'succeeded' || kind === 'loop') deps.keepOutput(runId, outputKey(nodeId, item), output ?? null, outputBytes);
      deltas.end();
      deps.record.recorded(runId);
    }
    return {
      reused: false,
      ...(executed.ports ? { ports: executed.ports } : {}),
      ...(executed.request ? { request: executed.request } : {}),
    };
  } catch (err) {
    // Report a cancellation as one (not as the abort error it caused), so the run ends cancelled.
    if (actx.cancellationSignal.aborted) throw new CancelledFailure('The run was cancelled.');
    const info = toFailureInfo(err);
    info.message = maskSecretText(info.message, secrets);
    if (info.retryAfterMs !== undefined) info.retryAfterMs = retryDelayAfter(info.retryAfterMs, attempt, policy);
    const final = !info.retryable || attempt >= maxAttempts;
    if (info.params)
      info.params = Object.fromEntries(
        Object.entries(info.params).map(([k, v]) => [k, typeof v === 'string' ? maskSecretText(v, secrets) : v]),
      );
    const localized = info.key ? { key: info.key, params: info.params ?? {} } : {};
    await repos.nodeRuns.fail(
      runId,
      nodeId,
      node.type,
      attempt,
      { code: info.code, message: info.message, attempt, ...localized },
      final,
      llmCalls.length ? spent(llmCalls) : undefined,
      item,
    );
    // A final failure is announced once the workflow records it (recordNodeFailure): it may continue.
    if (!final) {
      const delayMs = info.retryAfterMs ?? retryDelayAfter(0, attempt, policy);
      await deps.record.nodes(runId, [
        { nodeId, ...(item >= 0 ? { item } : {}), status: 'retrying', attempt, nextRetryAt: new Date(Date.now() + delayMs).toISOString() },
      ]);
    }
    throw toApplicationFailure(info);
  } finally {
    deltas.end();
    clearInterval(heartbeat);
    // The cost is on the node run by now: holds go, thresholds notify. Best effort: a hold left
    // behind expires by itself, and a missed notice comes with the next call.
    if (llmCalls.length || budgets.holding()) await budgets.settle().catch(() => undefined);
  }
}

/** The cost and tokens of an attempt's LLM calls, with the price, model and connection of the last (a node calls one connection). */
function spent(calls: LlmResult[]) {
  const last = calls.at(-1)!;
  const sum = (f: (c: LlmResult) => number | undefined) => calls.reduce((n, c) => n + (f(c) ?? 0), 0);
  return {
    costUsd: sum((c) => c.costUsd),
    price: last.price ?? null,
    connectionId: last.connectionId ?? null,
    usage: {
      inputTokens: sum((c) => c.usage.inputTokens),
      outputTokens: sum((c) => c.usage.outputTokens),
      cachedTokens: sum((c) => c.usage.cachedTokens),
    },
    model: last.model,
  };
}
