import type { z } from 'zod';

export type NodeCategory = 'source' | 'llm' | 'transform' | 'output';

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
