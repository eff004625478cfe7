import { primaryInput } from '../../shared/items';
import { nodeError } from '../../messages';
import type { NodeContext, NodeInputs } from '../../types';
import type { Params } from './definition';
import { headerProblem, NO_BODY_STATUSES } from './headers';

export interface RespondOutput {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

function bodyOf(params: Params, inputs: NodeInputs): unknown {
  const b: unknown = params.body;
  if (b === undefined || b === '') return primaryInput(inputs) ?? null;
  // Typed into the text area, JSON is meant as JSON (as output.webhook's payload).
  if (typeof b === 'string' && /^\s*[[{]/.test(b)) {
    try {
      return JSON.parse(b);
    } catch {
      return b;
    }
  }
  return b;
}

/** The headers as the answer sends them; one {{ expression }} may have produced any value, so it is checked here. */
function headersOf(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
    throw nodeError('INVALID_PARAMS', 'node.INVALID_PARAMS.headersObject', { param: 'headers', kind });
  }
  const problem = headerProblem(value as Record<string, unknown>);
  if (problem) throw nodeError('INVALID_PARAMS', `node.INVALID_PARAMS.${problem.kind}`, { param: 'headers', header: problem.header });
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === null || v === undefined) continue;
    out[name.toLowerCase()] = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}

/** Does no I/O: the output is the answer, which the webhook route reads from the run's records. */
export async function run(params: Params, inputs: NodeInputs, _ctx: NodeContext): Promise<RespondOutput> {
  const headers = headersOf(params.headers);
  return { status: params.status, headers, body: NO_BODY_STATUSES.has(params.status) ? null : bodyOf(params, inputs) };
}
