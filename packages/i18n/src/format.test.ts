import { describe, expect, it } from 'vitest';
import { createFormatter } from './format';

// Intl output is the runtime's CLDR data; spaces in it may be narrow no-break spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
const now = Date.parse('2026-01-01T12:00:00Z');
const en = createFormatter({ locale: 'en', timeZone: 'UTC' });
const ko = createFormatter({ locale: 'ko', timeZone: 'Asia/Seoul' });

describe('formatting in English and Korean', () => {
  it('formats dates and times in the given zone', () => {
    expect(plain(en.dateTime('2026-01-01T12:00:00Z'))).toBe('Jan 1, 2026, 12:00:00 PM');
    // 12:00 UTC is 21:00 in Seoul. CLDR 48 (Node's ICU 78) writes "PM" where older data and
    // Chromium write 오후: accept either, the order and the digits are what this checks.
    expect(plain(ko.dateTime('2026-01-01T12:00:00Z'))).toMatch(/^2026\. 1\. 1\. (오후|PM) 9:00:00$/);
    expect(plain(ko.date('2026-01-01T20:00:00Z'))).toBe('2026. 1. 2.');
    expect(en.dateTime(null)).toBe('—');
    expect(ko.dateTime('not a date')).toBe('—');
  });

  it('formats relative times', () => {
    expect(en.relative('2026-01-01T11:59:30Z', now)).toBe('now');
    expect(ko.relative('2026-01-01T11:59:30Z', now)).toBe('지금');
    expect(en.relative('2026-01-01T11:55:00Z', now)).toBe('5 minutes ago');
    expect(ko.relative('2026-01-01T11:55:00Z', now)).toBe('5분 전');
    expect(en.relative('2026-01-01T14:00:00Z', now)).toBe('in 2 hours');
    expect(ko.relative('2026-01-01T14:00:00Z', now)).toBe('2시간 후');
    expect(ko.relative('2025-12-31T12:00:00Z', now)).toBe('어제');
    expect(en.relative(undefined, now)).toBe('—');
  });

  it('formats numbers and token counts', () => {
    expect(en.number(1234567.5)).toBe('1,234,567.5');
    expect(ko.number(1234567.5)).toBe('1,234,567.5');
    expect(en.tokens(9876)).toBe('9,876');
    expect(en.tokens(12_345)).toBe('12.3K');
    expect(ko.tokens(12_345)).toBe('1.2만');
    expect(ko.tokens(3_400_000)).toBe('340만');
  });

  it('formats durations', () => {
    expect(plain(en.duration(850))).toBe('850 ms');
    expect(plain(ko.duration(850))).toBe('850ms');
    expect(plain(en.duration(4_250))).toBe('4.2 sec');
    expect(plain(ko.duration(4_250))).toBe('4.2초');
    expect(plain(en.duration(185_000))).toBe('3 min 5 sec');
    expect(plain(ko.duration(185_000))).toBe('3분 5초');
    expect(plain(ko.duration(7_500_000))).toBe('2시간 5분');
    expect(plain(en.between('2026-01-01T12:00:00Z', '2026-01-01T12:00:04.2Z'))).toBe('4.2 sec');
    expect(en.between(null, null)).toBe('—');
  });

  it('formats money in USD unless told otherwise', () => {
    expect(en.currency(1.5)).toBe('$1.50');
    expect(ko.currency(1.5)).toBe('US$1.50');
    expect(en.currency(0.0042)).toBe('$0.0042');
    expect(ko.currency(1500, 'KRW')).toBe('₩1,500');
    expect(createFormatter({ locale: 'ko', currency: 'KRW' }).currency(1500)).toBe('₩1,500');
    expect(en.currency(null)).toBe('—');
  });

  it('formats the pseudo-locale like English', () => {
    expect(createFormatter({ locale: 'en-XA', timeZone: 'UTC' }).relative('2026-01-01T11:55:00Z', now)).toBe('5 minutes ago');
  });
});
