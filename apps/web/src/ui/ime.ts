/**
 * True while an input method (Korean, Japanese, Chinese…) is composing text: the key belongs to
 * the IME, not to a shortcut. Chromium reports isComposing; Safari and older engines send keyCode
 * 229 instead, and Korean IMEs send a second, non-composing keydown once the syllable is committed.
 */
export function isImeComposing(event: { isComposing?: boolean; keyCode?: number; nativeEvent?: { isComposing?: boolean } }): boolean {
  return Boolean(event.isComposing || event.nativeEvent?.isComposing || event.keyCode === 229);
}
