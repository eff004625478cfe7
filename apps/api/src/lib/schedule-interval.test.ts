import { describe, expect, it } from 'vitest';
import { firingsPer30Days, intervalProblem, parseDuration, parseMinInterval, shortestInterval } from './schedule-interval';

describe('schedule intervals', () => {
  it('reads Temporal @every durations and cron specs', () => {
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('five')).toBeUndefined();
    expect(shortestInterval('@every 1s')).toBe(1_000);
    expect(shortestInterval('@every 5m/1m')).toBe(300_000);
    expect(shortestInterval('*/5 * * * *')).toBe(300_000);
    expect(shortestInterval('* * * * * *')).toBe(1_000);
    expect(shortestInterval('0,1 9 * * 1-5')).toBe(60_000);
    expect(shortestInterval('0 9 * * 1-5', 'Asia/Seoul')).toBe(86_400_000);
    expect(shortestInterval('@hourly')).toBe(3_600_000);
    expect(shortestInterval('not a cron')).toBeUndefined();
  });

  it('refuses what fires more often than the floor, and accepts the rest', () => {
    expect(intervalProblem('@every 1s', 'UTC', 60_000)).toEqual({ every: '1 s', min: '1 min' });
    expect(intervalProblem('@every 5m', 'UTC', 60_000)).toBeUndefined();
    expect(intervalProblem('* * * * *', 'UTC', 60_000)).toBeUndefined();
    expect(intervalProblem('* * * * *', 'UTC', 300_000)).toEqual({ every: '1 min', min: '5 min' });
  });

  it('reads the installation floor from its environment value', () => {
    expect(parseMinInterval(undefined)).toBe(60_000);
    expect(parseMinInterval('30')).toBe(30_000);
    expect(parseMinInterval('5m')).toBe(300_000);
    expect(parseMinInterval('soon')).toBeUndefined();
  });

  it('counts the firings of the next 30 days, extrapolating frequent schedules', () => {
    const from = new Date('2026-12-01T00:00:00Z');
    expect(firingsPer30Days('0 9 * * *', 'UTC', from)).toBe(30);
    expect(firingsPer30Days('0 9 * * 1-5', 'UTC', from)).toBe(22);
    expect(firingsPer30Days('0 8 1 * *', 'UTC', from)).toBe(1);
    expect(firingsPer30Days('* * * * *', 'UTC', from)).toBe(43_200);
    expect(firingsPer30Days('*/5 * * * *', 'UTC', from)).toBe(8_640);
    expect(firingsPer30Days('@every 1h', 'UTC', from)).toBe(720);
    expect(firingsPer30Days('not a cron', 'UTC', from)).toBeUndefined();
  });
});
