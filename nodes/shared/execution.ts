/**
 * The retry presets node definitions choose from. Temporal retries a failed attempt after
 * initialIntervalMs, multiplying the wait by backoffCoefficient up to maximumIntervalMs; a node's
 * settings in the graph override any of these per node.
 */
export interface RetryPolicy {
  maxAttempts: number;
  initialIntervalMs: number;
  backoffCoefficient: number;
  maximumIntervalMs: number;
}

/** How the interpreter runs a node when its settings say nothing. */
export interface NodeExecution {
  /**
   * A Temporal local activity: for quick nodes that neither spend the user's money nor deliver
   * anywhere, so a retry after a worker crash costs nothing and repeats nothing outside (the results
   * inbox keeps one result per run and node). Saves a round trip through the Temporal server per node.
   * LLM calls and deliveries (webhook, Slack, email, an HTTP request that may POST) stay regular
   * activities: a local one completed in a workflow task that is then lost runs again, and the user
   * would pay or be notified twice. Sources that wait on the network (feeds, pages) stay regular too:
   * while a local activity runs, the workflow task stays open, so a parallel branch's regular
   * activity would not start until the slow read finished.
   */
  local: boolean;
  retry: RetryPolicy;
  timeoutMs: number;
}

/** Most nodes: a few quick retries ride out a network blip without hammering the other side. */
export const STANDARD_RETRY: RetryPolicy = {
  maxAttempts: 3,
  initialIntervalMs: 1_000,
  backoffCoefficient: 2,
  maximumIntervalMs: 60_000,
};

/** LLM calls ride out a provider blip longer (rate limits, 5xx); a rejected key still fails at once. */
export const LLM_RETRY: RetryPolicy = {
  maxAttempts: 5,
  initialIntervalMs: 2_000,
  backoffCoefficient: 2,
  maximumIntervalMs: 60_000,
};

export const NODE_TIMEOUT_MS = 5 * 60_000;
