import { z } from 'zod';

const UNITS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)$/;
/** The longest a run may wait on one node: a timer or a decision of more than a year is a mistake. */
export const MAX_WAIT_MS = 366 * UNITS.d;

/** "90s", "10m", "2h", "3d", "1w" → milliseconds; undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text.trim());
  if (!m) return undefined;
  return Math.round(Number(m[1]) * UNITS[m[2] as keyof typeof UNITS]);
}

/** A duration param as people write it ("30s", "10m", "2h", "3d"), at most a year. */
export const durationParam = (description: string) =>
  z
    .string()
    .trim()
    .refine((s) => parseDuration(s) !== undefined, { message: 'must be a duration such as 30s, 10m, 2h or 3d' })
    .refine((s) => (parseDuration(s) ?? 0) <= MAX_WAIT_MS, { message: 'must be at most a year (366d)' })
    .describe(description);
