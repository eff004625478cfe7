import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('configuration', () => {
  it('reads BOT_MANAGER_TRUST_PROXY as a hop count, never "trust every hop"', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ BOT_MANAGER_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ BOT_MANAGER_TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ BOT_MANAGER_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(() => loadConfig({ BOT_MANAGER_TRUST_PROXY: 'yes' })).toThrow(/BOT_MANAGER_TRUST_PROXY/);
  });

  it('reads the shortest schedule interval, 1 minute by default', () => {
    expect(loadConfig({}).minScheduleIntervalMs).toBe(60_000);
    expect(loadConfig({ BOT_MANAGER_MIN_SCHEDULE_INTERVAL: '30s' }).minScheduleIntervalMs).toBe(30_000);
    expect(loadConfig({ BOT_MANAGER_MIN_SCHEDULE_INTERVAL: '300' }).minScheduleIntervalMs).toBe(300_000);
    expect(() => loadConfig({ BOT_MANAGER_MIN_SCHEDULE_INTERVAL: 'often' })).toThrow(/BOT_MANAGER_MIN_SCHEDULE_INTERVAL/);
  });
});
