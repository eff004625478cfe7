/** The stored graph shape of the public API (API.md → Bots → Graph). Plain JSON only. */
/** Mirrors NodeSettingsSchema of @bm/graph. */
export type NodeSettings = {
  retry?: {
    /** Total attempts including the first (1 = no retry). */
    maxAttempts?: number;
    initialIntervalMs?: number;
    backoffCoefficient?: number;
    maximumIntervalMs?: number;
  };
  /** Per attempt. */
  timeoutMs?: number;
  /** Record the failure and let downstream nodes run. */
  continueOnFailure?: boolean;
};

export type GraphNode = {
  id: string;
  type: string;
  version?: number;
  params: Record<string, unknown>;
  position: { x: number; y: number };
  label?: string;
  settings?: NodeSettings;
};

export type GraphEdge = {
  id: string;
  source: string;
  target: string;
  sourceHandle?: string;
  targetHandle?: string;
};

export type Graph = { nodes: GraphNode[]; edges: GraphEdge[] };
