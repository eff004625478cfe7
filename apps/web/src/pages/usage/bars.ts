/** Bar maths shared by the charts, budget bars and plan bars: pure, so they are tested alone. */

/** Share of `max` as a 0–100 width (clamped: a bar never draws past its track). */
export const percentOf = (value: number, max: number): number =>
  max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : value > 0 ? 100 : 0;

/** A budget's bar: settled spend, then calls in flight after it, both within the track; `over` once they reach the limit. */
export function budgetBar(spentUsd: number, heldUsd: number, limitUsd: number) {
  const spent = percentOf(spentUsd, limitUsd);
  const held = Math.min(100 - spent, percentOf(heldUsd, limitUsd));
  return { spent, held, over: spentUsd + heldUsd >= limitUsd };
}

export type Series = { key: string; label: string };
export type StackedDay = { day: string; values: Record<string, number>; total: number };

/**
 * Per-day values per series → stacked days; series beyond `maxSeries` (the smallest) are summed
 * into one "other" series so the legend stays readable.
 */
export function stackDays(
  days: string[],
  perSeries: { key: string; label: string; byDay: Map<string, number> }[],
  maxSeries: number,
  otherLabel: string,
): { series: Series[]; days: StackedDay[] } {
  const totalOf = (s: { byDay: Map<string, number> }) => [...s.byDay.values()].reduce((a, b) => a + b, 0);
  const sorted = [...perSeries].sort((a, b) => totalOf(b) - totalOf(a));
  const kept = sorted.slice(0, maxSeries);
  const rest = sorted.slice(maxSeries);
  const series: Series[] = kept.map(({ key, label }) => ({ key, label }));
  if (rest.length) series.push({ key: '__other', label: otherLabel });
  return {
    series,
    days: days.map((day) => {
      const values: Record<string, number> = {};
      for (const s of kept) values[s.key] = s.byDay.get(day) ?? 0;
      if (rest.length) values.__other = rest.reduce((sum, s) => sum + (s.byDay.get(day) ?? 0), 0);
      return { day, values, total: Object.values(values).reduce((a, b) => a + b, 0) };
    }),
  };
}

/** A round axis maximum at or above `max` (1, 2 or 5 × a power of ten), so gridlines read well. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= max) ?? 10 * p;
}

/** Rows of a `series` roll-up (one per day and bot or model) → one per-day map per series, for stackDays. */
export function seriesByDay(
  rows: { key: string; series?: string; seriesLabel?: string | null; costUsd: number }[],
  labelOf: (series: string, label: string | null | undefined) => string,
): { key: string; label: string; byDay: Map<string, number> }[] {
  const out = new Map<string, { key: string; label: string; byDay: Map<string, number> }>();
  for (const r of rows) {
    const key = r.series ?? '';
    let s = out.get(key);
    if (!s) out.set(key, (s = { key, label: labelOf(key, r.seriesLabel), byDay: new Map() }));
    const day = r.key.slice(0, 10);
    s.byDay.set(day, (s.byDay.get(day) ?? 0) + r.costUsd);
  }
  return [...out.values()];
}
