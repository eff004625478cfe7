import jsonata from 'jsonata';
import { NodeError } from '../../errors';

export const JSONATA_LIMITS = { timeoutMs: 1000, maxDepth: 200, maxSequence: 100_000 };

interface JsonataFailure {
  code?: string;
  message?: string;
  position?: number;
  token?: string;
}

function failure(err: unknown, what: string): NodeError {
  const e = (err ?? {}) as JsonataFailure;
  const at = typeof e.position === 'number' ? ` at character ${e.position}` : '';
  const limit = e.code === 'D1011' || e.code === 'D1012' || e.code === 'D2015';
  const why = e.message ?? String(err);
  return new NodeError(limit ? 'JSONATA_LIMIT' : 'JSONATA_ERROR', `${what}${at}: ${why}${e.code ? ` (${e.code})` : ''}`, {
    cause: err instanceof Error ? err : undefined,
  });
}

/** Compiles once; throws a NodeError naming the syntax problem. */
export function compileJsonata(expression: string, limits: { timeoutMs?: number; maxDepth?: number } = {}) {
  try {
    return jsonata(expression, {
      timeout: limits.timeoutMs ?? JSONATA_LIMITS.timeoutMs,
      stack: limits.maxDepth ?? JSONATA_LIMITS.maxDepth,
      sequence: JSONATA_LIMITS.maxSequence,
    });
  } catch (err) {
    throw failure(err, 'JSONATA syntax error');
  }
}

/** A syntax check usable in a zod refinement: the error message, or undefined when it compiles. */
export function jsonataSyntaxError(expression: string): string | undefined {
  try {
    jsonata(expression);
    return undefined;
  } catch (err) {
    const e = err as JsonataFailure;
    return `${e.message ?? String(err)}${typeof e.position === 'number' ? ` (at character ${e.position})` : ''}`;
  }
}

/**
 * Evaluates with jsonata's guardrails (time, recursion depth, sequence length). JSONata has no I/O
 * and no access to JavaScript beyond what is bound, so the data and bindings are all it can see.
 */
export async function evaluateJsonata(
  expr: ReturnType<typeof jsonata>,
  data: unknown,
  bindings: Record<string, unknown>,
): Promise<unknown> {
  try {
    return await expr.evaluate(data, bindings);
  } catch (err) {
    throw failure(err, 'JSONata evaluation failed');
  }
}

/** JSONata results may be internal "sequences" or hold functions: keep plain JSON only. */
export function toPlainJson(value: unknown): unknown {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  return text === undefined ? null : JSON.parse(text);
}
