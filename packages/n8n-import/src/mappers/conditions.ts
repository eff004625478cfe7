import { asString, list, obj, type BuildContext } from '../plan';
import type { N8nNode } from '../workflow';

/**
 * One n8n comparison in the shape of n8n's filter parameter (IF v2, Switch v3): `type` is the
 * value type (string, number, dateTime, boolean, array, object), `op` its operation. IF v1 and
 * Switch v1/v2 rules are read into the same shape (their "equal" is "equals", "larger" is "gt"…).
 */
export interface N8nComparison {
  left: unknown;
  right: unknown;
  type: string;
  op: string;
}

export interface ConditionSet {
  comparisons: N8nComparison[];
  combinator: 'and' | 'or';
  caseSensitive: boolean;
}

/** Our condition fields (flow.if, one flow.switch case): the condition editor's, or JSONata. */
export type ConditionParams =
  { mode: 'condition'; field: string; operator: string; value?: string; caseSensitive: boolean } | { mode: 'jsonata'; expression: string };

/** IF v1 / Switch v1–v2 operation names → the filter parameter's. */
const V1_OPS: Record<string, string> = {
  equal: 'equals',
  notEqual: 'notEquals',
  smaller: 'lt',
  smallerEqual: 'lte',
  larger: 'gt',
  largerEqual: 'gte',
  isEmpty: 'empty',
  isNotEmpty: 'notEmpty',
};
export const v1Op = (op: string | undefined, fallback: string) => V1_OPS[op ?? ''] ?? op ?? fallback;

/** The filter parameter's value (IF v2+, a Switch v3 rule) as a condition set. */
export function filterConditions(value: unknown, ignoreCase = false): ConditionSet {
  const c = obj(value);
  const options = obj(c.options);
  return {
    comparisons: list(c.conditions).map((x) => ({
      left: x.leftValue,
      right: x.rightValue,
      type: asString(obj(x.operator).type) ?? 'string',
      op: asString(obj(x.operator).operation) ?? 'equals',
    })),
    combinator: asString(c.combinator) === 'or' ? 'or' : 'and',
    caseSensitive: !ignoreCase && options.caseSensitive !== false,
  };
}

/** IF v1: lists of comparisons per value type, all or any of them (v1 compares text exactly). */
export function ifV1Conditions(node: N8nNode): ConditionSet {
  const c = obj(node.parameters.conditions);
  const comparisons = ['string', 'number', 'boolean', 'dateTime'].flatMap((type) =>
    list(c[type]).map((x) => ({
      left: x.value1,
      right: x.value2,
      type,
      op: v1Op(asString(x.operation), type === 'dateTime' ? 'after' : type === 'string' || type === 'boolean' ? 'equals' : 'lt'),
    })),
  );
  return { comparisons, combinator: asString(node.parameters.combineOperation) === 'any' ? 'or' : 'and', caseSensitive: true };
}

/** Operations the condition editor has as they are (on the node's own input). */
const DIRECT: Record<string, Record<string, string>> = {
  string: {
    equals: 'equals',
    notEquals: 'notEquals',
    contains: 'contains',
    notContains: 'notContains',
    startsWith: 'startsWith',
    endsWith: 'endsWith',
    exists: 'exists',
    notExists: 'notExists',
    empty: 'isEmpty',
    notEmpty: 'isNotEmpty',
  },
  number: {
    equals: 'equals',
    notEquals: 'notEquals',
    gt: 'gt',
    gte: 'gte',
    lt: 'lt',
    lte: 'lte',
    exists: 'exists',
    notExists: 'notExists',
    empty: 'isEmpty',
    notEmpty: 'isNotEmpty',
  },
  // Our ordering compares ISO dates as times.
  dateTime: { after: 'gt', before: 'lt', afterOrEquals: 'gte', beforeOrEquals: 'lte', exists: 'exists', notExists: 'notExists' },
  boolean: { exists: 'exists', notExists: 'notExists' },
  array: { exists: 'exists', notExists: 'notExists', empty: 'isEmpty', notEmpty: 'isNotEmpty' },
  object: { exists: 'exists', notExists: 'notExists', empty: 'isEmpty', notEmpty: 'isNotEmpty' },
};
const UNARY = new Set(['exists', 'notExists', 'empty', 'notEmpty', 'true', 'false']);

