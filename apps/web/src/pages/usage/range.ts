/** A period of whole UTC days: `from` inclusive, `to` exclusive, both `YYYY-MM-DD` (what GET /api/usage takes). */
export type DayRange = { from: string; to: string };
export type RangePreset = 'thisMonth' | 'last30' | 'custom';

const DAY_MS = 86_400_000;
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
export const addDays = (day: string, n: number): string => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));

/** The API's default period, the current calendar month in UTC, or the last 30 days including today. */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, now: Date = new Date()): DayRange {
  const today = isoDay(now);
  if (preset === 'last30') return { from: addDays(today, -29), to: addDays(today, 1) };
  const first = `${today.slice(0, 7)}-01`;
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { from: first, to: isoDay(next) };
}

/** Every day of the range, so a chart shows the quiet days too. */
export function daysOf(range: DayRange): string[] {
  const out: string[] = [];
  for (let d = range.from; d < range.to && out.length < 400; d = addDays(d, 1)) out.push(d);
  return out;
}
