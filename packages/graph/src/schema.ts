import { z } from 'zod';

/**
 * The stored bot graph (API.md). Node ids are user/editor chosen strings (nanoid in the editor,
 * e.g. `chat_x7k2pq`); they appear in expressions as `nodes.<id>.output`. Ids with characters that
 * are not valid in a dotted path are referenced with brackets: `nodes["my id"].output`.
 */
export const RetrySettingsSchema = z.object({
  maxAttempts: z.number().int().min(1).max(10).optional(),
  initialIntervalMs: z.number().int().min(0).max(3_600_000).optional(),
  backoffCoefficient: z.number().min(1).max(10).optional(),
  maximumIntervalMs: z.number().int().min(0).max(86_400_000).optional(),
});

export const NodeSettingsSchema = z.object({
  retry: RetrySettingsSchema.optional(),
  timeoutMs: z.number().int().min(1).max(86_400_000).optional(),
  continueOnFailure: z.boolean().optional(),
  /**
   * A final failure goes out of the node's `error` output (`{ error: { code, message } }`) instead
   * of failing the run; its other outputs carry nothing, so what hangs off them is skipped.
   */
  errorOutput: z.boolean().optional(),
});

export const PositionSchema = z.object({ x: z.number(), y: z.number() });

export const GraphNodeSchema = z.object({
  id: z.string().min(1).max(128),
  type: z.string().min(1).max(128),
  version: z.number().int().min(1).default(1),
  params: z.record(z.string(), z.unknown()).default({}),
  position: PositionSchema,
  label: z.string().max(200).optional(),
  settings: NodeSettingsSchema.optional(),
  /** A disabled node is kept in the graph but not run: a run records it as skipped (NODE_DISABLED). */
  disabled: z.boolean().optional(),
});

export const GraphEdgeSchema = z.object({
  id: z.string().min(1).max(256),
  source: z.string().min(1),
  target: z.string().min(1),
  sourceHandle: z.string().nullable().optional(),
  targetHandle: z.string().nullable().optional(),
});

/** A sticky note on the canvas (markdown). Notes are part of the graph's versions but never run. */
export const GraphNoteSchema = z.object({
  id: z.string().min(1).max(128),
  text: z.string().max(10_000),
  position: PositionSchema,
  width: z.number().min(40).max(4000).optional(),
  height: z.number().min(40).max(4000).optional(),
  color: z.enum(['yellow', 'blue', 'green', 'pink', 'grey']).optional(),
});

export const GraphSchema = z.object({
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema).default([]),
  notes: z.array(GraphNoteSchema).max(500).optional(),
});

export type RetrySettings = z.infer<typeof RetrySettingsSchema>;
export type NodeSettings = z.infer<typeof NodeSettingsSchema>;
export type GraphNode = z.infer<typeof GraphNodeSchema>;
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;
export type GraphNote = z.infer<typeof GraphNoteSchema>;
export type Graph = z.infer<typeof GraphSchema>;
/** What a client may send: `version` and `params` may be omitted. */
export type GraphInput = z.input<typeof GraphSchema>;

/** Parses unknown JSON into a Graph (defaults applied). Throws a ZodError on bad shape. */
export function parseGraph(value: unknown): Graph {
  return GraphSchema.parse(value);
}
