import { readScheduleSpec } from './schedule-interval';

/**
 * When a schedule spec fires next after `from`, computed here rather than asked of Temporal per
 * schedule (the bots list shows it for every bot in one answer). `@every D[/P]` follows Temporal's
 * interval rule: multiples of D since the epoch, shifted by the phase P; a cron spec or nickname
 * (`@daily`) is read in the schedule's timezone as croner reads it for the interval floor.
 * Undefined: a spec we cannot read (Temporal accepted it, so the list just shows no time).
 */
export function nextFireAt(spec: string, timezone: string, from = new Date()): Date | undefined {
  const read = readScheduleSpec(spec, timezone);
  if (!read) return undefined;
  if ('cron' in read) return read.cron.nextRun(from) ?? undefined;
  const { every: step, phase } = read;
  if (!step) return undefined;
  const n = Math.floor((from.getTime() - phase) / step) + 1;
  return new Date(n * step + phase);
}
