import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { queryKeys } from '../../api/query-keys';
import { resultsApi, type ResultItem } from '../../api/results';
import { CopyButton } from '../../ui/copy-button';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { EmptyState, ErrorState, LoadingState, Spinner } from '../../ui/states';
import { formatDateTime, formatRelative } from '../../ui/time';

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

function ResultCard({ result }: { result: ResultItem }) {
  return (
    <article className="card" data-testid="result">
      <div className="card-header">
        <h3 className="truncate">{result.title || 'Untitled result'}</h3>
        <span className="spacer" />
        <span className="small muted" title={formatDateTime(result.createdAt)}>
          {formatRelative(result.createdAt)}
        </span>
        <Link to={`../runs/${result.runId}`} relative="path" className="small">
          Run
        </Link>
        <CopyButton text={result.content} />
      </div>
      <div className="card-body">
        <pre className="pre" style={{ background: 'transparent', border: 'none', padding: 0, fontFamily: 'var(--font)', fontSize: 14, color: 'var(--text)' }}>
          {result.content}
        </pre>
      </div>
    </article>
  );
}

export function ResultsPage() {
  const { botId } = useParams();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  const results = useQuery({
    queryKey: queryKeys.results(botId!, query),
    queryFn: () => resultsApi.list(botId!, query || undefined),
    select: (d) => d.results,
    placeholderData: (prev) => prev,
  });

  return (
    <div className="page">
      <PageHeader
        title="Results"
        subtitle="What this bot's Results inbox nodes saved, newest first."
        actions={
          <div className="row" style={{ position: 'relative' }}>
            <Icon name="search" width={16} height={16} style={{ position: 'absolute', left: 10, color: 'var(--faint)' }} />
            <input className="input" type="search" style={{ width: 280, paddingLeft: 32 }} placeholder="Search results…" value={q} onChange={(e) => setQ(e.target.value)} aria-label="Search results" />
            {results.isFetching && <Spinner small />}
          </div>
        }
      />
      {results.isPending ? (
        <LoadingState label="Loading results…" />
      ) : results.isError ? (
        <ErrorState error={results.error} title="Could not load results" onRetry={() => results.refetch()} />
      ) : results.data.length === 0 ? (
        query ? (
          <EmptyState icon="search" title={`Nothing matches “${query}”`}>Try fewer or different words.</EmptyState>
        ) : (
          <EmptyState icon="inbox" title="The inbox is empty">
            Results appear here when a run reaches a <b>Results inbox</b> node. Run the bot from the editor to fill it.
          </EmptyState>
        )
      ) : (
        <div className="stack">
          {results.data.map((r) => (
            <ResultCard key={r.id} result={r} />
          ))}
        </div>
      )}
    </div>
  );
}
