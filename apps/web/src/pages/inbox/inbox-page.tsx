import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { botsApi } from '../../api/bots';
import { queryKeys } from '../../api/query-keys';
import { resultsApi } from '../../api/results';
import { useWorkspace } from '../../session/workspace';
import { PageHeader } from '../../ui/page-header';
import { EmptyState } from '../../ui/states';
import { useDebounced } from '../../ui/use-debounced';
import { ApprovalsSection } from '../approvals/approvals-section';
import { ResultsList, ResultsSearch } from '../results/result-card';
import { botLabel, botNames } from './bot-names';

/** The approvals waiting in the current workspace, then every bot's results, newest first. */
export function InboxPage() {
  const { current } = useWorkspace();
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  const results = useQuery({
    queryKey: queryKeys.inbox(current?.id, query),
    queryFn: () => resultsApi.listWorkspace(current?.id, query || undefined),
    select: (d) => d.results,
    placeholderData: (prev) => prev,
  });
  // Same key as the bots page, so the names usually come from the cache.
  const bots = useQuery({ queryKey: queryKeys.bots(current?.id), queryFn: () => botsApi.list(current?.id), select: (d) => d.bots });
  const names = useMemo(() => botNames(bots.data), [bots.data]);

  return (
    <div className="page">
      <PageHeader
        title={t('pages:inbox.title')}
        subtitle={current && !current.personal ? t('pages:inbox.subtitleWorkspace', { name: current.name }) : t('pages:inbox.subtitle')}
        actions={<ResultsSearch value={q} onChange={setQ} busy={results.isFetching} />}
      />
      <ApprovalsSection workspaceId={current?.id} />
      <ResultsList
        results={results}
        query={query}
        source={(r) => (
          <Link to={`/bots/${r.botId}/results`} className="badge" data-testid="result-bot" title={t('pages:inbox.openBot')}>
            {botLabel(names, r.botId, bots.isPending)}
          </Link>
        )}
        empty={
          <EmptyState icon="inbox" title={t('pages:inbox.empty')}>
            <Trans i18nKey="pages:inbox.emptyBody" components={{ b: <b /> }} />
          </EmptyState>
        }
      />
    </div>
  );
}
