import { useState } from 'react';
import type { NodeSettings, NodeTypeDescription } from '@bm/contract';
import { Field } from '../../ui/field';
import { useDraftError } from '../hooks/use-draft-error';

function parseOptionalInt(text: string, min: number, max: number): { ok: true; value: number | undefined } | { ok: false; error: string } {
  if (!text.trim()) return { ok: true, value: undefined };
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) return { ok: false, error: `Enter a whole number from ${min} to ${max}.` };
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
  const [attempts, setAttempts] = useState(s.retry?.maxAttempts?.toString() ?? '');
  const [timeout, setTimeoutText] = useState(s.timeoutMs !== undefined ? String(s.timeoutMs / 1000) : '');
  const [errors, setErrors] = useState<{ attempts?: string; timeout?: string }>({});
  useDraftError(nodeId, { key: 'settings.attempts', label: 'Max attempts' }, errors.attempts);
  useDraftError(nodeId, { key: 'settings.timeout', label: 'Timeout' }, errors.timeout);

  return (
    <>
      <div className="row" style={{ alignItems: 'flex-start' }}>
        <Field label="Max attempts" htmlFor={`${nodeId}-attempts`} error={errors.attempts} hint="Including the first try. Empty: default.">
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
        <Field label="Timeout (seconds)" htmlFor={`${nodeId}-timeout`} error={errors.timeout} hint="Per attempt. Empty: default.">
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
          <input type="checkbox" checked={Boolean(s.continueOnFailure)} onChange={(e) => onChange({ ...s, continueOnFailure: e.target.checked })} />
          Continue on failure
        </label>
        <div className="field-hint">When every attempt fails, record the error and let downstream nodes run anyway.</div>
      </div>
    </>
  );
}
