import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeRun } from '@bm/contract';
import { Button } from '../../ui/button';
import { Icon } from '../../ui/icons';
import { JsonView } from '../../ui/json-view';
import { usePin, usePinMutations } from './use-pins';

/** Pin the node's last output (or typed JSON), see the pin, edit it, unpin. */
export function PinControls({ botId, nodeId, title, nodeRun }: { botId: string; nodeId: string; title: string; nodeRun?: NodeRun }) {
  const { t } = useTranslation();
  const { pinned, output } = usePin(botId, nodeId);
  const { pin, unpin } = usePinMutations(botId, nodeId, title);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A recorded output can be pinned as it is (a large one is not inlined: load it first, or type it).
  const lastOutput = nodeRun?.status === 'succeeded' && !nodeRun.outputRef && nodeRun.output !== undefined ? nodeRun.output : undefined;

  const openEditor = () => {
    setError(null);
    setEditing(JSON.stringify(pinned ? output : (lastOutput ?? {}), null, 2));
  };
  const savePin = () => {
    try {
      const value: unknown = JSON.parse(editing ?? '');
      setError(null);
      pin.mutate(value, { onSuccess: () => setEditing(null) });
    } catch (err) {
      setError(t('debug:jsonInvalid', { reason: (err as Error).message }));
    }
  };

  return (
    <div className="stack pin-controls" data-testid="pin-controls" data-pinned={pinned}>
      {pinned && (
        <div className="pin-note">
          <Icon name="pin" strokeWidth={2.25} />
          <span className="small">{t('debug:pinnedHint')}</span>
        </div>
      )}
      {pinned && editing === null && <JsonView value={output} label={t('debug:jsonLabel')} defaultOpen={false} />}
      {editing !== null ? (
        <div className="stack" style={{ gap: 6 }}>
          <label className="small" htmlFor={`pin-json-${nodeId}`}>
            {t('debug:jsonLabel')}
          </label>
          <textarea
            id={`pin-json-${nodeId}`}
            className="input mono pin-json"
            rows={8}
            spellCheck={false}
            value={editing}
            onChange={(e) => setEditing(e.target.value)}
          />
          {error && <span className="field-error">{error}</span>}
          <div className="row">
            <Button size="sm" variant="primary" icon="pin" loading={pin.isPending} onClick={savePin}>
              {t('debug:savePin')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setEditing(null)}>
              {t('debug:cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="row-wrap">
          {!pinned && lastOutput !== undefined && (
            <Button size="sm" icon="pin" loading={pin.isPending} title={t('debug:pinTitle')} onClick={() => pin.mutate(lastOutput)}>
              {t('debug:pin')}
            </Button>
          )}
          <Button size="sm" variant="ghost" icon="edit" onClick={openEditor}>
            {pinned ? t('debug:editPin') : t('debug:pinJson')}
          </Button>
          {pinned && (
            <Button size="sm" variant="ghost" icon="x" loading={unpin.isPending} onClick={() => unpin.mutate()}>
              {t('debug:unpin')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
