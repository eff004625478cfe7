import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { botsApi } from '../../api/bots';
import { queryKeys } from '../../api/query-keys';
import { useBot } from '../../api/use-bot';
import { Button } from '../../ui/button';
import { ConfirmButton } from '../../ui/confirm-button';
import { CopyField } from '../../ui/copy-button';
import { Icon } from '../../ui/icons';
import { ErrorAlert } from '../../ui/states';
import { WebhookResponseForm } from './webhook-response-form';

/** A shell command that calls the webhook: code, the same in every language. */
const curlExample = (url: string) => `curl -X POST '${url}' \\\n  -H 'content-type: application/json' \\\n  -d '{"topic": "hello"}'`;

export function WebhookSection({ botId }: { botId: string }) {
  const bot = useBot(botId);
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  // The token is stored hashed: its URL exists only in the answer to creating or rotating it.
  const [url, setUrl] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.bot(botId) });
  const rotate = useMutation({
    mutationFn: () => botsApi.rotateWebhook(botId),
    onSuccess: ({ url }) => {
      setUrl(url);
      void refresh();
    },
  });
  const disable = useMutation({
    mutationFn: () => botsApi.disableWebhook(botId),
    onSuccess: () => {
      setUrl(null);
      void refresh();
    },
  });
  const enabled = url !== null || bot.data?.webhookEnabled === true;

  return (
    <section className="card" data-testid="webhook">
      <div className="card-header">
        <Icon name="webhook" width={18} height={18} />
        <h2>{t('pages:webhook.title')}</h2>
        <span className="spacer" />
        {enabled ? (
          <span className="badge badge-ok">
            <span className="dot" />
            {t('pages:webhook.enabled')}
          </span>
        ) : (
          <span className="badge">{t('pages:webhook.disabled')}</span>
        )}
      </div>
      <div className="card-body stack">
        <ErrorAlert error={rotate.error ?? disable.error} />
        {enabled ? (
          <>
            {url ? (
              <>
                <p className="muted">{t('pages:webhook.shownOnce')}</p>
                <CopyField value={url} label={t('pages:webhook.url')} />
                <pre className="pre">{curlExample(url)}</pre>
              </>
            ) : (
              <p className="muted">{t('pages:webhook.hiddenBody')}</p>
            )}
            {bot.data && <WebhookResponseForm botId={botId} initial={bot.data.webhookResponse} />}
            <div className="row">
              <ConfirmButton
                icon="refresh"
                confirmLabel={t('pages:webhook.rotate')}
                loading={rotate.isPending}
                onConfirm={() => rotate.mutate()}
              >
                {t('pages:webhook.rotate')}
              </ConfirmButton>
              <ConfirmButton
                variant="danger"
                icon="x"
                confirmLabel={t('pages:webhook.disable')}
                loading={disable.isPending}
                onConfirm={() => disable.mutate()}
              >
                {t('pages:webhook.disableWebhook')}
              </ConfirmButton>
            </div>
          </>
        ) : (
          <>
            <p className="muted">{t('pages:webhook.disabledBody')}</p>
            <div>
              <Button variant="primary" icon="link" loading={rotate.isPending} onClick={() => rotate.mutate()}>
                {t('pages:webhook.create')}
              </Button>
            </div>
          </>
        )}
      </div>
    </section>
  );
}
