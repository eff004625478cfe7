import { baseLocale, type AppLocale } from './locales';

/** What every formatter prints for a missing or unreadable value. */
export const NO_VALUE = '—';

export type FormatOptions = {
  locale: AppLocale;
  /** IANA zone the user reads times in; the runtime's zone (the browser's) when absent. */
  timeZone?: string;
  /** ISO 4217 code money is shown in. Amounts are recorded in USD; another currency is display only. */
  currency?: string;
};

type Instant = string | number | Date | null | undefined;

function toMs(value: Instant): number | null {
  if (value === null || value === undefined || value === '') return null;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

export type Formatter = ReturnType<typeof createFormatter>;

/**
 * Locale-aware formatting of dates, relative times, numbers, durations, token counts and money, all
 * through Intl (no hand-made month names or separators). One per locale and zone; cheap to keep.
 */
export function createFormatter({ locale, timeZone, currency = 'USD' }: FormatOptions) {
  const lng = baseLocale(locale);
  const zone = timeZone ? { timeZone } : {};
  const dateTimeFmt = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'medium', ...zone });
  const dateFmt = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', ...zone });
  const timeFmt = new Intl.DateTimeFormat(lng, { timeStyle: 'short', ...zone });
  const rtf = new Intl.RelativeTimeFormat(lng, { numeric: 'auto' });
  const numberFmt = new Intl.NumberFormat(lng);
  const compactFmt = new Intl.NumberFormat(lng, { notation: 'compact', maximumFractionDigits: 1 });
  const unit = (u: string, fraction = 0) =>
    new Intl.NumberFormat(lng, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: fraction });
  const ms = unit('millisecond');
  const sec = unit('second', 1);
  const secWhole = unit('second');
  const min = unit('minute');
  const hour = unit('hour');
  const list = new Intl.ListFormat(lng, { style: 'narrow', type: 'unit' });

  return {
    locale: lng,
    /** "Jan 1, 2026, 12:00:00 PM" / "2026. 1. 1. 오후 12:00:00" */
    dateTime(value: Instant): string {
      const t = toMs(value);
      return t === null ? NO_VALUE : dateTimeFmt.format(t);
    },
    date(value: Instant): string {
      const t = toMs(value);
      return t === null ? NO_VALUE : dateFmt.format(t);
    },
    time(value: Instant): string {
      const t = toMs(value);
      return t === null ? NO_VALUE : timeFmt.format(t);
    },
    /** "5 minutes ago" / "5분 전", "in 2 hours" / "2시간 후"; "now" / "지금" under a minute. */
    relative(value: Instant, now: number = Date.now()): string {
      const t = toMs(value);
      if (t === null) return NO_VALUE;
      const seconds = Math.round((t - now) / 1000);
      for (const [u, size] of RELATIVE_UNITS) {
        if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), u);
      }
      return rtf.format(0, 'second');
    },
    /** "1,234" / "1,234" */
    number(n: number | null | undefined): string {
      return n === null || n === undefined || !Number.isFinite(n) ? NO_VALUE : numberFmt.format(n);
    },
    /** Token counts: exact up to 9,999, then compact ("12.3K" / "1.2만"). */
    tokens(n: number | null | undefined): string {
      if (n === null || n === undefined || !Number.isFinite(n)) return NO_VALUE;
      return Math.abs(n) < 10_000 ? numberFmt.format(n) : compactFmt.format(n);
    },
    /** A span in milliseconds: "850 ms", "4.2 sec", "3 min 5 sec", "2 hr 5 min" (and the same in Korean units). */
    duration(totalMs: number | null | undefined): string {
      if (totalMs === null || totalMs === undefined || !Number.isFinite(totalMs)) return NO_VALUE;
      const t = Math.max(0, totalMs);
      if (t < 1000) return ms.format(Math.round(t));
      if (t < 60_000) return sec.format(Math.floor(t / 100) / 10);
      const totalSec = Math.round(t / 1000);
      if (totalSec < 3600) {
        const m = Math.floor(totalSec / 60);
        const s = totalSec % 60;
        return s ? list.format([min.format(m), secWhole.format(s)]) : min.format(m);
      }
      const h = Math.floor(totalSec / 3600);
      const m = Math.round((totalSec % 3600) / 60);
      return m ? list.format([hour.format(h), min.format(m)]) : hour.format(h);
    },
    /** The time between two instants (to `now` while the second is missing). */
    between(start: Instant, end: Instant, now: number = Date.now()): string {
      const a = toMs(start);
      const b = end === null || end === undefined ? now : toMs(end);
      return a === null || b === null ? NO_VALUE : this.duration(b - a);
    },
    /** Money: "$1.50" / "US$1.50"; fractions of a cent keep two significant digits ("$0.0042"). */
    currency(amount: number | null | undefined, code: string = currency): string {
      if (amount === null || amount === undefined || !Number.isFinite(amount)) return NO_VALUE;
      const small = amount !== 0 && Math.abs(amount) < 0.01;
      return new Intl.NumberFormat(lng, {
        style: 'currency',
        currency: code,
        ...(small ? { maximumSignificantDigits: 2 } : {}),
      }).format(amount);
    },
  };
}
