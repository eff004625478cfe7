import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useBotHeaderSlot } from '../../layout/bot-header-slot';
import { Button } from '../../ui/button';
import { useEditorStore } from '../store/editor-store';
import { BotMenu } from './bot-menu';
import { RunDialog } from './run-dialog';
import { HistoryButton } from '../versions/history-button';
import { ShortcutsButton } from './shortcuts-button';
import { parseRunInput, sampleInputText } from './run-input';
import { editorStore } from '../store/editor-store';

type Props = {
  onSave: () => void;
  saving: boolean;
  onRun: (input: unknown) => void;
  starting: boolean;
};

export function EditorToolbar({ onSave, saving, onRun, starting }: Props) {
  const dirty = useEditorStore((s) => s.dirty);
  const canUndo = useEditorStore((s) => s.past.length > 0);
  const canRedo = useEditorStore((s) => s.future.length > 0);
  const undo = useEditorStore((s) => s.undo);
  const redo = useEditorStore((s) => s.redo);
  const [dialog, setDialog] = useState(false);
  const slot = useBotHeaderSlot();
  const { t } = useTranslation();
  const mod = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+';

  const quickRun = () => {
    // The manual source's sample is the default input; a broken sample opens the dialog instead.
    const parsed = parseRunInput(sampleInputText(editorStore.getState().nodes));
    if (parsed.ok) onRun(parsed.value);
    else setDialog(true);
  };

  const content = (
    <>
      <Button
        variant={dirty ? 'primary' : 'secondary'}
        icon="save"
        loading={saving}
        onClick={onSave}
        title={t('editor:toolbar.saveTitle', { shortcut: `${mod}S` })}
      >
        {t('editor:toolbar.save')}
      </Button>
      <span className="save-state" data-testid="save-state">
        {dirty ? (
          <>
            <span className="dot" /> {t('editor:toolbar.unsaved')}
          </>
        ) : (
          t('editor:toolbar.allSaved')
        )}
      </span>
      <span className="divider" />
      <Button
        variant="ghost"
        size="sm"
        icon="undo"
        disabled={!canUndo}
        onClick={undo}
        title={t('editor:toolbar.undoTitle', { shortcut: `${mod}Z` })}
        aria-label={t('editor:toolbar.undo')}
      />
      <Button
        variant="ghost"
        size="sm"
        icon="redo"
        disabled={!canRedo}
        onClick={redo}
        title={t('editor:toolbar.redoTitle', { shortcut: `${mod}Shift+Z` })}
        aria-label={t('editor:toolbar.redo')}
      />
      <HistoryButton />
      <ShortcutsButton />
      <span className="divider" />
      <div className="split-btn">
        <Button
          variant="primary"
          icon="play"
          loading={starting}
          onClick={quickRun}
          title={dirty ? t('editor:toolbar.saveAndRunTitle') : t('editor:toolbar.runTitle')}
        >
          {t('editor:toolbar.run')}
        </Button>
        <Button
          variant="primary"
          onClick={() => setDialog(true)}
          title={t('editor:toolbar.inputTitle')}
          aria-label={t('editor:toolbar.inputLabel')}
          disabled={starting}
        >
          {t('editor:toolbar.input')}
        </Button>
      </div>
      <BotMenu />
    </>
  );
  return (
    <>
      {/* In the bot header when there is one (one row less above the canvas), else a toolbar row. */}
      {slot ? createPortal(content, slot) : <div className="editor-toolbar">{content}</div>}
      {dialog && (
        <RunDialog
          busy={starting}
          onClose={() => setDialog(false)}
          onRun={(input) => {
            setDialog(false);
            onRun(input);
          }}
        />
      )}
    </>
  );
}
