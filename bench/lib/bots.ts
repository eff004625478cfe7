// Bots and runs for the read-path benchmark, made through the public HTTP API only (so the same
// calls work on an older checkout of the app): a bot with a larger graph, and one finished run.
import type { BenchBot } from './app';

async function call(url: string, token: string, method: string, p: string, body?: unknown): Promise<any> {
  const res = await fetch(`${url}${p}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as any;
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * A graph of `size` nodes (≥ 3): manual → (llm.chat → transform.template)… → output.results, each
 * node reading its predecessor, the shape of a long editor-built bot.
 */
export function chainGraph(size: number) {
  const pos = { x: 0, y: 0 };
  const nodes: { id: string; type: string; params: Record<string, unknown>; position: typeof pos }[] = [
    { id: 'in', type: 'source.manual', params: {}, position: pos },
  ];
  for (let i = 1; i < size - 1; i++) {
    const prev = nodes[i - 1]!.id;
    const ref = nodes[i - 1]!.type === 'llm.chat' ? `nodes.${prev}.output.text` : i === 1 ? 'input.name' : `nodes.${prev}.output`;
    nodes.push(
      i % 2
        ? { id: `llm${i}`, type: 'llm.chat', params: { purpose: 'analyze', prompt: `Step ${i}: {{ ${ref} }}` }, position: pos }
        : { id: `fmt${i}`, type: 'transform.template', params: { template: `Step ${i}: {{ ${ref} }}` }, position: pos },
    );
  }
  nodes.push({ id: 'out', type: 'output.results', params: { content: `{{ nodes.${nodes.at(-1)!.id}.output }}` }, position: pos });
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i + 1}`, source: nodes[i]!.id, target: n.id }));
  return { nodes, edges };
}

/** A bot with a `size`-node chain (see chainGraph), on the bench bot's LLM connection. Returns its id. */
export async function createBotWithGraph(url: string, bench: BenchBot, size: number): Promise<string> {
  const { llmConnectionId } = await call(url, bench.token, 'GET', `/api/bots/${bench.botId}`);
  const bot = await call(url, bench.token, 'POST', '/api/bots', { name: `Bench ${size} nodes`, llmConnectionId, graph: chainGraph(size) });
  return bot.id;
}

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

/**
 * Starts one run of a bot and waits (by polling GET /api/runs/:id, which every version serves)
 * until it finished; throws unless it succeeded. Returns the run id.
 */
export async function finishedRun(url: string, bench: BenchBot, timeoutMs = 60_000): Promise<string> {
  const started = await call(url, bench.token, 'POST', `/api/bots/${bench.botId}/runs`, { input: { name: 'Bench' } });
  const runId: string = started.runId ?? started.id;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await call(url, bench.token, 'GET', `/api/runs/${runId}`);
    if (FINAL.has(run.status)) {
      if (run.status !== 'succeeded') throw new Error(`run ${runId} ${run.status}: ${JSON.stringify(run.error)}`);
      return runId;
    }
    if (Date.now() > deadline) throw new Error(`run ${runId} did not finish in ${timeoutMs} ms (status ${run.status})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
