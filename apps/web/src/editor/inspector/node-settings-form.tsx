import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeSettings, NodeTypeDescription } from '@bm/contract';
import { Field } from '../../ui/field';
import { useDraftError } from '../hooks/use-draft-error';
import { t as tr } from '../../i18n/i18n';

function parseOptionalInt(text: string, min: number, max: number): { ok: true; value: number | undefined } | { ok: false; error: string } {
  if (!text.trim()) return { ok: true, value: undefined };
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) return { ok: false, error: tr('editor:nodeSettings.wholeNumber', { min, max }) };
  return { ok: true, value: n };
}

/** Retry, timeout and failure handling, stored under `node.settings`. */
export function NodeSettingsForm({
  nodeId,
  settings,
  defaults,
  onChange,
}: {
  nodeId: string;
  settings: NodeSettings | undefined;
  /** The node type's execution defaults from the catalogue, shown as placeholders. */
  defaults?: NodeTypeDescription['execution'];
  onChange: (s: NodeSettings) => void;
}) {
  const s = settings ?? {};
  const { t } = useTranslation();
  const [attempts, setAttempts] = useState(s.retry?.maxAttempts?.toString() ?? '');
  const [timeout, setTimeoutText] = useState(s.timeoutMs !== undefined ? String(s.timeoutMs / 1000) : '');
  const [errors, setErrors] = useState<{ attempts?: string; timeout?: string }>({});
  useDraftError(nodeId, { key: 'settings.attempts', label: t('editor:nodeSettings.attempts') }, errors.attempts);
  useDraftError(nodeId, { key: 'settings.timeout', label: t('editor:nodeSettings.timeout') }, errors.timeout);

  return (
    <>
      <div className="row" style={{ alignItems: 'flex-start' }}>
        <Field
          label={t('editor:nodeSettings.attempts')}
          htmlFor={`${nodeId}-attempts`}
          error={errors.attempts}
          hint={t('editor:nodeSettings.attemptsHint')}
        >
          <input
            id={`${nodeId}-attempts`}
            className={errors.attempts ? 'input invalid' : 'input'}
            inputMode="numeric"
            placeholder={defaults ? String(defaults.retry.maxAttempts) : undefined}
            value={attempts}
            onChange={(e) => {
              setAttempts(e.target.value);
              const r = parseOptionalInt(e.target.value, 1, 10);
              setErrors((x) => ({ ...x, attempts: r.ok ? undefined : r.error }));
              if (r.ok) onChange({ ...s, retry: { ...s.retry, maxAttempts: r.value } });
            }}
          />
        </Field>
        <Field
          label={t('editor:nodeSettings.timeout')}
          htmlFor={`${nodeId}-timeout`}
          error={errors.timeout}
          hint={t('editor:nodeSettings.timeoutHint')}
        >
          <input
            id={`${nodeId}-timeout`}
            className={errors.timeout ? 'input invalid' : 'input'}
            inputMode="numeric"
            placeholder={defaults ? String(defaults.timeoutMs / 1000) : undefined}
            value={timeout}
            onChange={(e) => {
              setTimeoutText(e.target.value);
              const r = parseOptionalInt(e.target.value, 1, 86_400);
              setErrors((x) => ({ ...x, timeout: r.ok ? undefined : r.error }));
              if (r.ok) onChange({ ...s, timeoutMs: r.value === undefined ? undefined : r.value * 1000 });
            }}
          />
        </Field>
      </div>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={Boolean(s.continueOnFailure)}
            onChange={(e) => onChange({ ...s, continueOnFailure: e.target.checked })}
          />
          {t('editor:nodeSettings.continue')}
        </label>
        <div className="field-hint">{t('editor:nodeSettings.continueHint')}</div>
      </div>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid="error-output-toggle"
            checked={Boolean(s.errorOutput)}
            onChange={(e) => onChange({ ...s, errorOutput: e.target.checked })}
          />
          {t('editor:nodeSettings.errorOutput')}
        </label>
        <div className="field-hint">{t('editor:nodeSettings.errorOutputHint')}</div>
      </div>
    </>
  );
}
