import { useMemo, useState } from 'react';
import type { OverlapPolicy, Schedule } from '../../api/schedules';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
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
};

export function ScheduleForm({ onSubmit, onCancel, busy, initial }: Props) {
  const [cron, setCron] = useState(initial?.cron ?? '0 8 * * 1-5');
  const [timezone, setTimezone] = useState(() => initial?.timezone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'));
  const [overlap, setOverlap] = useState<OverlapPolicy>(initial?.overlap ?? 'skip');
  const [inputText, setInputText] = useState('');
  const input = parseRunInput(inputText);
  const zones = useMemo(timezones, []);
  const fields = cron.trim().split(/\s+/).length;
  const cronError = cron.trim() && (fields < 5 || fields > 6) ? 'A cron expression has 5 fields: minute hour day-of-month month day-of-week.' : undefined;

  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (!cronError && cron.trim() && input.ok)
          onSubmit({ cron: cron.trim(), timezone, overlap, ...(!initial && input.value !== undefined ? { input: input.value } : {}) });
      }}
    >
      <div className="row-wrap">
        {PRESETS.map((p) => (
          <button key={p.cron} type="button" className={cron === p.cron ? 'badge badge-accent' : 'badge'} style={{ cursor: 'pointer' }} onClick={() => setCron(p.cron)}>
            {p.label}
          </button>
        ))}
      </div>
      <div className="row" style={{ alignItems: 'flex-start' }}>
        <Field label="Cron expression" htmlFor="schedule-cron" error={cronError} hint="minute hour day month weekday">
          <input id="schedule-cron" className="input mono" value={cron} onChange={(e) => setCron(e.target.value)} />
        </Field>
        <Field label="Time zone" htmlFor="schedule-tz">
          <select id="schedule-tz" className="select" value={timezone} onChange={(e) => setTimezone(e.target.value)}>
            {!zones.includes(timezone) && <option value={timezone}>{timezone}</option>}
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </Field>
        <Field label="If the previous run is still going" htmlFor="schedule-overlap">
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
        <Field label="Run input (JSON, optional)" htmlFor="schedule-input" error={input.ok ? undefined : input.error} hint="What {{ input }} holds in scheduled runs.">
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
