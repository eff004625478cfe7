import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, presetRange, type DayRange, type RangePreset } from './range';

/** This month (the default), the last 30 days, or custom dates (the end day included). */
export function RangePicker({ value, onChange }: { value: DayRange; onChange: (r: DayRange) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [preset, setPreset] = useState<RangePreset>('thisMonth');
  const [from, setFrom] = useState(value.from);
  const [to, setTo] = useState(addDays(value.to, -1));
  const invalid = preset === 'custom' && (!from || !to || from > to);
  const pick = (p: RangePreset) => {
    setPreset(p);
    if (p !== 'custom') onChange(presetRange(p));
  };
  const custom = (f: string, tIncl: string) => {
    setFrom(f);
    setTo(tIncl);
    if (f && tIncl && f <= tIncl) onChange({ from: f, to: addDays(tIncl, 1) });
  };
  return (
    <div className="row-wrap" data-testid="usage-range">
      <span className="small muted" id={`${id}-label`}>
        {t('usage:range.label')}
      </span>
      <div className="seg" role="group" aria-labelledby={`${id}-label`}>
        {(['thisMonth', 'last30', 'custom'] as const).map((p) => (
          <button key={p} type="button" aria-pressed={preset === p} onClick={() => pick(p)}>
            {t(RANGE_LABELS[p])}
          </button>
        ))}
      </div>
      {preset === 'custom' && (
        <>
          <label className="row small" htmlFor={`${id}-from`}>
            {t('usage:range.from')}
            <input id={`${id}-from`} className="input" type="date" value={from} onChange={(e) => custom(e.target.value, to)} />
          </label>
          <label className="row small" htmlFor={`${id}-to`}>
            {t('usage:range.to')}
            <input id={`${id}-to`} className="input" type="date" value={to} onChange={(e) => custom(from, e.target.value)} />
          </label>
          {invalid && (
            <span className="field-error" role="alert">
              {t('usage:range.invalid')}
            </span>
          )}
        </>
      )}
    </div>
  );
}

const RANGE_LABELS = { thisMonth: 'usage:range.thisMonth', last30: 'usage:range.last30', custom: 'usage:range.custom' } as const;
