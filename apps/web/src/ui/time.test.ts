import { describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/i18n';
import { formatDuration, formatRelative } from './time';

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('time formatting follows the current language', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  it('formats relative times', async () => {
    await setLocale('en');
    expect(formatRelative('2026-01-01T11:59:30Z', now)).toBe('now');
    expect(formatRelative('2026-01-01T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelative(null, now)).toBe('—');
    await setLocale('ko');
    expect(formatRelative('2026-01-01T11:55:00Z', now)).toBe('5분 전');
  });
  it('formats durations', async () => {
    await setLocale('en');
    expect(plain(formatDuration('2026-01-01T12:00:00Z', '2026-01-01T12:00:00.850Z'))).toBe('850 ms');
    expect(plain(formatDuration('2026-01-01T12:00:00Z', '2026-01-01T12:00:04.2Z'))).toBe('4.2 sec');
    expect(plain(formatDuration('2026-01-01T12:00:00Z', '2026-01-01T12:03:05Z'))).toBe('3 min 5 sec');
    expect(formatDuration(null, null)).toBe('—');
    await setLocale('ko');
    expect(plain(formatDuration('2026-01-01T12:00:00Z', '2026-01-01T12:03:05Z'))).toBe('3분 5초');
    await setLocale('en');
  });
});
