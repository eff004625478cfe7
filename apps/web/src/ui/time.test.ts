import { describe, expect, it } from 'vitest';
import { formatDuration, formatRelative } from './time';

describe('time formatting', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  it('formats relative times', () => {
    expect(formatRelative('2026-01-01T11:59:30Z', now)).toBe('just now');
    expect(formatRelative('2026-01-01T11:55:00Z', now)).toMatch(/5 minutes ago/);
    expect(formatRelative(null, now)).toBe('—');
  });
  it('formats durations', () => {
    expect(formatDuration('2026-01-01T12:00:00Z', '2026-01-01T12:00:00.850Z')).toBe('850 ms');
    expect(formatDuration('2026-01-01T12:00:00Z', '2026-01-01T12:00:04.2Z')).toBe('4.2 s');
    expect(formatDuration('2026-01-01T12:00:00Z', '2026-01-01T12:03:05Z')).toBe('3 m 05 s');
    expect(formatDuration(null, null)).toBe('—');
  });
});
