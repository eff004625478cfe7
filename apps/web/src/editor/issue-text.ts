import type { ApiErrorDetail } from '../api/api-error';
import { i18n, t } from '../i18n/i18n';
import { humanizeKey } from './schema-form/schema-fields';

export type IssueView = {
  /** The param the issue is about, when it names one. */
  param?: string;
  /** A sentence for a person, without the node id and type the server prefixes. */
  text: string;
};

type Rewrite = (label: string, m: RegExpMatchArray) => string;

// zod's wording for the common cases, as a person would say it, in the user's language.
const REWRITES: [RegExp, Rewrite][] = [
  [/^Too small: expected string to have >=1 characters?\.?$/i, (label) => t('editor:issues.required', { label })],
  [/^Invalid input: expected \w+, received undefined\.?$/i, (label) => t('editor:issues.required', { label })],
  [/^is required\.?$/i, (label) => t('editor:issues.required', { label })],
  [/^Too small: expected number to be >=?(-?[\d.]+)\.?$/i, (label, m) => t('editor:issues.atLeast', { label, min: m[1] })],
  [/^Too big: expected number to be <=?(-?[\d.]+)\.?$/i, (label, m) => t('editor:issues.atMost', { label, max: m[1] })],
  [/^Too big: expected string to have <=?([\d]+) characters?\.?$/i, (label, m) => t('editor:issues.atMostChars', { label, max: m[1] })],
];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Turns a validation message of the API (`"chat_x" (llm.chat): parameter "prompt": …`) into an
 * IssueView. Known zod phrasings are rewritten from the catalogue; anything else is the server's
 * own text (localized by the server once it speaks the request's language).
 */
export function describeIssue(message: string): IssueView {
  // `"<id>" (<type>)` then ": " or a verb ("has no LLM connection").
  let rest = message.replace(/^"[^"]+" \([^)]+\)(: |\s)/, (_m, sep: string) => (sep === ': ' ? '' : 'This node '));
  const param = /^parameter "([^"]+)"(?::\s*|\s+)(.*)$/s.exec(rest);
  if (!param) return { text: capitalise(rest) };
  const key = param[1]!;
  rest = param[2]!.trim();
  const label = humanizeKey(key);
  for (const [re, to] of REWRITES) {
    const m = re.exec(rest);
    if (m) return { param: key, text: to(label, m) };
  }
  const text = /^(is|must|should|has|cannot|needs)\b/.test(rest) ? `${label} ${rest}` : `${label}: ${capitalise(rest)}`;
  return { param: key, text };
}

/**
 * One issue of a 422 answer as the panel shows it, in the user's current language. Issues name
 * their catalogue key and params (errors:graph.*): they render here with `t`, so they follow a
 * language switch too, and the node the issue is about is called by its title on the canvas
 * (`nodeTitle`) rather than by id and type. An answer without a key (an older server) shows the
 * server's sentence as describeIssue reads it; `namesNode` says whether the text names the node.
 */
export function issueText(issue: ApiErrorDetail, nodeTitle?: string): { text: string; namesNode: boolean } {
  const { key, params } = issue;
  if (typeof key === 'string' && i18n.exists(`errors:${key}`)) {
    const values: Record<string, string | number> = { ...(params ?? {}) };
    const namesNode = typeof values.node === 'string';
    if (namesNode && nodeTitle) values.node = `"${nodeTitle}"`;
    return { text: (t as unknown as (k: string, o: object) => string)(`errors:${key}`, values), namesNode };
  }
  return { text: describeIssue(issue.message).text, namesNode: false };
}

/** Field-level wording of the param issues the inspector shows under a field (label = the field's name). */
const FIELD_KEYS: Record<string, (label: string, p: Record<string, string | number>) => string> = {
  'graph.MISSING_PARAM': (label) => t('editor:issues.required', { label }),
  'graph.INVALID_PARAM.empty': (label) => t('editor:issues.required', { label }),
  'graph.INVALID_PARAM.min': (label, p) => t('editor:issues.atLeast', { label, min: p.limit }),
  'graph.INVALID_PARAM.max': (label, p) => t('editor:issues.atMost', { label, max: p.limit }),
  'graph.INVALID_PARAM.maxLength': (label, p) => t('editor:issues.atMostChars', { label, max: p.limit }),
};

/**
 * An issue as the inspector shows it under the field it names: the param (from the server's
 * `param`, else read from an older server's sentence) and a short text in the user's language.
 */
export function fieldIssue(issue: ApiErrorDetail, nodeTitle?: string): IssueView {
  if (typeof issue.key !== 'string') return describeIssue(issue.message);
  const param = issue.param || undefined;
  const short = FIELD_KEYS[issue.key];
  if (param && short) return { param, text: short(humanizeKey(param), issue.params ?? {}) };
  return { ...(param ? { param } : {}), text: issueText(issue, nodeTitle).text };
}
