import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { botsApi } from '../../api/bots';
import type { Bot as BotSummary } from '@bm/contract';
import { queryKeys } from '../../api/query-keys';
import { useWorkspace } from '../../session/workspace';
import { Button } from '../../ui/button';
import { ConfirmButton } from '../../ui/confirm-button';
import { PageHeader } from '../../ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { formatRelative } from '../../ui/time';
import { toast } from '../../ui/toast';
import { errorMessage } from '../../api/api-error';
import { useConnections } from '../../api/use-connections';
import { Alert } from '../../ui/states';
import { CreateBotDialog } from './create-bot-dialog';
import { GettingStarted } from './getting-started';

function BotCard({ bot }: { bot: BotSummary }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => botsApi.remove(bot.id),
    onSuccess: () => {
      toast.info(`Deleted “${bot.name}”`);
      return queryClient.invalidateQueries({ queryKey: queryKeys.botsAll });
    },
    onError: (err) => toast.error(errorMessage(err)),
  });
  return (
    <article className="card bot-card" data-testid="bot-card">
      <div className="row" style={{ paddingRight: 84 }}>
        <h3 className="truncate">
          {/* The link's ::after covers the card, so the whole card opens the bot. */}
          <Link to={`/bots/${bot.id}`} className="stretched">
            {bot.name}
          </Link>
        </h3>
      </div>
      <p className="desc">{bot.description || <span className="muted">No description</span>}</p>
      <div className="meta">
        <span className="badge">v{bot.version}</span>
        <span>Updated {formatRelative(bot.updatedAt)}</span>
      </div>
      <div className="actions">
        <ConfirmButton size="sm" variant="ghost" icon="trash" aria-label={`Delete ${bot.name}`} title="Delete bot" loading={remove.isPending} onConfirm={() => remove.mutate()} />
      </div>
    </article>
  );
}

export function BotsPage() {
  const { current } = useWorkspace();
  const [creating, setCreating] = useState(false);
  const bots = useQuery({ queryKey: queryKeys.bots(current?.id), queryFn: () => botsApi.list(current?.id), select: (d) => d.bots });
  const connections = useConnections();
  const hasConnection = (connections.data ?? []).some((c) => c.isActive);

  const newButton = (
    <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
      New bot
    </Button>
  );
  return (
    <div className="page">
      <PageHeader title="Bots" subtitle={current && !current.personal ? `Workspace: ${current.name}` : 'Your bots, their runs and their results.'} actions={bots.data?.length ? newButton : undefined} />
      {bots.isPending ? (
        <LoadingState label="Loading bots…" />
      ) : bots.isError ? (
        <ErrorState error={bots.error} title="Could not load your bots" onRetry={() => bots.refetch()} />
      ) : bots.data.length === 0 ? (
        <EmptyState icon="bot" title="Welcome to Bot Manager">
          <p>
            A bot is a small workflow you draw on a canvas: it <b>takes input</b>, asks <b>an LLM</b> through your own provider account, <b>reshapes</b> the answer and <b>delivers</b> it —
            on demand, on a schedule or from a webhook.
          </p>
          {connections.isPending ? null : <GettingStarted hasConnection={hasConnection} onNewBot={() => setCreating(true)} />}
        </EmptyState>
      ) : (
        <div className="stack-lg">
          {connections.isSuccess && !hasConnection && (
            <Alert kind="warning" title="No active LLM connection">
              Your bots cannot call a model until you <Link to="/settings/connections">add or activate an LLM connection</Link>.
            </Alert>
          )}
          <div className="bot-grid">
            {bots.data.map((bot) => (
              <BotCard key={bot.id} bot={bot} />
            ))}
          </div>
        </div>
      )}
      {creating && <CreateBotDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
