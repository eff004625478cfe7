import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/field';
import { editedPayload, type PayloadDraft } from './payload-draft';

/** The payload in an editable text area (JSON or text); read-only for whoever may not decide. */
export function PayloadEditor({
  id,
  draft,
  onChange,
  readOnly,
}: {
  id: string;
  draft: PayloadDraft;
  onChange: (text: string) => void;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const edit = editedPayload(draft);
  const error = edit.changed && 'error' in edit ? t('pages:approvals.invalidJson', { detail: edit.error }) : undefined;
  const lines = Math.min(14, Math.max(3, draft.text.split('\n').length + 1));
  return (
    <Field
      label={t('pages:approvals.payloadLabel')}
      htmlFor={id}
      aside={<span className="badge">{t('pages:approvals.format', { format: draft.format })}</span>}
      hint={readOnly ? undefined : t('pages:approvals.payloadHint')}
      error={error}
    >
      <textarea
        id={id}
        className={`textarea${draft.format === 'json' ? ' code' : ''}${error ? ' invalid' : ''}`}
        rows={lines}
        value={draft.text}
        readOnly={readOnly}
        spellCheck={draft.format === 'text'}
        translate="no"
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
        data-testid="approval-payload"
      />
    </Field>
  );
}
