import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { CopyButton } from '../../ui/copy-button';
import { toast } from '../../ui/toast';
import { useEditorStore } from '../store/editor-store';
import { idFollowsName } from '../store/graph-slice';
import type { IdCheck } from '../store/ids';

const ID_ERROR = {
  empty: 'expressions:id.errors.empty',
  chars: 'expressions:id.errors.chars',
  taken: 'expressions:id.errors.taken',
  long: 'expressions:id.errors.long',
} as const satisfies Record<Exclude<IdCheck, { ok: true }>['reason'], string>;

/**
 * The node's id as expressions use it, with "Rename ID": every `{{ nodes.<id>… }}` in the bot is
 * rewritten with it. Before the first save the id follows the node's name on its own.
 */
export function NodeIdEditor({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation();
  const renameNode = useEditorStore((s) => s.renameNode);
  const follows = useEditorStore((s) => idFollowsName(s, nodeId));
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const apply = () => {
    if (draft === null) return;
    const next = draft.trim();
    const r = renameNode(nodeId, next);
    if (!r.ok) {
      setError(t(ID_ERROR[r.reason]));
      return;
    }
    setDraft(null);
    setError(null);
    if (next !== nodeId) toast.info(t('expressions:id.renamed', { id: next }), 'rename-id');
  };

  if (draft !== null) {
    return (
      <div className="stack" style={{ gap: 4 }}>
        <div className="row">
          <input
            className={error ? 'input mono invalid' : 'input mono'}
            aria-label={t('expressions:id.label')}
            aria-invalid={error ? true : undefined}
            value={draft}
            autoFocus
            onChange={(e) => {
              setDraft(e.target.value);
              setError(null);
            }}
            onKeyDown={(e) => {
              if (e.nativeEvent.isComposing) return;
              if (e.key === 'Enter') apply();
              else if (e.key === 'Escape') {
                e.stopPropagation();
                setDraft(null);
                setError(null);
              }
            }}
          />
          <Button size="sm" variant="primary" onClick={apply}>
            {t('expressions:id.apply')}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => (setDraft(null), setError(null))}>
            {t('expressions:id.cancel')}
          </Button>
        </div>
        {error && <div className="field-error">{error}</div>}
      </div>
    );
  }
  return (
    <div className="stack" style={{ gap: 2 }}>
      <div className="row">
        <span className="node-id truncate" style={{ flex: '0 1 auto' }} title={t('editor:inspector.idTitle')} data-testid="node-id">
          {nodeId}
        </span>
        <Button
          size="sm"
          variant="ghost"
          icon="edit"
          aria-label={t('expressions:id.rename')}
          title={t('expressions:id.renameTitle')}
          onClick={() => setDraft(nodeId)}
        />
        <span className="spacer" />
        <CopyButton text={`{{ nodes.${nodeId}.output }}`} label={t('editor:inspector.copyRef')} />
      </div>
      {follows && <span className="small muted">{t('expressions:id.follows')}</span>}
    </div>
  );
}
