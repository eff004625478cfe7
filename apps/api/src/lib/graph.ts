import type { GraphInput } from '@bm/contract';
import { moveCredentialsToSecrets } from '@bm/db';
import { GraphSchema, validateGraph, type Graph, type ValidationError } from '@bm/graph';
import { getNodeDefinition, maskSecretParams, nodeTypeLookup, restoreSecretParams, validateBotGraph } from '@bm/nodes';
import type { AppDeps } from '../deps';
import { apiError, type ErrorKey } from './errors';
import { requireFeature } from './plans';

/**
 * 422 details of validation issues. Each names its catalogue key: the error handler renders its
 * message in the caller's language and keeps key and params beside it (a client may render them).
 */
export const issueDetails = (errors: ValidationError[]) =>
  errors.map((e) => ({ nodeId: e.nodeId, edgeId: e.edgeId, param: e.param, code: e.code, key: e.key as ErrorKey, params: e.params }));

/**
 * Parses and validates a graph for saving or running; an invalid graph is 422 with
 * `error.details: [{ nodeId?, message }]` naming each node and reason.
 */
export async function validGraphOr422(
  deps: AppDeps,
  raw: unknown,
  c: { userId: string; workspaceId: string; botConnectionId: string | null; botId?: string },
): Promise<Graph> {
  const parsed = GraphSchema.safeParse(raw);
  if (!parsed.success) {
    // The same shape issues (keyed, in the caller's language) that validateGraph reports.
    const details = issueDetails(validateGraph(raw, nodeTypeLookup).errors);
    const first = details[0];
    throw apiError(422, 'INVALID_GRAPH', {
      key: 'INVALID_GRAPH.malformed',
      params: { first: first ? { key: first.key, params: first.params } : '' },
      details,
    });
  }
  const result = await validateBotGraph(parsed.data, {
    repos: deps.services.repos,
    maxNodes: deps.services.config.maxNodes,
    ...c,
  });
  if (!result.ok) {
    const details = issueDetails(result.errors);
    const first = details[0]!;
    throw apiError(422, 'INVALID_GRAPH', {
      key: 'INVALID_GRAPH.problems',
      params: { first: { key: first.key, params: first.params }, more: details.length - 1 },
      details,
    });
  }
  return parsed.data;
}

/**
 * What a save stores: secret params sent back masked keep their stored value (they are write-only,
 * see storedGraph); literal credentials typed into params move into workspace secrets (replaced by
 * `{{ secrets.NAME }}`); then the graph is validated. If it is refused, the secrets it just created
 * are removed again: a refused save leaves nothing behind.
 */
export async function savableGraph(
  deps: AppDeps,
  raw: unknown,
  c: { userId: string; workspaceId: string; botConnectionId: string | null; botId?: string },
  stored?: unknown,
): Promise<Graph> {
  const { repos, keyRing } = deps.services;
  let incoming = raw;
  const parsed = GraphSchema.safeParse(raw);
  if (parsed.success) {
    const previous = stored === undefined ? undefined : GraphSchema.safeParse(stored);
    const { graph, unresolved } = restoreSecretParams(parsed.data, previous?.success ? previous.data : undefined);
    if (unresolved.length) {
      const details = unresolved.map((u) => ({
        nodeId: u.nodeId,
        param: u.param,
        code: 'SECRET_PARAM_MISSING',
        key: 'INVALID_GRAPH.secretParamMissing' as const,
        params: u,
      }));
      throw apiError(422, 'INVALID_GRAPH', { key: 'INVALID_GRAPH.secretParamMissing', params: unresolved[0]!, details });
    }
    incoming = graph;
  }
  const moved = await moveCredentialsToSecrets(repos, keyRing, { workspaceId: c.workspaceId, userId: c.userId, graph: incoming });
  try {
    const graph = await validGraphOr422(deps, moved.graph, c);
    await requireGraphFeatures(deps, c.workspaceId, graph);
    return graph;
  } catch (err) {
    for (const s of moved.created) await repos.secrets.delete(s.id).catch(() => {});
    throw err;
  }
}
/** Plan features a graph uses: a flow.approval node (its definition's `control`) needs `approvals`. */
async function requireGraphFeatures(deps: AppDeps, workspaceId: string, graph: Graph) {
  const approval = graph.nodes.some((n) => getNodeDefinition(n.type, n.version ?? 1)?.control === 'approval');
  if (approval) await requireFeature(deps, workspaceId, 'approvals');
}

/**
 * A graph as every answer shows it: stored JSON (it passed validGraphOr422 when saved; the response
 * schema checks it again) with the values of secret params masked — they are write-only, for
 * everyone (a Slack incoming-webhook URL is itself the credential).
 */
export const storedGraph = (json: unknown) => maskSecretParams(json as Graph) as unknown as GraphInput;
