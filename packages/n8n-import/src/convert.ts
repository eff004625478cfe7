import { formatPath, type Graph, type GraphEdge, type GraphNode, type PathSegment } from '@bm/graph';
import { jsonataPath, toJsonata, toTemplate, type Resolution, type Resolved } from './expression/translate';
import { parseN8nReference, type N8nReference } from './expression/reference';
import { isN8nExpression, scanN8nTemplate } from './expression/scan';
import { IdPool } from './ids';
import { MAPPERS } from './mappers';
import { otherTrigger } from './mappers/triggers';
import { unsupported, type BuildContext, type NodePlan, type Plan, type PlanContext, type SkipPlan } from './plan';
import { stickyNoteOf } from './mappers/note';
import { connectionSlots, type LlmUse } from './slots';
import { ancestors, groupBy, loopEdges } from './wiring';
import type { ConversionResult, ConvertOptions, TriggerHint, Unmapped } from './types';
import { parseN8nWorkflow, type N8nConnection, type N8nNode, type N8nWorkflow } from './workflow';

const reason = (why: string): Resolution => ({ reason: why });

/** One conversion: plan every n8n node, wire edges, then build params (expressions need ids and edges). */
class Converter {
  private readonly byName = new Map<string, N8nNode>();
  private readonly mainIn: Map<string, N8nConnection[]>;
  private readonly subIn: Map<string, N8nConnection[]>;
  private readonly plans = new Map<string, Plan | 'sub'>();
  private readonly ids = new Map<string, string>();
  private readonly reports = new Map<string, Unmapped[]>();
  private readonly claimed = new Set<string>();
  private readonly triggers: (Omit<TriggerHint, 'nodeId'> & { nodeId?: string })[] = [];
  private readonly llm = new Map<string, LlmUse>();
  private readonly secrets = new Set<string>();
  private edges: GraphEdge[] = [];
  private readonly upstreamCache = new Map<string, Set<string>>();
  private readonly reachCache = new Map<string, Set<string>>();
  private readonly sourceCache = new Map<string, string | { reason: string }>();
  private readonly mainOut: Map<string, N8nConnection[]>;
  /** Loop Over Items (n8n name) → the id of the flow.collect node made for its "done" side. */
  private readonly collectOf = new Map<string, string>();
  // Built once the edges are final (params are built after wiring).
  private readonly bodyCache = new Map<string, Set<string>>();
  private readonly originCache = new Map<string, string>();
  private nameOfCache?: Map<string, string>;
  private intoCache?: Map<string, GraphEdge[]>;

  constructor(
    private readonly wf: N8nWorkflow,
    private readonly options: ConvertOptions = {},
  ) {
    for (const n of wf.nodes) this.byName.set(n.name, n);
    const known = wf.connections.filter((c) => {
      const ok = this.byName.has(c.source) && this.byName.has(c.target);
      if (!ok) {
        const missing = this.byName.has(c.source) ? c.target : c.source;
        this.report(
          this.byName.has(c.source) ? c.source : c.target,
          `A connection names the node "${missing}", which is not in the workflow; it was ignored.`,
        );
      }
      return ok;
    });
    this.mainIn = groupBy(
      known.filter((c) => c.type === 'main'),
      (c) => c.target,
    );
    this.mainOut = groupBy(
      known.filter((c) => c.type === 'main'),
      (c) => c.source,
    );
    this.subIn = groupBy(
      known.filter((c) => c.type !== 'main'),
      (c) => c.target,
    );
    const subSources = new Set(known.filter((c) => c.type !== 'main').map((c) => c.source));
    const mainSources = new Set(known.filter((c) => c.type === 'main').map((c) => c.source));
    for (const n of wf.nodes) if (subSources.has(n.name) && !mainSources.has(n.name)) this.plans.set(n.name, 'sub');
  }

  private report(node: string, why: string, param?: string) {
    const list = this.reports.get(node) ?? [];
    list.push({ node, reason: why, ...(param ? { param } : {}) });
    this.reports.set(node, list);
  }

