import type { LlmConnection } from '@bm/contract';
import { t } from '../../i18n/i18n';

/** Whose key a connection is, in words: "Your personal key", "Shared: Ada", "Shared by you". */
export function ownerText(c: Pick<LlmConnection, 'shared' | 'ownedByMe' | 'ownerUserId'>, names: Map<string, string>): string {
  if (!c.shared) return c.ownedByMe ? t('teams:connections.personalMine') : t('teams:connections.personal');
  if (c.ownedByMe) return t('teams:connections.sharedByMe');
  const name = c.ownerUserId ? names.get(c.ownerUserId) : undefined;
  return name ? t('teams:connections.sharedBy', { name }) : t('teams:connections.sharedByTeammate');
}
