import { humanizeKey } from './schema-form/schema-fields';

export type IssueView = {
  /** The param the issue is about, when it names one. */
  param?: string;
  /** A sentence for a person, without the node id and type the server prefixes. */
  text: string;
};

// zod's wording for the common cases, as a person would say it.
const REWRITES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Too small: expected string to have >=1 characters?\.?$/i, () => 'is required.'],
  [/^Invalid input: expected \w+, received undefined\.?$/i, () => 'is required.'],
  [/^Too small: expected number to be >=?(-?[\d.]+)\.?$/i, (m) => `must be at least ${m[1]}.`],
  [/^Too big: expected number to be <=?(-?[\d.]+)\.?$/i, (m) => `must be at most ${m[1]}.`],
  [/^Too big: expected string to have <=?([\d]+) characters?\.?$/i, (m) => `must be at most ${m[1]} characters.`],
];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Turns a validation message of the API (`"chat_x" (llm.chat): parameter "prompt": …`) into an IssueView. */
export function describeIssue(message: string): IssueView {
  // `"<id>" (<type>)` then ": " or a verb ("has no LLM connection").
  let rest = message.replace(/^"[^"]+" \([^)]+\)(: |\s)/, (_m, sep: string) => (sep === ': ' ? '' : 'This node '));
  const param = /^parameter "([^"]+)"(?::\s*|\s+)(.*)$/s.exec(rest);
  if (!param) return { text: capitalise(rest) };
  const key = param[1]!;
  rest = param[2]!.trim();
  for (const [re, to] of REWRITES) {
    const m = re.exec(rest);
    if (m) {
      rest = to(m);
      break;
    }
  }
  const label = humanizeKey(key);
  const text = /^(is|must|should|has|cannot|needs)\b/.test(rest) ? `${label} ${rest}` : `${label}: ${capitalise(rest)}`;
  return { param: key, text };
}
