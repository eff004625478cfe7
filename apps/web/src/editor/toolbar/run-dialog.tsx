import { useState } from 'react';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Modal } from '../../ui/modal';
import { editorStore } from '../store/editor-store';
import { parseRunInput, sampleInputText } from './run-input';

export function RunDialog({ onRun, onClose, busy }: { onRun: (input: unknown) => void; onClose: () => void; busy: boolean }) {
  const [text, setText] = useState(() => sampleInputText(editorStore.getState().nodes));
  const parsed = parseRunInput(text);
  return (
    <Modal
      title="Run with input"
      description={
        <>
          Nodes read this as <code>{'{{ input… }}'}</code>. Leave empty to run without input.
        </>
      }
      onClose={onClose}
      onSubmit={() => parsed.ok && onRun(parsed.value)}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" icon="play" loading={busy} disabled={!parsed.ok}>
            Run
          </Button>
        </>
      }
    >
      <Field label="Input (JSON)" htmlFor="run-input" error={parsed.ok ? undefined : parsed.error}>
        <textarea id="run-input" className={`textarea code${parsed.ok ? '' : ' invalid'}`} rows={10} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} placeholder='{ "topic": "…" }' />
      </Field>
    </Modal>
  );
}
