import type { BotVersionSummary } from '@bm/contract';
import { t } from '../../i18n/i18n';

/** At most three names, then "and N more": a summary is one line. */
function names(list: string[]): string {
  if (list.length <= 3) return list.join(', ');
  return t('versions:summary.more', { names: list.slice(0, 3).join(', '), count: list.length - 3 });
}

/** A version's one-line summary in the user's language (the API's `summary` is English, for scripts). */
export function summaryText(v: Pick<BotVersionSummary, 'changes' | 'restoredFrom'>): string {
  if (v.restoredFrom !== null) return t('versions:summary.restored', { version: v.restoredFrom });
  const c = v.changes;
  if (!c) return t('versions:summary.created');
  const parts: string[] = [];
  if (c.added.length) parts.push(t('versions:summary.added', { names: names(c.added) }));
  if (c.removed.length) parts.push(t('versions:summary.removed', { names: names(c.removed) }));
  if (c.changed.length) parts.push(t('versions:summary.changed', { names: names(c.changed) }));
  if (c.edgesAdded + c.edgesRemoved) parts.push(t('versions:summary.rewired', { count: c.edgesAdded + c.edgesRemoved }));
  if (c.moved) parts.push(t('versions:summary.moved', { count: c.moved }));
  if (c.notes) parts.push(t('versions:summary.notes', { count: c.notes }));
  return parts.length ? parts.join(' · ') : t('versions:summary.none');
}
