import type { z } from 'zod';

export type NodeCategory = 'source' | 'llm' | 'transform' | 'flow' | 'output';

/**
 * How the interpreter treats a node beyond "run it once" (its definition declares it):
 * `loop` runs its body once per item up to its `collect` node; `wait`, `approval` and `subbot`
 * record their part, then wait durably (a timer, a person, another bot's run) before completing.
 */
export type FlowControl = 'loop' | 'collect' | 'wait' | 'approval' | 'subbot';

/** Output ports that come from a list param (flow.switch's cases): one port per entry, named by its `field`. */
export interface DynamicPorts {
  param: string;
  field: string;
  type: PortType;
}

/**
 * Value kinds travelling on edges. `any` fits everything; `items` is a list (an array, or an
 * object carrying an `items` array), which is also JSON.
 */
export type PortType = 'any' | 'text' | 'json' | 'items';

export interface PortDef {
  name: string;
  type: PortType;
  /** An input that accepts more than one incoming edge. */
  multiple?: boolean;
  label?: string;
}

/** What validation needs to know about a node type (nodes/registry builds these). */
export interface NodeTypeInfo {
  id: string;
  version: number;
  category: NodeCategory;
  inputs: PortDef[];
  outputs: PortDef[];
  params: z.ZodType;
  /** Output ports from a param, listed before `outputs` (flow.switch: one per case, then `default`). */
  dynamicOutputs?: DynamicPorts;
  /** How the interpreter treats it (FlowControl); absent: an ordinary node. */
  control?: FlowControl;
  /** Its run picks which of its output ports carry its output (flow.if, flow.switch); absent: all of them. */
  routes?: boolean;
  /** Params naming an LLM connection; a type with any uses an LLM, so its connection is checked. */
  connectionParams?: string[];
  trigger?: boolean;
  /** A graph may hold at most one node of this type (`output.respond`: a webhook has one answer). */
  onePerGraph?: boolean;
  /**
   * Params whose strings are NOT templates (e.g. a JSONata expression): they are neither rendered
   * nor scanned for `{{ }}` references.
   */
  literalParams?: string[];
}

/**
 * Can a value of output type `from` flow into an input of type `to`? `any` fits both ways;
 * `items` is a kind of `json`, and a `json` value may hold a list (checked when the node runs).
 * Text never silently becomes structured data, nor the other way round.
 */
export function portsCompatible(from: PortType, to: PortType): boolean {
  if (from === 'any' || to === 'any' || from === to) return true;
  const structured = (t: PortType) => t === 'json' || t === 'items';
  return structured(from) && structured(to);
}