/** `{{ X.length }}` (JavaScript's length of a text or list): X and the length flag. */
function lengthOf(value: unknown): { value: unknown; length: boolean } {
  if (typeof value !== 'string') return { value, length: false };
  const m = /^=\s*\{\{\s*([^]*?)\.length\s*\}\}\s*$/.exec(value);
  return m ? { value: `={{ ${m[1]} }}`, length: true } : { value, length: false };
}

const lengthExpr = (x: string) => `($type(${x}) = "array" ? $count(${x}) : $length($string(${x})))`;
const emptyExpr = (x: string) =>
  `($not($exists(${x})) or ${x} = null or ${x} = "" or ($type(${x}) = "array" and $count(${x}) = 0) or ($type(${x}) = "object" and $count($keys(${x})) = 0))`;

/** An n8n regex value ("/^a.c$/i" or "^a.c$") as a JSONata regex literal, or null when it is an expression. */
function regexLiteral(value: unknown, caseSensitive: boolean): string | null {
  if (typeof value !== 'string' || value.startsWith('=')) return null;
  const m = /^\/([^]*)\/([gimsuy]*)$/.exec(value);
  const pattern = (m ? m[1]! : value).replace(/(^|[^\\])\//g, '$1\\/');
  const flags = new Set((m?.[2] ?? '').split('').filter((f) => f === 'i' || f === 'm'));
  if (!caseSensitive) flags.add('i');
  return `/${pattern}/${[...flags].join('')}`;
}

/** One comparison as JSONata over the node's input (`$`), or null when it has no equivalent here. */
function comparisonJsonata(b: BuildContext, c: N8nComparison, caseSensitive: boolean, param: string): string | null {
  const left = lengthOf(c.left);
  const rawL = b.jsonata(left.value, `${param}.leftValue`);
  const L = left.length ? lengthExpr(rawL) : rawL;
  const R = UNARY.has(c.op) ? '' : b.jsonata(c.right, `${param}.rightValue`);
  const text = (x: string) => (caseSensitive ? `$string(${x})` : `$lowercase($string(${x}))`);
  const not = (x: string | null) => (x === null ? null : `$not(${x})`);
  const type = left.length ? 'number' : c.type;
  switch (c.op) {
    case 'exists':
      return `$exists(${L})`;
    case 'notExists':
      return `$not($exists(${L}))`;
    case 'empty':
      return emptyExpr(L);
    case 'notEmpty':
      return `$not(${emptyExpr(L)})`;
    case 'true':
      return `${L} = true`;
    case 'false':
      return `${L} = false`;
  }
  if (type === 'number' || type === 'dateTime') {
    const num = (x: string) => (type === 'number' ? `$number(${x})` : `$toMillis(${x})`);
    const cmp = {
      equals: '=',
      notEquals: '!=',
      gt: '>',
      gte: '>=',
      lt: '<',
      lte: '<=',
      after: '>',
      before: '<',
      afterOrEquals: '>=',
      beforeOrEquals: '<=',
    }[c.op];
    return cmp ? `${num(L)} ${cmp} ${num(R)}` : null;
  }
  if (type === 'boolean') return c.op === 'equals' ? `${L} = ${R}` : c.op === 'notEquals' ? `${L} != ${R}` : null;
  if (type === 'array') {
    const n = { lengthEquals: '=', lengthNotEquals: '!=', lengthGt: '>', lengthGte: '>=', lengthLt: '<', lengthLte: '<=' }[c.op];
    if (n) return `$count(${L}) ${n} $number(${R})`;
    if (c.op === 'contains') return `${R} in ${L}`;
    if (c.op === 'notContains') return `$not(${R} in ${L})`;
    return null;
  }
  if (type !== 'string') return null;
  const sl = text(L);
  const sr = text(R);
  switch (c.op) {
    case 'equals':
      return `${sl} = ${sr}`;
    case 'notEquals':
      return `${sl} != ${sr}`;
    case 'contains':
      return `$contains(${sl}, ${sr})`;
    case 'notContains':
      return `$not($contains(${sl}, ${sr}))`;
    case 'startsWith':
      return `$substring(${sl}, 0, $length(${sr})) = ${sr}`;
    case 'notStartsWith':
      return `$not($substring(${sl}, 0, $length(${sr})) = ${sr})`;
    case 'endsWith':
      return `($length(${sr}) = 0 or $substring(${sl}, -$length(${sr})) = ${sr})`;
    case 'notEndsWith':
      return `$not($length(${sr}) = 0 or $substring(${sl}, -$length(${sr})) = ${sr})`;
    case 'regex':
    case 'notRegex': {
      const re = regexLiteral(c.right, caseSensitive);
      const test = re === null ? null : `$contains($string(${L}), ${re})`;
      return c.op === 'regex' ? test : not(test);
    }
  }
  return null;
}

/** The condition in words, for reports: `{{ $json.status }} equals 200`. */
export function describeComparison(c: N8nComparison): string {
  const short = (v: unknown) => {
    const s = typeof v === 'string' ? v.replace(/^=/, '') : JSON.stringify(v ?? '');
    return s.length > 80 ? `${s.slice(0, 80)}…` : s;
  };
  return `${short(c.left)} ${c.op}${UNARY.has(c.op) ? '' : ` ${short(c.right)}`}`;
}

export function describeConditions(set: ConditionSet): string {
  return set.comparisons.map(describeComparison).join(set.combinator === 'or' ? ' or ' : ' and ');
}

/**
 * n8n conditions as ours: one comparison of a field of the node's input with an operator the
 * condition editor has → that (the editor shows it as n8n did); anything else → one equivalent
 * JSONata expression. A comparison with no equivalent is reported, and the expression is `false`
 * with the n8n condition in a comment, so the bot validates and the reader sees what to write.
 */
export function toCondition(b: BuildContext, set: ConditionSet, param: string): ConditionParams {
  const [only] = set.comparisons;
  if (set.comparisons.length === 1 && only) {
    const operator = DIRECT[only.type]?.[only.op];
    const field = lengthOf(only.left).length ? undefined : b.inputField(only.left);
    const literal = only.right === undefined || only.right === null || typeof only.right !== 'object';
    if (operator && field !== undefined && literal) {
      const unary = UNARY.has(only.op);
      return {
        mode: 'condition',
        field,
        operator,
        ...(unary ? {} : { value: b.text(only.right ?? '', `${param}.rightValue`) }),
        caseSensitive: set.caseSensitive,
      };
    }
  }
  if (set.comparisons.length === 0) {
    b.report('The node has no conditions; here it always takes the "true" way (n8n does the same with an empty condition list).', param);
    return { mode: 'jsonata', expression: 'true' };
  }
  const parts = set.comparisons.map((c) => {
    const expr = comparisonJsonata(b, c, set.caseSensitive, param);
    if (expr === null) {
      b.report(
        `The condition ${describeComparison(c)} (${c.type} "${c.op}") has no equivalent here; it became false in the JSONata expression, with the n8n condition in a comment: write it there.`,
        param,
      );
      return `false /* n8n: ${describeComparison(c).replace(/\*\//g, '* /')} */`;
    }
    return expr;
  });
  const joiner = set.combinator === 'or' ? ' or ' : ' and ';
  return { mode: 'jsonata', expression: parts.length === 1 ? parts[0]! : parts.map((p) => `(${p})`).join(joiner) };
}
