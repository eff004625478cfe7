import { useMemo, useState } from 'react';
import type { OverlapPolicy, Schedule } from '@bm/contract';
import { Button } from '../../ui/button';
import { fieldErrors } from '../../api/api-error';
import { Field } from '../../ui/field';
import { Alert } from '../../ui/states';
import { parseRunInput } from '../../editor/toolbar/run-input';
import { OVERLAP_LABEL } from './overlap-labels';

const PRESETS: { label: string; cron: string }[] = [
  { label: 'Every hour', cron: '0 * * * *' },
  { label: 'Every day at 8:00', cron: '0 8 * * *' },
  { label: 'Weekdays at 8:00', cron: '0 8 * * 1-5' },
  { label: 'Mondays at 9:00', cron: '0 9 * * 1' },
];

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
  const cronError =
    cron.trim() && (fields < 5 || fields > 6) ? `A cron expression has 5 fields (minute hour day month weekday); this one has ${fields}.` : server.byField.cron;

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
      <div className="row-wrap" role="group" aria-label="Common schedules">
        <span className="small muted">Quick picks:</span>
        {PRESETS.map((p) => (
          <button key={p.cron} type="button" className={cron === p.cron ? 'badge badge-accent' : 'badge'} style={{ cursor: 'pointer' }} onClick={() => setCron(p.cron)}>
            {p.label}
          </button>
        ))}
      </div>
      <div className="schedule-fields">
        <Field label="Cron expression" htmlFor="schedule-cron" error={cronError} hint="minute hour day month weekday, e.g. 30 7 * * 1-5">
          <input id="schedule-cron" className={cronError ? 'input mono invalid' : 'input mono'} aria-invalid={cronError ? true : undefined} value={cron} onChange={(e) => setCron(e.target.value)} />
        </Field>
        <Field label="Time zone" htmlFor="schedule-tz" error={server.byField.timezone}>
          <select id="schedule-tz" className="select" value={timezone} onChange={(e) => setTimezone(e.target.value)}>
            {!zones.includes(timezone) && <option value={timezone}>{timezone}</option>}
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </Field>
        <Field label="If the last run is still going" htmlFor="schedule-overlap">
          <select id="schedule-overlap" className="select" value={overlap} onChange={(e) => setOverlap(e.target.value as OverlapPolicy)}>
            {(Object.keys(OVERLAP_LABEL) as OverlapPolicy[]).map((k) => (
              <option key={k} value={k}>
                {OVERLAP_LABEL[k]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {!initial && (
        <Field label="Run input (JSON, optional)" htmlFor="schedule-input" error={input.ok ? server.byField.input : input.error} hint="What {{ input }} holds in scheduled runs.">
          <textarea id="schedule-input" className={`textarea code${input.ok ? '' : ' invalid'}`} rows={3} style={{ minHeight: 64 }} spellCheck={false} placeholder='{ "topic": "today" }' value={inputText} onChange={(e) => setInputText(e.target.value)} />
        </Field>
      )}
      <div className="row">
        <Button type="submit" variant="primary" loading={busy} disabled={Boolean(cronError) || !cron.trim() || !input.ok}>
          {initial ? 'Save schedule' : 'Add schedule'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
