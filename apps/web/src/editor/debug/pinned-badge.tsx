import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';
import { useEditorStore } from '../store/editor-store';
import { usePin } from './use-pins';
import './debug.css';

/** The pin marker on a canvas node (an icon and the pin colour round the node). */
function PinnedBadgeView({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation();
  const botId = useEditorStore((s) => s.botId);
  const { pinned } = usePin(botId, nodeId);
  if (!pinned) return null;
  return (
    <span className="pinned-badge" data-testid="pinned-badge" title={t('debug:pinnedTitle')} aria-label={t('debug:pinnedTitle')}>
      <Icon name="pin" strokeWidth={2.25} />
      {t('debug:pinned')}
    </span>
  );
}

export const PinnedBadge = memo(PinnedBadgeView);
