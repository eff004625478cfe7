import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ResultItem } from '@bm/contract';
import { CopyButton } from '../../ui/copy-button';
import { Icon } from '../../ui/icons';
import { EmptyState, ErrorState, LoadingState, Spinner } from '../../ui/states';
import { formatDateTime, formatRelative } from '../../ui/time';

/** The search box above a results list; `busy` shows a spinner while a search is in flight. */
export function ResultsSearch({ value, onChange, busy }: { value: string; onChange: (value: string) => void; busy?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="row" style={{ position: 'relative' }}>
      <Icon name="search" width={16} height={16} style={{ position: 'absolute', left: 10, color: 'var(--faint)' }} />
      <input
        className="input"
        type="search"
        style={{ width: 280, paddingLeft: 32 }}
        placeholder={t('pages:results.searchPlaceholder')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-label={t('pages:results.search')}
      />
      {busy && <Spinner small />}
    </div>
  );
}

/** One saved result; `source` (e.g. a link to the bot it came from) goes before the title. */
export function ResultCard({ result, source }: { result: ResultItem; source?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <article className="card" data-testid="result">
      <div className="card-header">
        {source}
        <h3 className="truncate" translate="no">
          {result.title || t('pages:results.untitled')}
        </h3>
        <span className="spacer" />
        <span className="small muted" title={formatDateTime(result.createdAt)}>
          {formatRelative(result.createdAt)}
        </span>
        {result.runId && (
          <Link to={`/bots/${result.botId}/runs/${result.runId}`} className="small">
            {t('pages:results.run')}
          </Link>
        )}
        <CopyButton text={result.content} />
      </div>
      <div className="card-body">
        <pre
          className="pre"
          translate="no"
          style={{ background: 'transparent', border: 'none', padding: 0, fontFamily: 'var(--font)', fontSize: 14, color: 'var(--text)' }}
        >
          {result.content}
        </pre>
      </div>
    </article>
  );
}

/** Loading, error, empty ("nothing matches" while searching) and the cards themselves. */
export function ResultsList({
  results,
  query,
  empty,
  source,
}: {
  results: UseQueryResult<ResultItem[]>;
  query: string;
  empty: ReactNode;
  source?: (result: ResultItem) => ReactNode;
}) {
  const { t } = useTranslation();
  if (results.isPending) return <LoadingState label={t('pages:results.loading')} />;
  if (results.isError) return <ErrorState error={results.error} title={t('pages:results.loadError')} onRetry={() => results.refetch()} />;
  if (results.data.length === 0) {
    return query ? (
      <EmptyState icon="search" title={t('pages:results.noMatch', { query })}>
        {t('pages:results.noMatchBody')}
      </EmptyState>
    ) : (
      empty
    );
  }
  return (
    <div className="stack">
      {results.data.map((r) => (
        <ResultCard key={r.id} result={r} source={source?.(r)} />
      ))}
    </div>
  );
}