  private planContext(node: N8nNode): PlanContext {
    const attachedAll = () => (this.subIn.get(node.name) ?? []).map((c) => ({ node: this.byName.get(c.source)!, type: c.type }));
    return {
      ...(this.wf.timezone ? { timezone: this.wf.timezone } : {}),
      attached: (type) =>
        attachedAll()
          .filter((a) => a.type === type)
          .map((a) => a.node),
      attachedAll,
      claim: (sub) => this.claimed.add(sub.name),
      outputs: () => {
        const out: string[][] = [];
        for (const c of this.wf.connections) {
          if (c.source !== node.name || c.type !== 'main') continue;
          while (out.length <= c.output) out.push([]);
          out[c.output]!.push(c.target);
        }
        return out;
      },
      connections: () => this.wf.connections.filter((c) => c.type === 'main'),
      nodes: () => this.wf.nodes,
      botFor: (id) => (Object.prototype.hasOwnProperty.call(this.options.bots ?? {}, id) ? this.options.bots![id] : undefined),
      report: (why, param) => this.report(node.name, why, param),
      trigger: (hint) => this.triggers.push({ ...hint, node: node.name }),
      llm: (owner, credentialType, provider) => this.llm.set(node.name, { owner, credentialType, provider }),
    };
  }

  private plan(node: N8nNode): Plan {
    const ctx = this.planContext(node);
    if (node.disabled) return unsupported('Disabled in n8n; left out.', true);
    const mapper = MAPPERS.get(node.type);
    if (mapper) return mapper(node, ctx);
    if (/trigger$/i.test(node.type)) return otherTrigger(node, ctx);
    return unsupported(`The node type "${node.type}" has no counterpart in Bot Manager; left out.`);
  }

