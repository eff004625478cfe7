import type { z } from 'zod';
import { GRAPH_MESSAGES, type GraphMessageKey, type MessageParams } from './messages';
import { formatPath, getAtPath, type PathSegment } from './paths';

export interface ParamIssue {
  /** `headers.Authorization`, `items[0]`, or '' for the params object itself. */
  path: string;
  /** True when the param is absent (not merely wrong). */
  missing: boolean;
  /** zod's reason in English ("is required", "expected string, received number"). */
  message: string;
  /** The reason as a catalogue message (GRAPH_MESSAGES) and its arguments besides `node` and `param`. */
  reason: GraphMessageKey;
  args: MessageParams;
}

/** zod 4 says "Invalid input: expected string, received number"; keep the useful half. */
export function cleanMessage(message: string): string {
  return message.replace(/^Invalid (input|option): /, '');
}

/** Custom messages phrased as a predicate ("must be a URL") read on from the param name. */
const PREDICATE = /^(is|are|must|needs?|cannot|has|should)\b/;

type Issue = z.core.$ZodIssue;

/** The JSON kind of a value, in zod's words ("received number"). */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}

const quoteAll = (values: readonly unknown[]) => values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v)));

/**
 * The reason of one zod issue as a message key with arguments, so that it reads the same in every
 * language. zod's own English survives only for what a node definition wrote itself (a refinement).
 */
function reasonOf(issue: Issue, value: unknown, missing: boolean, root: boolean): { reason: GraphMessageKey; args: MessageParams } {
  if (missing) return { reason: 'MISSING_PARAM', args: {} };
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return { reason: 'INVALID_PARAM.integer', args: {} };
      return { reason: 'INVALID_PARAM.type', args: { expected: issue.expected, received: kindOf(value) } };
    case 'too_small': {
      const limit = Number(issue.minimum);
      if (issue.origin === 'string')
        return limit <= 1 ? { reason: 'INVALID_PARAM.empty', args: {} } : { reason: 'INVALID_PARAM.minLength', args: { limit } };
      if (issue.origin === 'array' || issue.origin === 'set') return { reason: 'INVALID_PARAM.minItems', args: { limit } };
      return { reason: issue.inclusive === false ? 'INVALID_PARAM.above' : 'INVALID_PARAM.min', args: { limit } };
    }
    case 'too_big': {
      const limit = Number(issue.maximum);
      if (issue.origin === 'string') return { reason: 'INVALID_PARAM.maxLength', args: { limit } };
      if (issue.origin === 'array' || issue.origin === 'set') return { reason: 'INVALID_PARAM.maxItems', args: { limit } };
      return { reason: issue.inclusive === false ? 'INVALID_PARAM.below' : 'INVALID_PARAM.max', args: { limit } };
    }
    case 'invalid_value':
      return { reason: 'INVALID_PARAM.oneOf', args: { options: quoteAll(issue.values).join('|') } };
    case 'invalid_format':
      return { reason: 'INVALID_PARAM.format', args: { format: issue.format } };
    case 'unrecognized_keys':
      return {
        reason: root ? 'INVALID_PARAM.unknownParams' : 'INVALID_PARAM.unknownKeys',
        args: { keys: quoteAll(issue.keys).join(', ') },
      };
    case 'custom': {
      // A definition may name a shared message: `addIssue({ code: 'custom', params: { graphKey, …args } })`.
      const { graphKey, ...args } = (issue.params ?? {}) as { graphKey?: string } & MessageParams;
      if (graphKey && graphKey in GRAPH_MESSAGES) return { reason: graphKey as GraphMessageKey, args };
      break;
    }
  }
  const detail = cleanMessage(issue.message);
  if (root) return { reason: 'INVALID_PARAM.whole', args: { detail } };
  return { reason: PREDICATE.test(detail) ? 'INVALID_PARAM.predicate' : 'INVALID_PARAM.other', args: { detail } };
}

/** Turns zod issues on a params object into one problem each, with its reason by catalogue key. */
export function describeParamIssues(error: z.ZodError, params: unknown): ParamIssue[] {
  return error.issues.map((issue) => {
    const segs = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    const path = formatPath(segs);
    const value = segs.length === 0 ? params : getAtPath(params, segs);
    const missing = value === undefined && issue.code === 'invalid_type';
    const { reason, args } = reasonOf(issue, value, missing, path === '');
    return { path, missing, message: missing ? 'is required' : cleanMessage(issue.message), reason, args };
  });
}

/**
 * `parameter "url" is required` / `parameter "url" must be an http(s) URL` /
 * `parameter "timeoutMs": expected number, received string` (zod's English, for runtime errors).
 */
export function formatParamIssue(issue: Pick<ParamIssue, 'path' | 'missing' | 'message'>): string {
  if (issue.path === '') return `parameters: ${issue.message}`;
  if (issue.missing) return `parameter "${issue.path}" is required`;
  const sep = PREDICATE.test(issue.message) ? ' ' : ': ';
  return `parameter "${issue.path}"${sep}${issue.message}`;
}
