import type { NodeCategory, NodeTypeDescription } from '@bm/contract';

/**
 * Palette search: one pure function, so that the ranking is tested without a DOM. A type matches
 * when every word of the query is found (as a prefix or a substring, case- and accent-insensitive)
 * in its title, id, synonyms (`display.synonyms` from its definition, plus the words a language adds),
 * category or description. Ranking: title before synonym before description.
 */

/** What the search reads of a type; the palette passes the served description plus its extras. */
export interface SearchEntry {
  def: Pick<NodeTypeDescription, 'id' | 'title' | 'description' | 'category' | 'display'>;
  /** Words a language adds to the definition's synonyms (the ko catalogue's 요약, 메일…). */
  extraWords?: readonly string[];
}

export interface SearchHit<E extends SearchEntry = SearchEntry> {
  entry: E;
  score: number;
}

/** Lower case without accents ("Résumé" → "resume"); Hangul stays as composed syllables. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase();
}

const WORD_START = /[\s\-_.·/,()]+/;

/** How well one query word matches one text: word-start prefix > substring; 0 for no match. */
function matchIn(text: string, word: string): number {
  if (!text.includes(word)) return 0;
  if (text === word) return 3;
  return text.startsWith(word) || text.split(WORD_START).some((w) => w.startsWith(word)) ? 2 : 1;
}

// Weights per field: any title match outranks any synonym match, which outranks the description.
const TITLE = 100;
const ID = 60;
const SYNONYM = 40;
const CATEGORY = 20;
const DESCRIPTION = 5;

function wordScore(entry: SearchEntry, word: string, categoryNames: readonly string[]): number {
  const { def } = entry;
  const synonyms = [...def.display.synonyms, ...(entry.extraWords ?? [])].map(fold);
  const best = (texts: string[]) => Math.max(0, ...texts.map((t) => matchIn(t, word)));
  return Math.max(
    TITLE * matchIn(fold(def.title), word),
    ID * matchIn(fold(def.id), word),
    SYNONYM * best(synonyms),
    CATEGORY * best([def.category, ...categoryNames].map(fold)),
    DESCRIPTION * matchIn(fold(def.description), word),
  );
}

/**
 * The entries that match `query`, best first (ties keep the given order). An empty query matches
 * nothing: the palette then shows its groups. `categoryNames` are the categories' names as the
 * reader sees them ("Sources", "소스"), so a category can be searched by its shown name.
 */
export function searchNodeTypes<E extends SearchEntry>(
  entries: readonly E[],
  query: string,
  categoryNames: Partial<Record<NodeCategory, readonly string[]>> = {},
): SearchHit<E>[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits: SearchHit<E>[] = [];
  for (const entry of entries) {
    let score = 0;
    for (const word of words) {
      const s = wordScore(entry, word, categoryNames[entry.def.category] ?? []);
      if (s === 0) {
        score = 0;
        break;
      }
      score += s;
    }
    if (score > 0) hits.push({ entry, score });
  }
  return hits.sort((a, b) => b.score - a.score);
}

/** Queries about running on a timer: bots run on schedules (the Triggers page), not a schedule node. */
const SCHEDULE_WORDS = ['cron', 'schedul', 'timer', 'every', 'daily', 'hourly', 'interval', '일정', '예약', '스케줄', '매일'];

export const asksForSchedule = (query: string): boolean => {
  const q = fold(query.trim());
  return SCHEDULE_WORDS.some((w) => q.startsWith(w) || (q.length >= 3 && w.startsWith(q)));
};
