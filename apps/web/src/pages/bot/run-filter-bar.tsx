import { RunStatus, RunTrigger } from '@bm/contract';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { statusKey } from '../../ui/status-badge';
import { useDebounced } from '../../ui/use-debounced';
import type { RunFilters } from './run-filters';
import { hasFilters } from './run-filters';
import { triggerLabel } from './trigger-labels';
import './lists.css';

/** Chips that toggle values in a list (status, trigger): none pressed means all. */
function Chips({
  label,
  values,
  chosen,
  text,
  onChange,
  testId,
}: {
  label: string;
  values: readonly string[];
  chosen: string[];
  text: (v: string) => string;
  onChange: (next: string[]) => void;
  testId: string;
}) {
  return (
    <div className="filter-group" role="group" aria-label={label}>
      <span className="filter-label">{label}</span>
      <div className="chips" data-testid={testId}>
        {values.map((v) => {
          const on = chosen.includes(v);
          return (
            <button
              key={v}
              type="button"
              className="chip"
              aria-pressed={on}
              data-value={v}
              onClick={() => onChange(on ? chosen.filter((c) => c !== v) : [...chosen, v])}
            >
              {text(v)}
            </button>
          );
        })}
      </div>
    </div>
  );
}

/**
 * The run history's filters: status and trigger chips, version, a date range and a search box
 * (debounced: the list is asked once typing pauses). The page keeps them in its URL.
 */
export function RunFilterBar({
  filters,
  versions,
  onChange,
}: {
  filters: RunFilters;
  /** The bot's versions, newest first (the version select's options). */
  versions: number[];
  onChange: (next: RunFilters) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(filters.q);
  const typed = useDebounced(text, 300);
  // Follows the URL when it changes from outside (Clear filters, back/forward).
  useEffect(() => setText(filters.q), [filters.q]);
  useEffect(() => {
    if (typed !== filters.q) onChange({ ...filters, q: typed });
    // Only a settled search text changes the filters; the others change them at once.
  }, [typed]);
  const set = (patch: Partial<RunFilters>) => onChange({ ...filters, ...patch });
  return (
    <div className="card filter-bar" data-testid="run-filters">
      <div className="filter-group" style={{ flex: '1 1 220px' }}>
        <label className="filter-label" htmlFor="run-search">
          {t('pages:runs.filters.search')}
        </label>
        <input
          id="run-search"
          className="input"
          type="search"
          value={text}
          maxLength={200}
          placeholder={t('pages:runs.filters.searchPlaceholder')}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <Chips
        label={t('pages:runs.filters.status')}
        values={RunStatus.options}
        chosen={filters.status}
        text={(v) => {
          const key = statusKey(v);
          return key ? t(key) : v;
        }}
        onChange={(status) => set({ status })}
        testId="status-chips"
      />
      <Chips
        label={t('pages:runs.filters.trigger')}
        values={RunTrigger.options}
        chosen={filters.trigger}
        text={triggerLabel}
        onChange={(trigger) => set({ trigger })}
        testId="trigger-chips"
      />
      <div className="filter-group">
        <label className="filter-label" htmlFor="run-version">
          {t('pages:runs.filters.version')}
        </label>
        <select id="run-version" className="select" value={filters.version} onChange={(e) => set({ version: e.target.value })}>
          <option value="">{t('pages:runs.filters.allVersions')}</option>
          {versions.map((v) => (
            <option key={v} value={String(v)}>
              {t('pages:botLayout.version', { version: v })}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-group">
        <label className="filter-label" htmlFor="run-from">
          {t('pages:runs.filters.from')}
        </label>
        <input
          id="run-from"
          className="input"
          type="date"
          value={filters.from}
          max={filters.to || undefined}
          onChange={(e) => set({ from: e.target.value })}
        />
      </div>
      <div className="filter-group">
        <label className="filter-label" htmlFor="run-to">
          {t('pages:runs.filters.to')}
        </label>
        <input
          id="run-to"
          className="input"
          type="date"
          value={filters.to}
          min={filters.from || undefined}
          onChange={(e) => set({ to: e.target.value })}
        />
      </div>
      {hasFilters(filters) && (
        <Button
          size="sm"
          variant="ghost"
          icon="x"
          onClick={() => onChange({ status: [], trigger: [], version: '', from: '', to: '', q: '' })}
        >
          {t('pages:runs.filters.clear')}
        </Button>
      )}
    </div>
  );
}
