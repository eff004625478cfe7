/**
 * The node types last added from the palette, newest first, kept in localStorage per user so the
 * palette can show them on top while the search is empty.
 */
export const RECENT_MAX = 5;

const keyFor = (userId: string | undefined) => `bm.palette.recent.${userId ?? 'anonymous'}`;

export function readRecent(userId: string | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(keyFor(userId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string').slice(0, RECENT_MAX) : [];
  } catch {
    return [];
  }
}

/** `type` moved to the front (once), the list cut to RECENT_MAX. */
export const withRecent = (list: readonly string[], type: string): string[] =>
  [type, ...list.filter((t) => t !== type)].slice(0, RECENT_MAX);

export function rememberRecent(userId: string | undefined, type: string): string[] {
  const next = withRecent(readRecent(userId), type);
  try {
    localStorage.setItem(keyFor(userId), JSON.stringify(next));
  } catch {
    // Private mode: the list lasts for this page only.
  }
  return next;
}
