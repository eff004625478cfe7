import { Cron } from 'croner';

// How often a schedule can fire. An installation sets a floor (BOT_MANAGER_MIN_SCHEDULE_INTERVAL,
// default 1 minute): a bot on `@every 1s` would run 86 400 times a day on its owner's LLM bill.

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A Go-style duration as Temporal's `@every` takes it: `90s`, `5m`, `1h30m`, `1.5h`. */
export function parseDuration(text: string): number | undefined {
  const s = text.trim();
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(s)) return undefined;
  let total = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) total += Number(m[1]) * UNIT_MS[m[2]!]!;
  return total;
}

/**
 * A schedule spec as the functions here read it: `@every D[/P]` (step and phase in ms; undefined
 * for a duration we cannot read), or a cron spec or nickname in the schedule's timezone; undefined
 * when it is neither (Temporal then decides whether it is valid at all).
 */
export function readScheduleSpec(
  spec: string,
  timezone: string,
): { every: number | undefined; phase: number } | { cron: Cron } | undefined {
  const every = /^@every\s+([^/\s]+)(?:\/(\S+))?$/i.exec(spec.trim());
  if (every) return { every: parseDuration(every[1]!), phase: every[2] ? (parseDuration(every[2]) ?? 0) : 0 };
  try {
    return { cron: new Cron(spec.trim(), { paused: true, timezone }) };
  } catch {
    return undefined;
  }
}

/** The installation floor from its environment value (`60`, `30s`, `5m`); undefined for an invalid one. */
export function parseMinInterval(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return 60_000;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1_000;
  return parseDuration(value);
}

/**
 * The shortest gap between two firings of a schedule spec (`@every 5m`, a 5- or 6-field cron, a
 * nickname such as `@hourly`), looked at over the next firings; undefined when the spec is not
 * one we can read (Temporal then decides whether it is valid at all).
 */
export function shortestInterval(spec: string, timezone = 'UTC'): number | undefined {
  const read = readScheduleSpec(spec, timezone);
  if (!read || 'every' in read) return read?.every;
  const { cron } = read;
  // 400 firings from a fixed start cover a whole day of a per-minute pattern and every gap pattern
  // a cron field can express within it (lists, ranges, steps).
  const runs = cron.nextRuns(400, new Date('2026-01-05T00:00:00Z'));
  let shortest: number | undefined;
  for (let i = 1; i < runs.length; i++) {
    const gap = runs[i]!.getTime() - runs[i - 1]!.getTime();
    if (shortest === undefined || gap < shortest) shortest = gap;
  }
  return shortest;
}

const human = (ms: number) =>
  ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : ms % 60_000 === 0 ? `${ms / 60_000} min` : `${+(ms / 1000).toFixed(1)} s`;

/** When a spec fires too often for this installation: how often, and the floor (as people write them). */
export function intervalProblem(spec: string, timezone: string, minMs: number): { every: string; min: string } | undefined {
  const gap = shortestInterval(spec, timezone);
  if (gap === undefined || gap >= minMs) return undefined;
  return { every: human(gap), min: human(minMs) };
}

const DAYS_30_MS = 30 * 86_400_000;
/** Enough firings to measure a frequent schedule's rate; the rest of the 30 days is extrapolated. */
const SAMPLE = 2_000;

/**
 * About how many times a spec fires in the next 30 days (the projected cost of a schedule is
 * this × the cost of a run); undefined when we cannot read the spec. A frequent schedule is
 * counted over its first firings and extrapolated, so a per-minute cron costs no more to read
 * than a daily one.
 */
export function firingsPer30Days(spec: string, timezone = 'UTC', from = new Date()): number | undefined {
  const read = readScheduleSpec(spec, timezone);
  if (!read) return undefined;
  if ('every' in read) return read.every ? Math.floor(DAYS_30_MS / read.every) : undefined;
  const { cron } = read;
  const end = from.getTime() + DAYS_30_MS;
  const runs = cron.nextRuns(SAMPLE, from).filter((d) => d.getTime() < end);
  if (runs.length < SAMPLE) return runs.length;
  const sampled = runs.at(-1)!.getTime() - from.getTime();
  return Math.round((runs.length / sampled) * DAYS_30_MS);
}
