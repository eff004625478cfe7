import { useMutation, useQueryClient } from '@tanstack/react-query';
import { botsApi } from '../../api/bots';
import { queryKeys } from '../../api/query-keys';
import { useBot } from '../../api/use-bot';
import { Button } from '../../ui/button';
import { ConfirmButton } from '../../ui/confirm-button';
import { CopyField } from '../../ui/copy-button';
import { Icon } from '../../ui/icons';
import { ErrorAlert } from '../../ui/states';

export function WebhookSection({ botId }: { botId: string }) {
  const bot = useBot(botId);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.bot(botId) });
  const rotate = useMutation({
    mutationFn: () => botsApi.rotateWebhook(botId),
    onSuccess: ({ url }) => {
      queryClient.setQueryData(queryKeys.bot(botId), (old: typeof bot.data) => (old ? { ...old, webhookUrl: url } : old));
      void refresh();
    },
  });
  const disable = useMutation({
    mutationFn: () => botsApi.disableWebhook(botId),
    onSuccess: () => {
      queryClient.setQueryData(queryKeys.bot(botId), (old: typeof bot.data) => (old ? { ...old, webhookUrl: null } : old));
      void refresh();
    },
  });
  const url = bot.data?.webhookUrl ?? null;

  return (
    <section className="card" data-testid="webhook">
      <div className="card-header">
        <Icon name="webhook" width={18} height={18} />
        <h2>Webhook</h2>
        <span className="spacer" />
        {url ? <span className="badge badge-ok"><span className="dot" />Enabled</span> : <span className="badge">Disabled</span>}
      </div>
      <div className="card-body stack">
        <ErrorAlert error={rotate.error ?? disable.error} />
        {url ? (
          <>
            <p className="muted">A POST to this secret URL starts a run; its JSON body becomes the run input. Anyone with the URL can start runs — rotate it if it leaks.</p>
            <CopyField value={url} label="Webhook URL" />
            <pre className="pre">{`curl -X POST '${url}' \\\n  -H 'content-type: application/json' \\\n  -d '{"topic": "hello"}'`}</pre>
            <div className="row">
              <ConfirmButton icon="refresh" confirmLabel="Rotate URL" loading={rotate.isPending} onConfirm={() => rotate.mutate()}>
                Rotate URL
              </ConfirmButton>
              <ConfirmButton variant="danger" icon="x" confirmLabel="Disable" loading={disable.isPending} onConfirm={() => disable.mutate()}>
                Disable webhook
              </ConfirmButton>
            </div>
          </>
        ) : (
          <>
            <p className="muted">Let other systems start this bot with an HTTP POST. You get a secret URL; the request body becomes the run input.</p>
            <div>
              <Button variant="primary" icon="link" loading={rotate.isPending} onClick={() => rotate.mutate()}>
                Create webhook URL
              </Button>
            </div>
          </>
        )}
      </div>
    </section>
  );
}
