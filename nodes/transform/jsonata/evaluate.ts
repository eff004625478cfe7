import jsonata from 'jsonata';
import { NodeError } from '../../errors';
import { LinearRegExp } from '../../shared/regex';
import { guardBuiltins } from './guards';

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
  // Our own errors (an unsupported regex) keep their code; JSONata only adds a position to them.
  if (err instanceof NodeError) return new NodeError(err.code, `${what}${at}: ${err.message}`, { retryable: err.retryable, cause: err });
  const limit = e.code === 'D1011' || e.code === 'D1012' || e.code === 'D2015';
  const why = e.message ?? String(err);
  return new NodeError(limit ? 'JSONATA_LIMIT' : 'JSONATA_ERROR', `${what}${at}: ${why}${e.code ? ` (${e.code})` : ''}`, {
    cause: err instanceof Error ? err : undefined,
  });
}

/**
 * JSONata's regex literals (`$match`, `$replace`, `$split`, `$contains`, …) run on the linear-time
 * engine: its `timeout` is only checked between evaluation steps, so one backtracking `RegExp` call
 * could block the process indefinitely. JSONata types the option as `RegExpConstructor`, although it
 * only constructs the object and uses `lastIndex` and `exec` (see LinearRegExp).
 */
const RegexEngine = LinearRegExp as unknown as RegExpConstructor;

interface RegexNode {
  type: 'regex';
  value: RegExp;
  position?: number;
}

/** The regex literals of a parsed expression (the AST is plain objects and arrays). */
function regexLiterals(node: unknown, found: RegexNode[] = [], seen = new Set<object>()): RegexNode[] {
  if (typeof node !== 'object' || node === null || seen.has(node) || node instanceof RegExp) return found;
  seen.add(node);
  const n = node as Partial<RegexNode>;
  if (n.type === 'regex' && n.value instanceof RegExp) found.push(n as RegexNode);
  for (const child of Object.values(node)) regexLiterals(child, found, seen);
  return found;
}

/** Throws (a NodeError) for the first regex literal the linear-time engine cannot run. */
function checkRegexLiterals(expr: ReturnType<typeof jsonata>): void {
  for (const literal of regexLiterals(expr.ast())) {
    try {
      new LinearRegExp(literal.value);
    } catch (err) {
      if (err instanceof NodeError && typeof literal.position === 'number') Object.assign(err, { position: literal.position });
      throw err;
    }
  }
}

const compiledOptions = new WeakMap<object, { options: { timeout: number }; timeoutMs: number }>();

/** Compiles once; throws a NodeError naming the syntax problem (or an unsupported regex literal). */
export function compileJsonata(expression: string, limits: { timeoutMs?: number; maxDepth?: number } = {}) {
  let expr: ReturnType<typeof jsonata>;
  const timeoutMs = limits.timeoutMs ?? JSONATA_LIMITS.timeoutMs;
  // JSONata reads `options.timeout` when it checks its guardrails, so a deadline can lower it per call.
  const options = {
    timeout: timeoutMs,
    stack: limits.maxDepth ?? JSONATA_LIMITS.maxDepth,
    sequence: JSONATA_LIMITS.maxSequence,
    RegexEngine,
  };
  try {
    expr = jsonata(expression, options);
    compiledOptions.set(expr, { options, timeoutMs });
  } catch (err) {
    throw failure(err, 'JSONATA syntax error');
  }
  try {
    checkRegexLiterals(expr);
  } catch (err) {
    throw failure(err, 'JSONata expression');
  }
  // Built-ins that allocate from a size the expression controls, in a single step (see guards.ts).
  guardBuiltins(expr);
  return expr;
}

/** A syntax check usable in a zod refinement: the error message, or undefined when it compiles. */
export function jsonataSyntaxError(expression: string): string | undefined {
  try {
    checkRegexLiterals(jsonata(expression));
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
  budget?: { deadline: number; what: string },
): Promise<unknown> {
  const compiled = compiledOptions.get(expr);
  if (budget && compiled) {
    // A time budget shared by several evaluations: each may run for what is left of it.
    const remaining = budget.deadline - Date.now();
    if (remaining <= 0) throw budgetSpent(budget.what);
    compiled.options.timeout = Math.min(compiled.timeoutMs, remaining);
  }
  try {
    return await expr.evaluate(data, bindings);
  } catch (err) {
    if (budget && (err as JsonataFailure | undefined)?.code === 'D1012' && Date.now() >= budget.deadline)
      throw budgetSpent(budget.what, err);
    throw failure(err, 'JSONata evaluation failed');
  } finally {
    if (compiled) compiled.options.timeout = compiled.timeoutMs;
  }
}

function budgetSpent(what: string, cause?: unknown): NodeError {
  return new NodeError('JSONATA_LIMIT', `JSONata evaluation stopped: ${what} was used up`, { cause });
}

/** JSONata results may be internal "sequences" or hold functions: keep plain JSON only. */
export function toPlainJson(value: unknown): unknown {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  return text === undefined ? null : JSON.parse(text);
}
