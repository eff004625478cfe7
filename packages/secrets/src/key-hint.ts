/** Keys shorter than this get no hint at all: four characters of a short key is too much of it. */
const MIN_LENGTH_FOR_HINT = 12;

/** '…abcd' (the last 4 characters) for display next to a stored key; '…' for short keys. */
export function keyHint(apiKey: string): string {
  const k = apiKey.trim();
  return k.length < MIN_LENGTH_FOR_HINT ? '…' : `…${k.slice(-4)}`;
}
