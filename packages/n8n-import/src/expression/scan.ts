/**
 * n8n parameter values: a string that starts with "=" is an expression, its text holding
 * `{{ javascript }}` parts (n8n's template syntax); any other value is literal.
 */
export type N8nPart = { kind: 'text'; text: string } | { kind: 'code'; code: string; source: string };

export function isN8nExpression(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('=');
}

/** End of the `{{ … }}` opened before `from`, skipping `}}` inside JavaScript strings; -1 if never closed. */
function closing(src: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < src.length; i += 1) {
    const c = src[i]!;
    if (quote) {
      if (c === '\\') i += 1;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '}' && src[i + 1] === '}') return i;
  }
  return -1;
}

/** Splits an expression (without its leading "=") into text and code parts. */
export function scanN8nTemplate(src: string): N8nPart[] {
  const parts: N8nPart[] = [];
  let text = '';
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) break;
    const end = closing(src, open + 2);
    if (end < 0) break;
    text += src.slice(i, open);
    if (text) parts.push({ kind: 'text', text });
    text = '';
    parts.push({ kind: 'code', code: src.slice(open + 2, end).trim(), source: src.slice(open, end + 2) });
    i = end + 2;
  }
  text += src.slice(i);
  if (text) parts.push({ kind: 'text', text });
  return parts;
}
