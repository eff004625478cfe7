import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useBotHeaderSlot } from '../../layout/bot-header-slot';
import { Button } from '../../ui/button';
import { useEditorStore } from '../store/editor-store';
import { RunDialog } from './run-dialog';
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
  const mod = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+';

  const quickRun = () => {
    // The manual source's sample is the default input; a broken sample opens the dialog instead.
    const parsed = parseRunInput(sampleInputText(editorStore.getState().nodes));
    if (parsed.ok) onRun(parsed.value);
    else setDialog(true);
  };

  const content = (
    <>
      <Button variant={dirty ? 'primary' : 'secondary'} icon="save" loading={saving} onClick={onSave} title={`Save (${mod}S)`}>
        Save
      </Button>
      <span className="save-state" data-testid="save-state">
        {dirty ? (
          <>
            <span className="dot" /> Unsaved changes
          </>
        ) : (
          'All changes saved'
        )}
      </span>
      <span className="divider" />
      <Button variant="ghost" size="sm" icon="undo" disabled={!canUndo} onClick={undo} title={`Undo (${mod}Z)`} aria-label="Undo" />
      <Button variant="ghost" size="sm" icon="redo" disabled={!canRedo} onClick={redo} title={`Redo (${mod}Shift+Z)`} aria-label="Redo" />
      <span className="divider" />
      <div className="split-btn">
        <Button variant="primary" icon="play" loading={starting} onClick={quickRun} title={dirty ? 'Save, then run with the sample input' : 'Run with the sample input'}>
          Run
        </Button>
        <Button variant="primary" onClick={() => setDialog(true)} title="Run with a custom JSON input" aria-label="Run with input…" disabled={starting}>
          Input…
        </Button>
      </div>
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
