import type { z } from 'zod';
import { formatPath, getAtPath, type PathSegment } from './paths';

export interface ParamIssue {
  /** `headers.Authorization`, `items[0]`, or '' for the params object itself. */
  path: string;
  /** True when the param is absent (not merely wrong). */
  missing: boolean;
  message: string;
}

/** Turns zod issues on a params object into one readable line per problem. */
export function describeParamIssues(error: z.ZodError, params: unknown): ParamIssue[] {
  return error.issues.map((issue) => {
    const segs = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    const path = formatPath(segs);
    const value = segs.length === 0 ? params : getAtPath(params, segs);
    const missing = value === undefined && issue.code === 'invalid_type';
    return { path, missing, message: missing ? 'is required' : cleanMessage(issue.message) };
  });
}

/** zod 4 says "Invalid input: expected string, received number"; keep the useful half. */
export function cleanMessage(message: string): string {
  return message.replace(/^Invalid (input|option): /, '');
}

/** Custom messages phrased as a predicate ("must be a URL") read on from the param name. */
const PREDICATE = /^(is|are|must|needs?|cannot|has|should)\b/;

/**
 * `parameter "url" is required` / `parameter "url" must be an http(s) URL` /
 * `parameter "timeoutMs": expected number, received string`.
 */
export function formatParamIssue(issue: ParamIssue): string {
  if (issue.path === '') return `parameters: ${issue.message}`;
  if (issue.missing) return `parameter "${issue.path}" is required`;
  const sep = PREDICATE.test(issue.message) ? ' ' : ': ';
  return `parameter "${issue.path}"${sep}${issue.message}`;
}
