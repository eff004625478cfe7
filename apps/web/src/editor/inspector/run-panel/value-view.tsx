import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultView, tableOf, textOf, viewsFor, type ValueViewKind } from './value-table';

const VIEW_LABEL = {
  table: 'expressions:panel.views.table',
  json: 'expressions:panel.views.json',
  text: 'expressions:panel.views.text',
} as const satisfies Record<ValueViewKind, string>;

/** One value with table / JSON / text views (n8n's output pane), the view picked for what the value is. */
export function ValueView({ value, testId }: { value: unknown; testId?: string }) {
  const { t } = useTranslation();
  const views = useMemo(() => viewsFor(value), [value]);
  const [chosen, setChosen] = useState<ValueViewKind | null>(null);
  const view = chosen && views.includes(chosen) ? chosen : defaultView(value);
  const table = useMemo(() => (view === 'table' ? tableOf(value) : null), [view, value]);
  const text = useMemo(
    () => (view === 'json' ? (JSON.stringify(value, null, 2) ?? '') : view === 'text' ? textOf(value) : ''),
    [view, value],
  );
  return (
    <div className="value-view" data-testid={testId} data-view={view}>
      <div className="value-views" role="group" aria-label={t('expressions:panel.views.label')}>
        {views.map((v) => (
          <button
            key={v}
            type="button"
            className={v === view ? 'active' : undefined}
            aria-pressed={v === view}
            onClick={() => setChosen(v)}
          >
            {t(VIEW_LABEL[v])}
          </button>
        ))}
      </div>
      {table ? (
        <div className="value-table-wrap">
          <table className="value-table">
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((c, j) => (
                    <td key={j}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {table.more > 0 && <div className="small muted">{t('expressions:panel.more', { count: table.more })}</div>}
        </div>
      ) : (
        <pre className="pre">{text}</pre>
      )}
    </div>
  );
}
