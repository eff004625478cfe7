import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Modal } from '../../ui/modal';
import { editorStore } from '../store/editor-store';
import { parseRunInput, sampleInputText } from './run-input';
import { RunCostEstimate } from '../../pages/usage/run-estimate';

export function RunDialog({ onRun, onClose, busy }: { onRun: (input: unknown) => void; onClose: () => void; busy: boolean }) {
  const [text, setText] = useState(() => sampleInputText(editorStore.getState().nodes));
  const parsed = parseRunInput(text);
  const { t } = useTranslation();
  return (
    <Modal
      title={t('editor:runDialog.title')}
      description={<Trans i18nKey="editor:runDialog.description" components={{ code: <code /> }} />}
      onClose={onClose}
      onSubmit={() => parsed.ok && onRun(parsed.value)}
      footer={
        <>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" icon="play" loading={busy} disabled={!parsed.ok}>
            {t('editor:runDialog.submit')}
          </Button>
        </>
      }
    >
      <Field label={t('editor:runDialog.field')} htmlFor="run-input" error={parsed.ok ? undefined : parsed.error}>
        <textarea
          id="run-input"
          className={`textarea code${parsed.ok ? '' : ' invalid'}`}
          rows={10}
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder='{ "topic": "…" }'
        />
      </Field>
      <RunCostEstimate inputText={parsed.ok ? text : ''} />
    </Modal>
  );
}
