import { useRef, type RefObject } from 'react';

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * Inserts expression snippets at the cursor of a text field, safely with input methods: a chip
 * clicked while a Hangul syllable is still being composed would otherwise write over the IME's
 * state (a doubled or lost syllable). Then the field is blurred, which makes the IME commit, and
 * the snippet goes in after the committed text.
 */
export function useInsertAtCursor(ref: RefObject<Field | null>, text: string, onChange: (next: string) => void) {
  // A field never focused reports its cursor at 0; inserting there would land before the user's text.
  const focusedOnce = useRef(false);
  const composing = useRef(false);
  const pending = useRef<string | null>(null);

  const place = (snippet: string) => {
    const el = ref.current;
    const current = el?.value ?? text;
    const start = focusedOnce.current ? (el?.selectionStart ?? current.length) : current.length;
    const end = focusedOnce.current ? (el?.selectionEnd ?? current.length) : current.length;
    onChange(current.slice(0, start) + snippet + current.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  };

  return {
    insert(snippet: string) {
      if (composing.current && ref.current) {
        pending.current = snippet;
        ref.current.blur();
        return;
      }
      place(snippet);
    },
    handlers: {
      onFocus: () => {
        focusedOnce.current = true;
      },
      onCompositionStart: () => {
        composing.current = true;
      },
      onCompositionEnd: () => {
        composing.current = false;
        const snippet = pending.current;
        pending.current = null;
        if (snippet !== null) requestAnimationFrame(() => place(snippet));
      },
    },
  };
}
