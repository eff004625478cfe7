import { z } from 'zod';

/**
 * The bot graph on the wire (API.md → Bots → Graph). The same shape as @bm/graph's GraphSchema,
 * written out here because the contract depends on nothing internal; a test in apps/api checks
 * that both produce the same JSON Schema.
 */
export const RetrySettings = z.object({
  /** Total attempts including the first (1 = no retry). */
  maxAttempts: z.number().int().min(1).max(10).optional(),
  initialIntervalMs: z.number().int().min(0).max(3_600_000).optional(),
  backoffCoefficient: z.number().min(1).max(10).optional(),
  maximumIntervalMs: z.number().int().min(0).max(86_400_000).optional(),
});

export const NodeSettings = z.object({
  retry: RetrySettings.optional(),
  /** Per attempt. */
  timeoutMs: z.number().int().min(1).max(86_400_000).optional(),
  /** Record the failure and let downstream nodes run. */
  continueOnFailure: z.boolean().optional(),
  /** Send a final failure out of the node's `error` output (`{ error: { code, message } }`) instead of failing the run. */
  errorOutput: z.boolean().optional(),
});

export const Position = z.object({ x: z.number(), y: z.number() });

export const GraphNode = z.object({
  id: z.string().min(1).max(128),
  type: z.string().min(1).max(128),
  version: z.number().int().min(1).default(1),
  params: z.record(z.string(), z.unknown()).default({}),
  position: Position,
  label: z.string().max(200).optional(),
  settings: NodeSettings.optional(),
  /**
   * The node's pinned output: editor runs (`usePinned`) use it instead of running the node. Stored
   * with the bot, outside its versions (API.md "Debug runs"): on the wire only — `GET /api/bots/:id`
   * merges it in; in a save, a value pins, `null` unpins, leaving it out keeps the pin as it is.
   */
  pinnedOutput: z.unknown().optional(),
  /** Kept in the graph but not run: a run records it as skipped (`NODE_DISABLED`). */
  disabled: z.boolean().optional(),
});

export const GraphEdge = z.object({
  id: z.string().min(1).max(256),
  source: z.string().min(1),
  target: z.string().min(1),
  sourceHandle: z.string().nullable().optional(),
  targetHandle: z.string().nullable().optional(),
});

/** A sticky note on the canvas (markdown): part of the graph's versions, never run. */
export const GraphNote = z.object({
  id: z.string().min(1).max(128),
  text: z.string().max(10_000),
  position: Position,
  width: z.number().min(40).max(4000).optional(),
  height: z.number().min(40).max(4000).optional(),
  color: z.enum(['yellow', 'blue', 'green', 'pink', 'grey']).optional(),
});

export const Graph = z.object({
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge).default([]),
  notes: z.array(GraphNote).max(500).optional(),
});

export type RetrySettings = z.infer<typeof RetrySettings>;
export type NodeSettings = z.infer<typeof NodeSettings>;
/** A graph as the API returns it (defaults applied). */
export type Graph = z.output<typeof Graph>;
export type GraphNode = z.output<typeof GraphNode>;
export type GraphEdge = z.output<typeof GraphEdge>;
export type GraphNote = z.output<typeof GraphNote>;
/** A graph as a client may send it (`version`, `params`, `edges` may be left out). */
export type GraphInput = z.input<typeof Graph>;
export type GraphNodeInput = z.input<typeof GraphNode>;
export type GraphEdgeInput = z.input<typeof GraphEdge>;
