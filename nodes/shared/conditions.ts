import { compileLinearRegex, type LinearPattern } from './regex';

export const OPERATORS = [
  'equals',
  'notEquals',
  'contains',
  'notContains',
  'startsWith',
  'endsWith',
  'gt',
  'gte',
  'lt',
  'lte',
  'exists',
  'notExists',
  'isEmpty',
  'isNotEmpty',
  'regex',
] as const;
export type Operator = (typeof OPERATORS)[number];

export const UNARY: ReadonlySet<Operator> = new Set(['exists', 'notExists', 'isEmpty', 'isNotEmpty']);

/** Regexes run in linear time (shared/regex.ts); the text they see is capped all the same. */
const MAX_REGEX_INPUT = 100_000;

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function toTime(v: unknown): number | undefined {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(v)) return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

function asText(v: unknown, caseSensitive: boolean): string {
  const s = typeof v === 'string' ? v : v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return caseSensitive ? s : s.toLowerCase();
}

function equal(a: unknown, b: unknown, caseSensitive: boolean): boolean {
  const na = toNumber(a);
  const nb = toNumber(b);
  if (na !== undefined && nb !== undefined && (typeof a === 'number' || typeof b === 'number')) return na === nb;
  if (typeof a === 'boolean' || typeof b === 'boolean') return String(a) === String(b);
  if (a === null || b === null) return a === b || asText(a, true) === asText(b, true);
  return asText(a, caseSensitive) === asText(b, caseSensitive);
}

/** Numbers compare as numbers, ISO dates as times; anything else does not match. */
function order(a: unknown, b: unknown): number | undefined {
  const na = toNumber(a);
  const nb = toNumber(b);
  if (na !== undefined && nb !== undefined) return na - nb;
  const ta = toTime(a);
  const tb = toTime(b);
  if (ta !== undefined && tb !== undefined) return ta - tb;
  return undefined;
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}

/**
 * Compiles the "regex" operator's pattern on the linear-time engine. Invalid or unsupported patterns
 * (backreferences, lookaround) fail with a non-retryable INVALID_PARAMS NodeError saying so.
 */
export function compileRegex(pattern: string, caseSensitive: boolean): LinearPattern {
  return compileLinearRegex(pattern, { ignoreCase: !caseSensitive }, 'Parameter "value"');
}

/** Does `actual` (the item's field) satisfy `operator value`? */
export function matches(
  actual: unknown,
  operator: Operator,
  value: unknown,
  opts: { caseSensitive: boolean; regex?: LinearPattern },
): boolean {
  const cs = opts.caseSensitive;
  switch (operator) {
    case 'exists':
      return actual !== undefined && actual !== null;
    case 'notExists':
      return actual === undefined || actual === null;
    case 'isEmpty':
      return isEmpty(actual);
    case 'isNotEmpty':
      return !isEmpty(actual);
    case 'equals':
      return equal(actual, value, cs);
    case 'notEquals':
      return !equal(actual, value, cs);
    case 'contains':
    case 'notContains': {
      const found = Array.isArray(actual)
        ? actual.some((el) => equal(el, value, cs))
        : actual !== undefined && actual !== null && asText(actual, cs).includes(asText(value, cs));
      return operator === 'contains' ? found : !found;
    }
    case 'startsWith':
      return typeof actual === 'string' && asText(actual, cs).startsWith(asText(value, cs));
    case 'endsWith':
      return typeof actual === 'string' && asText(actual, cs).endsWith(asText(value, cs));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const d = order(actual, value);
      if (d === undefined) return false;
      return operator === 'gt' ? d > 0 : operator === 'gte' ? d >= 0 : operator === 'lt' ? d < 0 : d <= 0;
    }
    case 'regex':
      if (actual === undefined || actual === null) return false;
      return (opts.regex ?? compileRegex(asText(value, true), cs)).test(asText(actual, true).slice(0, MAX_REGEX_INPUT));
  }
}
