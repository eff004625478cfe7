import { describeParamIssues, ExpressionError, formatParamIssue, renderParams, type ExpressionScope, type NodeInputs } from '@bm/graph';
import { NodeError, toNodeError } from './errors';
import { isFlowResult, type FlowRequest, type NodeContext, type NodeDefinition } from './types';
import { nodeError } from './messages';

const NO_INPUTS: NodeInputs = { all: [], byNode: {}, byPort: {} };

export interface ExecuteResult<O = unknown> {
  output: O;
  /** The params the node ran with (templates rendered, defaults applied), as recorded (`recordParams`). May hold secrets. */
  params: unknown;
  /** The output ports it took (a branching node); absent: all of them. */
  ports?: string[];
  /** What a flow node asks the interpreter to do next. */
  request?: FlowRequest;
}

/**
 * Runs one node: renders the templates in its params against the scope, validates them with the
 * node's schema, then calls `run`. Every failure is a NodeError naming the node and the param.
 */
export async function executeNode<O>(
  def: NodeDefinition<any, O>,
  rawParams: Record<string, unknown>,
  scope: ExpressionScope,
  ctx: NodeContext,
  inputs: NodeInputs = NO_INPUTS,
): Promise<ExecuteResult<O>> {
  const who = { nodeId: ctx.nodeId, type: def.id };
  const literal = new Set(def.literalParams ?? []);
  const value = new Set(def.valueParams ?? []);
  let rendered: Record<string, unknown>;
  try {
    rendered = renderParams(rawParams, scope, {
      skip: (p) => p.length === 1 && literal.has(String(p[0])),
      asText: (p) => !value.has(String(p[0])),
    });
  } catch (err) {
    if (err instanceof ExpressionError) {
      throw nodeError('EXPRESSION_ERROR', 'node.EXPRESSION_ERROR', { ...who, detail: err.message }, { nodeId: ctx.nodeId, cause: err });
    }
    throw toNodeError(err, ctx.nodeId);
  }

  // A value param may now hold an object where the schema describes the (template) string the
  // editor shows: validate the template string there and hand the rendered value to run().
  const forCheck = { ...rendered };
  const typed: string[] = [];
  for (const key of value) {
    if (typeof rawParams[key] === 'string' && typeof rendered[key] !== 'string' && rendered[key] !== undefined) {
      forCheck[key] = rawParams[key];
      typed.push(key);
    }
  }
  const parsed = def.params.safeParse(forCheck);
  if (!parsed.success) {
    const issues = describeParamIssues(parsed.error, forCheck).map(formatParamIssue);
    throw nodeError('INVALID_PARAMS', 'node.INVALID_PARAMS.node', { ...who, detail: issues.join('; ') }, { nodeId: ctx.nodeId });
  }
  const params = parsed.data as Record<string, unknown>;
  for (const key of typed) params[key] = rendered[key];

  if (ctx.signal?.aborted) throw nodeError('CANCELLED', 'node.CANCELLED.node', who, { nodeId: ctx.nodeId });
  try {
    const result = await def.run(params, inputs, ctx);
    const recorded = def.recordParams ? def.recordParams(params) : params;
    if (isFlowResult(result)) return { output: result.output as O, params: recorded, ports: result.ports, request: result.request };
    return { output: result, params: recorded };
  } catch (err) {
    if (ctx.signal?.aborted && !(err instanceof NodeError && err.code !== 'CANCELLED')) {
      throw nodeError('CANCELLED', 'node.CANCELLED.node', who, { nodeId: ctx.nodeId, cause: err });
    }
    throw toNodeError(err, ctx.nodeId);
  }
}
