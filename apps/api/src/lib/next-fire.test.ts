import { describe, expect, it } from 'vitest';
import { nextFireAt } from './next-fire';

describe('nextFireAt', () => {
  const from = new Date('2026-12-02T10:17:30Z');
  it('follows Temporal intervals: multiples of the step since the epoch, shifted by the phase', () => {
    expect(nextFireAt('@every 15m', 'UTC', from)?.toISOString()).toBe('2026-12-02T10:30:00.000Z');
    expect(nextFireAt('@every 1h/5m', 'UTC', from)?.toISOString()).toBe('2026-12-02T11:05:00.000Z');
    expect(nextFireAt('@every 1h/20m', 'UTC', from)?.toISOString()).toBe('2026-12-02T10:20:00.000Z');
  });
  it('reads cron specs and nicknames in the schedule’s timezone', () => {
    expect(nextFireAt('0 9 * * *', 'UTC', from)?.toISOString()).toBe('2026-12-03T09:00:00.000Z');
    // 09:00 in Seoul (UTC+9) is 00:00 UTC: already past today, so tomorrow's.
    expect(nextFireAt('0 9 * * *', 'Asia/Seoul', from)?.toISOString()).toBe('2026-12-03T00:00:00.000Z');
    expect(nextFireAt('@hourly', 'UTC', from)?.toISOString()).toBe('2026-12-02T11:00:00.000Z');
  });
  it('gives nothing for a spec it cannot read', () => {
    expect(nextFireAt('every tuesday', 'UTC', from)).toBeUndefined();
    expect(nextFireAt('@every soon', 'UTC', from)).toBeUndefined();
  });
});
