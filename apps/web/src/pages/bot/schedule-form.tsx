import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverlapPolicy, Schedule } from '@bm/contract';
import { Button } from '../../ui/button';
import { fieldErrors } from '../../api/api-error';
import { Field } from '../../ui/field';
import { Alert } from '../../ui/states';
import { parseRunInput } from '../../editor/toolbar/run-input';
import { OVERLAP_LABEL } from './overlap-labels';

const PRESETS = [
  { label: 'pages:schedules.presets.hourly', cron: '0 * * * *' },
  { label: 'pages:schedules.presets.daily', cron: '0 8 * * *' },
  { label: 'pages:schedules.presets.weekdays', cron: '0 8 * * 1-5' },
  { label: 'pages:schedules.presets.mondays', cron: '0 9 * * 1' },
] as const;

function timezones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? ['UTC'];
  } catch {
    return ['UTC'];
  }
}

type Values = { cron: string; timezone: string; overlap: OverlapPolicy; input?: unknown };

type Props = {
  onSubmit: (v: Values) => void;
  onCancel: () => void;
  busy: boolean;
  /** Editing an existing schedule (its run input cannot change; add a new schedule for that). */
  initial?: Schedule;
  /** The server's refusal of the last submit; cron and time zone errors show under their fields. */
  error?: unknown;
  /** The user changed something since that refusal (the parent forgets it). */
  onEdit?: () => void;
};

export function ScheduleForm({ onSubmit, onCancel, busy, initial, error, onEdit }: Props) {
  const { t } = useTranslation();
  const [cron, setCronText] = useState(initial?.cron ?? '0 8 * * 1-5');
  const [timezone, setTimezoneValue] = useState(() => initial?.timezone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'));
  const server = fieldErrors(error, ['cron', 'timezone', 'input']);
  const setCron = (v: string) => {
    setCronText(v);
    if (error) onEdit?.();
  };
  const setTimezone = (v: string) => {
    setTimezoneValue(v);
    if (error) onEdit?.();
  };
  const [overlap, setOverlap] = useState<OverlapPolicy>(initial?.overlap ?? 'skip');
  const [inputText, setInputText] = useState('');
  const input = parseRunInput(inputText);
  const zones = useMemo(timezones, []);
  const fields = cron.trim().split(/\s+/).length;
  const cronError = cron.trim() && (fields < 5 || fields > 6) ? t('pages:schedules.cronFields', { count: fields }) : server.byField.cron;

  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (!cronError && cron.trim() && input.ok)
          onSubmit({ cron: cron.trim(), timezone, overlap, ...(!initial && input.value !== undefined ? { input: input.value } : {}) });
      }}
    >
      {server.rest && <Alert kind="error">{server.rest}</Alert>}
      <div className="row-wrap" role="group" aria-label={t('pages:schedules.presets.label')}>
        <span className="small muted">{t('pages:schedules.presets.quick')}</span>
        {PRESETS.map((p) => (
          <button
            key={p.cron}
            type="button"
            className={cron === p.cron ? 'badge badge-accent' : 'badge'}
            style={{ cursor: 'pointer' }}
            onClick={() => setCron(p.cron)}
          >
            {t(p.label)}
          </button>
        ))}
      </div>
      <div className="schedule-fields">
        <Field label={t('pages:schedules.cron')} htmlFor="schedule-cron" error={cronError} hint={t('pages:schedules.cronHint')}>
          <input
            id="schedule-cron"
            className={cronError ? 'input mono invalid' : 'input mono'}
            aria-invalid={cronError ? true : undefined}
            value={cron}
            onChange={(e) => setCron(e.target.value)}
          />
        </Field>
        <Field label={t('pages:schedules.timezone')} htmlFor="schedule-tz" error={server.byField.timezone}>
          <select id="schedule-tz" className="select" value={timezone} onChange={(e) => setTimezone(e.target.value)}>
            {!zones.includes(timezone) && <option value={timezone}>{timezone}</option>}
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('pages:schedules.overlap')} htmlFor="schedule-overlap">
          <select id="schedule-overlap" className="select" value={overlap} onChange={(e) => setOverlap(e.target.value as OverlapPolicy)}>
            {(Object.keys(OVERLAP_LABEL) as OverlapPolicy[]).map((k) => (
              <option key={k} value={k}>
                {t(OVERLAP_LABEL[k])}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {!initial && (
        <Field
          label={t('pages:schedules.input')}
          htmlFor="schedule-input"
          error={input.ok ? server.byField.input : input.error}
          hint={t('pages:schedules.inputHint')}
        >
          <textarea
            id="schedule-input"
            className={`textarea code${input.ok ? '' : ' invalid'}`}
            rows={3}
            style={{ minHeight: 64 }}
            spellCheck={false}
            placeholder='{ "topic": "today" }'
            value={inputText}
            onChange={(e) => setInputText(e.target.value)}
          />
        </Field>
      )}
      <div className="row">
        <Button type="submit" variant="primary" loading={busy} disabled={Boolean(cronError) || !cron.trim() || !input.ok}>
          {initial ? t('pages:schedules.save') : t('pages:schedules.add')}
        </Button>
        <Button onClick={onCancel}>{t('common:actions.cancel')}</Button>
      </div>
    </form>
  );
}
