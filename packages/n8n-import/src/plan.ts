import type { PathSegment } from '@bm/graph';
import type { Resolution } from './expression/translate';
import type { SlotProvider, TriggerHint } from './types';
import type { N8nConnection, N8nNode } from './workflow';

/** How a reference to this n8n node's item json (`$json.<path>`) reads in our graph. `self` is our node id. */
export type OutputMap = (path: PathSegment[], self: string) => Resolution;

/** The n8n node becomes one of our nodes; `build` runs once every node has its id and edges exist. */
export interface NodePlan {
  kind: 'node';
  type: string;
  version: number;
  output: OutputMap;
  build(b: BuildContext): Record<string, unknown>;
  /**
   * Our output port for the n8n output `index` (flow.if: 0 → "true"; a switch: a case name), or
   * null when that output has no counterpart (the mapper reports it; its edges are left out).
   * Absent: the node has one output and edges use the default handle.
   */
  port?(index: number): string | null;
  /**
   * It hands its input on unchanged (IF, Switch, Wait): a reference to its items reads its input's,
   * as through a pass-through node that was left out (the input runs before it, so before its readers).
   */
  passesInput?: true;
  /**
   * flow.loop: n8n's Loop Over Items is one node with a "done" output (0) and a "loop" output (1);
   * here the loop ends at a flow.collect node made beside it, which the loop back and "done" use.
   */
  loop?: true;
}

/**
 * The n8n node has no counterpart and is left out: its inputs are wired straight to its outputs so
 * the nodes after it keep their place. `passThrough`: n8n hands its input items on unchanged (IF,
 * No-op, Respond to Webhook…), so references to its items read its input's.
 */
export interface SkipPlan {
  kind: 'skip';
  reason: string;
  passThrough: boolean;
  /** A sticky note: it becomes a note on our canvas (graph.notes), so it is not reported as left out. */
  note?: true;
}

export type Plan = NodePlan | SkipPlan;

export interface PlanContext {
  timezone?: string;
  /** Sub-nodes attached to this node (an LLM chain's chat model, an agent's tools…), by connection type. */
  attached(type: string): N8nNode[];
  /** Every attached sub-node, whatever its connection type. */
  attachedAll(): { node: N8nNode; type: string }[];
  /** This node handles (or reports) the sub-node itself; otherwise the converter reports it. */
  claim(sub: N8nNode): void;
  /** The n8n nodes each main output of this node feeds (output 0 = IF's "true"). */
  outputs(): string[][];
  /** Every main connection of the workflow (for mappers that look at a shape, such as a loop's). */
  connections(): readonly N8nConnection[];
  /** Every node of the workflow, in file order. */
  nodes(): readonly N8nNode[];
  /** The bot the caller chose for the n8n workflow `id` (Execute Workflow), if any. */
  botFor(id: string): string | undefined;
  report(reason: string, param?: string): void;
  trigger(hint: Omit<TriggerHint, 'node' | 'nodeId'>): void;
  /** The node uses an LLM through `credential` (of the n8n node `owner`): one connection slot per credential. */
  llm(owner: N8nNode, credentialType: string, provider: SlotProvider): void;
}

export interface BuildContext {
  /** An n8n value as our template text (plain references translated, others reported). */
  text(value: unknown, param: string): string;
  /** An n8n value as a JSONata expression (for transform.jsonata). */
  jsonata(value: unknown, param: string): string;
  /** `$json.<path>` of this node's input, resolved (for params n8n takes as field paths). */
  current(path: PathSegment[]): Resolution;
  /** `$json` of this node's input as a JSONata path, or undefined when it cannot be named. */
  currentJsonata(): string | undefined;
  /**
   * An n8n value that is one plain reference landing in this node's own input (`{{ $json.a.b }}`
   * after an HTTP node → `body.a.b`), as a field path of that input; undefined otherwise.
   */
  inputField(value: unknown): string | undefined;
  report(reason: string, param?: string): void;
  /** Declares a secret slot; returns the `{{ secrets.NAME }}` reference to put in a param. */
  secret(name: string): string;
}

export type Mapper = (node: N8nNode, ctx: PlanContext) => Plan;

/** `{ __rl: true, value, mode }` (n8n's resource locator) or a plain value → the value. */
export function locatorValue(v: unknown): unknown {
  if (v && typeof v === 'object' && 'value' in v) return (v as { value: unknown }).value;
  return v;
}

export function param<T>(node: N8nNode, key: string, fallback: T): T | unknown {
  return Object.prototype.hasOwnProperty.call(node.parameters, key) ? node.parameters[key] : fallback;
}

/** A nested object param (`options`, `options.response.response`), `{}` when absent or not an object. */
export function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.map(obj) : [];
}

export function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

export function asNumber(v: unknown): number | undefined {
  const n = typeof v === 'string' && v.trim() !== '' && !v.startsWith('=') ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** A skip plan for a node type that has no counterpart here. */
export function unsupported(reason: string, passThrough = false): SkipPlan {
  return { kind: 'skip', reason, passThrough };
}
