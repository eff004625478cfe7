import type { UsageGroup, UsageResponse } from '@bm/contract';
import { useTranslation } from 'react-i18next';
import { formatter } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { downloadText, toCsv } from './csv';
import { CostText } from './cost-text';
import type { DayRange } from './range';

type Row = UsageResponse['rows'][number];
type TableGroup = Exclude<UsageGroup, 'day' | 'month'>;

const TITLES = {
  bot: 'usage:table.bot',
  model: 'usage:table.model',
  connection: 'usage:table.connection',
  member: 'usage:table.member',
} as const;

/** The CSV of a table: the same rows as on screen, raw numbers (full precision USD) for spreadsheets. Models have no label: their key is the name. */
export function usageCsv(rows: Row[], nameHeader: string): string {
  return toCsv(
    [nameHeader, 'id', 'runs', 'calls', 'input_tokens', 'output_tokens', 'cached_tokens', 'cost_usd', 'unpriced_calls'],
    rows.map((r) => [r.label ?? r.key, r.key, r.runs, r.calls, r.inputTokens, r.outputTokens, r.cachedTokens, r.costUsd, r.unpricedCalls]),
  );
}

export function UsageTable({ group, rows, range }: { group: TableGroup; rows: Row[]; range: DayRange }) {
  const { t } = useTranslation();
  const f = formatter();
  const title = t(TITLES[group]);
  return (
    <section className="card" data-testid={`usage-table-${group}`} aria-label={title}>
      <div className="card-header">
        <h3>{title}</h3>
        <span className="spacer" />
        <Button
          size="sm"
          disabled={rows.length === 0}
          title={t('usage:table.exportTitle')}
          onClick={() => downloadText(`usage-${group}-${range.from}-${range.to}.csv`, usageCsv(rows, group))}
        >
          {t('usage:table.export')}
        </Button>
      </div>
      {rows.length === 0 ? (
        <div className="card-body small muted">{t('usage:table.none')}</div>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('usage:table.name')}</th>
              <th className="num">{t('usage:table.runs')}</th>
              <th className="num">{t('usage:table.calls')}</th>
              <th className="num">{t('usage:table.inputTokens')}</th>
              <th className="num">{t('usage:table.outputTokens')}</th>
              <th className="num">{t('usage:table.cost')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td className="truncate" style={{ maxWidth: 280 }} title={r.key}>
                  {r.label ?? (group === 'model' && r.key ? r.key : t('usage:table.unnamed'))}
                </td>
                <td className="num">{f.number(r.runs)}</td>
                <td className="num">{f.number(r.calls)}</td>
                <td className="num">{f.tokens(r.inputTokens)}</td>
                <td className="num">{f.tokens(r.outputTokens)}</td>
                <td className="num" data-testid="usage-cost">
                  <CostText costUsd={r.costUsd} unpricedCalls={r.unpricedCalls} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
