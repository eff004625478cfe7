import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';
import { useEditorStore } from '../store/editor-store';
import { usePinnedNodes } from './pinned-nodes';
import { usePin } from './use-pins';
import './debug.css';

function PinnedMark() {
  const { t } = useTranslation();
  return (
    <span className="pinned-badge" data-testid="pinned-badge" title={t('debug:pinnedTitle')} aria-label={t('debug:pinnedTitle')}>
      <Icon name="pin" strokeWidth={2.25} />
      {t('debug:pinned')}
    </span>
  );
}

/** Outside the editor's canvas (no PinnedNodesProvider): the node's own pin subscription. */
function OwnPinnedBadge({ nodeId }: { nodeId: string }) {
  const botId = useEditorStore((s) => s.botId);
  return usePin(botId, nodeId).pinned ? <PinnedMark /> : null;
}

/** The pin marker on a canvas node (an icon and the pin colour round the node). */
function PinnedBadgeView({ nodeId }: { nodeId: string }) {
  const pinned = usePinnedNodes();
  if (!pinned) return <OwnPinnedBadge nodeId={nodeId} />;
  return pinned.has(nodeId) ? <PinnedMark /> : null;
}

export const PinnedBadge = memo(PinnedBadgeView);
