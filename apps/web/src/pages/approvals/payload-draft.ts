/**
 * The payload an approver edits: text stays text; anything else (objects, lists, numbers, null) is
 * edited as JSON and must parse again before it can be approved.
 */
export type PayloadFormat = 'json' | 'text';

export interface PayloadDraft {
  format: PayloadFormat;
  original: string;
  text: string;
}

export const draftOf = (payload: unknown): PayloadDraft => {
  const format: PayloadFormat = typeof payload === 'string' ? 'text' : 'json';
  const original = typeof payload === 'string' ? payload : JSON.stringify(payload ?? null, null, 2);
  return { format, original, text: original };
};

/** What the draft approves: unchanged → nothing to send (the payload as asked); else the edit, or why it cannot be. */
export function editedPayload(d: PayloadDraft): { changed: false } | { changed: true; value: unknown } | { changed: true; error: string } {
  if (d.text === d.original) return { changed: false };
  if (d.format === 'text') return { changed: true, value: d.text };
  try {
    return { changed: true, value: JSON.parse(d.text) as unknown };
  } catch (err) {
    return { changed: true, error: (err as Error).message };
  }
}
