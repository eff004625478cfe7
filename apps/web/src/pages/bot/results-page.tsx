import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { queryKeys } from '../../api/query-keys';
import { useBot } from '../../api/use-bot';
import { resultsApi } from '../../api/results';
import { PageHeader } from '../../ui/page-header';
import { EmptyState } from '../../ui/states';
import { useDebounced } from '../../ui/use-debounced';
import { ApprovalsSection } from '../approvals/approvals-section';
import { ResultsList, ResultsSearch } from '../results/result-card';

export function ResultsPage() {
  const { botId } = useParams();
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  const bot = useBot(botId);
  const results = useQuery({
    queryKey: queryKeys.results(botId!, query),
    queryFn: () => resultsApi.list(botId!, query || undefined),
    select: (d) => d.results,
    placeholderData: (prev) => prev,
  });

  return (
    <div className="page">
      <PageHeader
        title={t('pages:results.title')}
        subtitle={t('pages:results.subtitle')}
        actions={<ResultsSearch value={q} onChange={setQ} busy={results.isFetching} />}
      />
      {bot.data && <ApprovalsSection workspaceId={bot.data.workspaceId} botId={botId} />}
      <ResultsList
        results={results}
        query={query}
        empty={
          <EmptyState icon="inbox" title={t('pages:results.empty')}>
            <Trans i18nKey="pages:results.emptyBody" components={{ b: <b /> }} />
          </EmptyState>
        }
      />
    </div>
  );
}
