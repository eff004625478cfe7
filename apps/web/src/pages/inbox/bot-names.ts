import { t } from '../../i18n/i18n';

/** Bot id → name, for labelling results in the workspace inbox. */
export function botNames(bots: readonly { id: string; name: string }[] | undefined): Map<string, string> {
  return new Map((bots ?? []).map((b) => [b.id, b.name]));
}

/** The name to show for a result's bot: its name, "…" while the bots are loading, else a fallback. */
export function botLabel(names: ReadonlyMap<string, string>, botId: string, loading: boolean): string {
  return names.get(botId) ?? (loading ? '…' : t('pages:inbox.unknownBot'));
}
