import { formatter } from '../i18n/i18n';

// Thin names over @bm/i18n's Intl formatting in the current language and the browser's time zone.

/** "3 minutes ago" / "3분 전", "in 2 hours"; "now" under a minute; "—" when missing. */
export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  return formatter().relative(iso, now);
}

export function formatDateTime(iso: string | null | undefined): string {
  return formatter().dateTime(iso);
}

/** The time between two timestamps (to now while the second is missing): "850 ms", "4.2 sec", "3 min 5 sec". */
export function formatDuration(startIso: string | null | undefined, endIso: string | null | undefined, now = Date.now()): string {
  return formatter().between(startIso, endIso, now);
}
