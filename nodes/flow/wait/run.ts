import { MAX_WAIT_MS, parseDuration } from '../../shared/duration';
import { primaryInput } from '../../shared/items';
import { nodeError } from '../../messages';
import { flowResult, type FlowResult, type NodeInputs } from '../../types';
import type { Params } from './definition';

export async function run(params: Params, inputs: NodeInputs): Promise<FlowResult<unknown>> {
  const now = Date.now();
  let untilMs: number;
  if (params.mode === 'until') {
    const text = String(params.until ?? '').trim();
    untilMs = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : Number.NaN;
    if (Number.isNaN(untilMs))
      throw nodeError('INVALID_PARAMS', 'node.WAIT_INVALID_DATE', { value: text.slice(0, 80) }, { retryable: false });
    if (untilMs - now > MAX_WAIT_MS)
      throw nodeError('INVALID_PARAMS', 'node.WAIT_TOO_LONG', { value: text.slice(0, 80) }, { retryable: false });
  } else untilMs = now + (parseDuration(params.duration) ?? 0);
  return flowResult(primaryInput(inputs) ?? null, { request: { kind: 'wait', untilMs } });
}
