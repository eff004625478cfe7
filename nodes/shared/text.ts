import { compile, type HtmlToTextOptions } from 'html-to-text';

const SKIP = ['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'img', 'picture', 'video', 'audio'];

// Plain text for LLM prompts and messages: no line wrapping, no link targets or image alts in the
// prose, headings as written (html-to-text upper-cases them by default), bulleted lists.
const OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    ...SKIP.map((selector) => ({ selector, format: 'skip' })),
    { selector: 'a', options: { ignoreHref: true } },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'ul', options: { itemPrefix: '• ' } },
  ],
};
const convert = compile(OPTIONS);

/** HTML (a feed item's content, an article, a whole page) → readable plain text with paragraph breaks kept. */
export function htmlToText(html: string): string {
  return normalizeWhitespace(convert(html));
}

/** Collapses runs of spaces, keeps at most one blank line between paragraphs. */
export function normalizeWhitespace(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  return `${s.slice(0, max - 1).trimEnd()}…`;
}

/** Values as they appear in messages and results: strings as-is, the rest as indented JSON. */
export function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value, null, 2) ?? '';
  return String(value);
}
