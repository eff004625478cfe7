import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { NodeTypeDescription } from '@bm/contract';
import { Icon } from '../../ui/icons';
import { useItemsSummary } from '../run-items/loop-item-picker';
import { useEditorStore } from '../store/editor-store';
import { skipReason } from './run-ports';

type Props = { nodeId: string; status: string; control: NodeTypeDescription['control'] };

/** One line under a node while a run is shown: why it was skipped, what it waits for, a loop's items. */
export function RunNote({ nodeId, status, control }: Props) {
  const { t } = useTranslation();
  const reason = useEditorStore((s) => (status === 'skipped' ? skipReason(nodeId, s.edges, s.runNodes) : undefined));
  const loop = useEditorStore((s) => (control === 'loop' ? s.loops.find((l) => l.nodeId === nodeId) : undefined));
  const items = useItemsSummary(loop);
  if (status === 'waiting')
    return (
      <div className="run-note waiting" data-testid="run-note">
        <Icon name="hourglass" width={12} height={12} />
        {control === 'approval' ? (
          <>
            <span>{t('editor:runNote.waitingApproval')}</span>
            {/* Decided in the inbox, where pending approvals come first. */}
            <Link to="/inbox" className="nodrag">
              {t('editor:runNote.openInbox')}
            </Link>
          </>
        ) : (
          <span>{control === 'subbot' ? t('editor:runNote.waitingSubbot') : t('editor:runNote.waiting')}</span>
        )}
      </div>
    );
  if (reason)
    return (
      <div className="run-note skipped" data-testid="run-note">
        {reason === 'branch' ? t('editor:runNote.skippedBranch') : t('editor:runNote.skippedUpstream')}
      </div>
    );
  if (items)
    return (
      <div className="run-note" data-testid="run-note">
        {items}
      </div>
    );
  return null;
}