  /**
   * Our nodes (and the output port) that feed `name` through n8n's output `output` of `from`,
   * looking through the n8n nodes that were left out (no recursion: chains can be long). A loop's
   * "done" output (0) leaves from its collect node; an output without a port is no edge.
   */
  private sources(from: string, output: number): { id: string; handle?: string }[] {
    const found: { id: string; handle?: string }[] = [];
    const seen = new Set<string>();
    const stack = [{ at: from, output }];
    while (stack.length) {
      const { at, output: out } = stack.pop()!;
      const key = `${at}\u0000${out}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const plan = this.plans.get(at);
      if (!plan || plan === 'sub') continue;
      if (plan.kind === 'node') {
        if (plan.loop) found.push({ id: out === 0 ? this.collectOf.get(at)! : this.ids.get(at)! });
        else if (!plan.port) found.push({ id: this.ids.get(at)! });
        else {
          const handle = plan.port(out);
          if (handle !== null) found.push({ id: this.ids.get(at)!, handle });
        }
        continue;
      }
      const incoming = this.mainIn.get(at) ?? [];
      for (let i = incoming.length - 1; i >= 0; i -= 1) stack.push({ at: incoming[i]!.source, output: incoming[i]!.output });
    }
    return found;
  }

  /** The node an n8n connection into `name` lands on: a loop back into Loop Over Items ends at its collect node. */
  private targetOf(name: string, c: N8nConnection): string {
    const collect = this.collectOf.get(name);
    return collect && this.reaches(name, c.source) ? collect : this.ids.get(name)!;
  }

  private wire() {
    const seen = new Set<string>();
    for (const node of this.wf.nodes) {
      const plan = this.plans.get(node.name);
      if (!plan || plan === 'sub' || plan.kind !== 'node') continue;
      const incoming = [...(this.mainIn.get(node.name) ?? [])].sort((a, b) => a.input - b.input);
      for (const c of incoming) {
        const target = this.targetOf(node.name, c);
        for (const { id: source, handle } of this.sources(c.source, c.output)) {
          const key = `${source}\u0000${handle ?? ''}\u0000${target}`;
          if (source === target || seen.has(key)) continue;
          seen.add(key);
          this.edges.push(
            handle
              ? { id: `${source}__${handle.replace(/[^A-Za-z0-9_-]+/g, '_')}__${target}`, source, target, sourceHandle: handle }
              : { id: `${source}__${target}`, source, target },
          );
        }
      }
    }
    this.breakLoops();
  }

  /** n8n allows any loop; ours are acyclic, with flow.loop for Loop Over Items (its loop back ends at its collect node). */
  private breakLoops() {
    const back = loopEdges(this.edges, [...this.ids.values()]);
    if (!back.size) return;
    const nameOf = new Map([...this.ids, ...this.collectOf].map(([n, id]) => [id, n]));
    for (const e of back) {
      this.report(
        nameOf.get(e.target)!,
        `The loop back from "${nameOf.get(e.source)}" was removed: Bot Manager graphs have no cycles (a loop over a list is a flow.loop, which the n8n Loop Over Items becomes).`,
      );
    }
    this.edges = this.edges.filter((e) => !back.has(e));
  }

  private upstream(id: string): Set<string> {
    let up = this.upstreamCache.get(id);
    if (!up) this.upstreamCache.set(id, (up = ancestors(this.edges, id)));
    return up;
  }

  /** Whether our node `id` runs per item of the loop `loopId`: reached from it without passing its collect node (memoised). */
  private inLoop(loopId: string, collectId: string, id: string): boolean {
    let body = this.bodyCache.get(loopId);
    if (!body) {
      const out = groupBy(this.edges, (e) => e.source);
      body = new Set<string>();
      const stack = [loopId];
      while (stack.length) {
        for (const e of out.get(stack.pop()!) ?? []) {
          if (e.target === collectId || body.has(e.target)) continue;
          body.add(e.target);
          stack.push(e.target);
        }
      }
      this.bodyCache.set(loopId, body);
    }
    return body.has(id);
  }

  /** The n8n node whose items `start` hands on, when there is one. */
  private itemSourceName(start: string): string | undefined {
    const source = this.itemSource(start);
    return typeof source === 'string' ? source : undefined;
  }

  /** How the item json of the n8n node `start` at `path` reads in our graph. */
  private outputOf(start: string, path: PathSegment[]): Resolution {
    const source = this.itemSource(start);
    if (typeof source !== 'string') return source;
    const plan = this.plans.get(source) as NodePlan;
    return plan.output(path, this.ids.get(source)!);
  }

  /**
   * The n8n node whose items `start` hands on: itself when it became one of ours, its input's
   * through pass-through nodes that were left out, or why there is none. Memoised per node.
   */
  private itemSource(start: string): string | { reason: string } {
    const walked = new Set<string>();
    let found: string | { reason: string };
    for (let name = start; ;) {
      const known = this.sourceCache.get(name);
      if (known !== undefined) {
        found = known;
        break;
      }
      if (walked.has(name)) {
        found = { reason: `reads "${name}" through a loop` };
        break;
      }
      walked.add(name);
      const plan = this.plans.get(name);
      if (plan === 'sub') found = { reason: `reads the sub-node "${name}", which has no output of its own` };
      else if (!plan) found = { reason: `names the node "${name}", which is not in the workflow` };
      else if (plan.kind === 'node' && !plan.passesInput) found = name;
      else if (plan.kind === 'skip' && !plan.passThrough) found = { reason: `reads the output of "${name}", which was not imported` };
      else {
        const all = [...new Set((this.mainIn.get(name) ?? []).map((c) => c.source))];
        // A loop back into the node (Loop Over Items) is not where its items come from.
        const preds = all.length > 1 ? all.filter((p) => !this.reaches(name, p)) : all;
        if (preds.length === 1) {
          name = preds[0]!;
          continue;
        }
        found = {
          reason: `reads the items passing through "${name}", which ${plan.kind === 'skip' ? 'was not imported and ' : ''}has ${preds.length ? 'several inputs' : 'no input'}`,
        };
      }
      break;
    }
    for (const name of walked) this.sourceCache.set(name, found);
    return found;
  }

  /** Whether n8n's main connections lead from `from` to `to` (memoised: hostile files have thousands of nodes). */
  private reaches(from: string, to: string): boolean {
    let reach = this.reachCache.get(from);
    if (!reach) {
      reach = new Set<string>();
      const stack = [from];
      while (stack.length) {
        for (const c of this.mainOut.get(stack.pop()!) ?? []) {
          if (!reach.has(c.target)) {
            reach.add(c.target);
            stack.push(c.target);
          }
        }
      }
      this.reachCache.set(from, reach);
    }
    return reach.has(to);
  }

  private resolve(node: N8nNode, ref: N8nReference): Resolution {
    let target = ref.node;
    if (target === null) {
      const preds = [...new Set((this.mainIn.get(node.name) ?? []).filter((c) => c.input === 0).map((c) => c.source))];
      if (preds.length === 0) return reason('reads the incoming item ($json), but the node has no input');
      if (preds.length > 1)
        return reason(`reads the incoming item ($json), but several nodes feed this node (${preds.join(', ')}); name one with $('Node')`);
      target = preds[0]!;
    }
    const loop = this.itemSourceName(target);
    const collect = this.collectOf.get(loop ?? '');
    if (collect && !this.inLoop(this.ids.get(loop!)!, collect, this.ids.get(node.name)!)) {
      return reason(
        `reads the items of "${target}" after the loop; here its collect node outputs them all at once ({{ nodes.${collect}.output.items }})`,
      );
    }
    const r = this.outputOf(target, ref.path);
    if ('reason' in r || r.kind === 'input') return r;
    if (!this.upstream(this.ids.get(node.name)!).has(r.nodeId)) {
      return reason(`reads "${target}", which does not run before this node in the imported graph`);
    }
    return r;
  }

  /**
   * The node whose output our node `id` outputs: itself, or — through nodes that hand their one
   * input on unchanged (IF, Switch, Wait) — the node before them. Memoised; no recursion (chains can be long).
   */
  private origin(id: string): string {
    const nameOf = (this.nameOfCache ??= new Map([...this.ids].map(([n, i]) => [i, n])));
    const into = (this.intoCache ??= groupBy(this.edges, (e) => e.target));
    const walked = new Set<string>();
    let at = id;
    for (;;) {
      const known = this.originCache.get(at);
      if (known !== undefined) {
        at = known;
        break;
      }
      const plan = this.plans.get(nameOf.get(at) ?? '');
      const incoming = into.get(at) ?? [];
      if (!plan || plan === 'sub' || plan.kind !== 'node' || !plan.passesInput || incoming.length !== 1 || walked.has(at)) break;
      walked.add(at);
      at = incoming[0]!.source;
    }
    for (const w of walked) this.originCache.set(w, at);
    return at;
  }

  private jsonataRoot(node: N8nNode, r: Resolved): string | { reason: string } {
    if (r.kind === 'input') return '$input';
    const own = this.ids.get(node.name)!;
    const direct = this.edges.filter((e) => e.target === own).map((e) => e.source);
    if (direct[0] === r.nodeId || (direct.length === 1 && this.origin(direct[0]!) === r.nodeId)) return '$';
    if (direct.includes(r.nodeId)) return jsonataPath('$nodes', [r.nodeId]) ?? { reason: 'names a node id JSONata cannot write' };
    return { reason: 'reads a node that is not connected to this one directly (a JSONata node sees only the outputs wired into it)' };
  }

  private buildContext(node: N8nNode): BuildContext {
    const scope = (param: string) => ({
      resolve: (ref: N8nReference) => this.resolve(node, ref),
      problem: (why: string) => this.report(node.name, why, param),
      root: (r: Resolved) => this.jsonataRoot(node, r),
    });
    return {
      text: (value, param) => toTemplate(value, scope(param)),
      jsonata: (value, param) => toJsonata(value, scope(param)),
      current: (path) => this.resolve(node, { node: null, path }),
      currentJsonata: () => {
        const r = this.resolve(node, { node: null, path: [] });
        if ('reason' in r) return undefined;
        const root = this.jsonataRoot(node, r);
        return typeof root === 'string' ? (jsonataPath(root, r.path) ?? undefined) : undefined;
      },
      inputField: (value) => {
        if (!isN8nExpression(value)) return undefined;
        const parts = scanN8nTemplate(value.slice(1)).filter((p) => p.kind === 'code' || p.text.trim() !== '');
        const only = parts.length === 1 && parts[0]!.kind === 'code' ? parts[0]! : undefined;
        const ref = only?.kind === 'code' ? parseN8nReference(only.code) : null;
        if (!ref) return undefined;
        const r = this.resolve(node, ref);
        if ('reason' in r || r.kind !== 'node' || this.jsonataRoot(node, r) !== '$') return undefined;
        return formatPath(r.path);
      },
      report: (why, param) => this.report(node.name, why, param),
      secret: (name) => {
        this.secrets.add(name);
        return `{{ secrets.${name} }}`;
      },
    };
  }

  run(): ConversionResult {
    for (const node of this.wf.nodes) if (!this.plans.has(node.name)) this.plans.set(node.name, this.plan(node));
    const pool = new IdPool(false, 40);
    for (const node of this.wf.nodes) {
      const plan = this.plans.get(node.name);
      if (plan && plan !== 'sub' && plan.kind === 'node') this.ids.set(node.name, pool.take(node.name, plan.type.split('.')[1] ?? 'node'));
      if (plan && plan !== 'sub' && plan.kind === 'node' && plan.loop)
        this.collectOf.set(node.name, pool.take(`${node.name} done`, 'collect'));
    }
    for (const node of this.wf.nodes) {
      const plan = this.plans.get(node.name);
      if (plan && plan !== 'sub' && plan.kind === 'skip' && !plan.note) this.report(node.name, plan.reason);
    }
    this.wire();
    const nodes: GraphNode[] = [];
    for (const node of this.wf.nodes) {
      const plan = this.plans.get(node.name);
      if (!plan || plan === 'sub' || plan.kind !== 'node') continue;
      nodes.push({
        id: this.ids.get(node.name)!,
        type: plan.type,
        version: plan.version,
        params: plan.build(this.buildContext(node)),
        position: node.position,
        label: node.name.slice(0, 200),
      });
      const collect = this.collectOf.get(node.name);
      if (collect) {
        nodes.push({
          id: collect,
          type: 'flow.collect',
          version: 1,
          params: {},
          position: { x: node.position.x + 220, y: node.position.y - 160 },
          label: `${node.name} (done)`.slice(0, 200),
        });
      }
    }
    for (const node of this.wf.nodes) {
      if (this.plans.get(node.name) !== 'sub' || this.claimed.has(node.name)) continue;
      const parents = [...new Set(this.wf.connections.filter((c) => c.source === node.name).map((c) => c.target))];
      this.report(
        node.name,
        `The sub-node (${node.type}) attached to ${parents.map((p) => `"${p}"`).join(', ')} was not imported: that node has no counterpart.`,
      );
    }
    const slots = connectionSlots(this.wf.nodes, this.llm, this.ids);
    const notePool = new IdPool(true, 40);
    const notes = this.wf.nodes
      .filter((n) => (this.plans.get(n.name) as SkipPlan | undefined)?.note)
      .map((n) => stickyNoteOf(n, notePool.take(n.name, 'note')));
    const graph: Graph = { nodes, edges: this.edges, ...(notes.length ? { notes } : {}) };
    const name = this.wf.name.slice(0, 120).trim();
    return {
      document: {
        format: 'bot-manager/bot',
        version: 1,
        bot: {
          name,
          description: (this.wf.description ?? `Imported from the n8n workflow "${name}".`).slice(0, 2000),
          graph,
          slots,
          secretSlots: [...this.secrets].sort(),
        },
      },
      slots,
      unmapped: this.wf.nodes.flatMap((n) => this.reports.get(n.name) ?? []),
      triggers: this.triggers.map((t) => ({ ...t, nodeId: this.ids.get(t.node) ?? '' })),
    };
  }
}

/**
 * Converts an n8n workflow (the JSON n8n exports) into the closest Bot Manager bot: our export
 * document, the connection slots to bind (one per n8n LLM credential), and every node, setting or
 * expression that has no counterpart, with the reason. Throws N8nImportError when the input is
 * not an n8n workflow. Pure: no I/O, nothing evaluated.
 */
export function convertN8nWorkflow(workflow: unknown, options: ConvertOptions = {}): ConversionResult {
  return new Converter(parseN8nWorkflow(workflow), options).run();
}
