/** The instruction added to the system prompt whenever JSON output is requested. */
export const JSON_INSTRUCTION =
  'Respond with a single valid JSON object and nothing else: no prose before or after it, no Markdown code fences.';

const FENCE = /```(?:json|JSON)?\s*\n?([\s\S]*?)\n?\s*```/;

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * Parses a model's JSON answer. Tolerates what models commonly wrap JSON in: surrounding
 * whitespace, a ```json fence, or a sentence before/after a single object or array.
 */
export function parseModelJson(text: string): { ok: true; value: unknown } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false };
  const direct = tryParse(trimmed);
  if (direct.ok) return direct;
  const fenced = FENCE.exec(trimmed)?.[1];
  if (fenced !== undefined) {
    const inFence = tryParse(fenced.trim());
    if (inFence.ok) return inFence;
  }
  for (const [open, close] of [
    ['{', '}'],
    ['[', ']'],
  ] as const) {
    const start = trimmed.indexOf(open);
    const end = trimmed.lastIndexOf(close);
    if (start !== -1 && end > start) {
      const inner = tryParse(trimmed.slice(start, end + 1));
      if (inner.ok) return inner;
    }
  }
  return { ok: false };
}
