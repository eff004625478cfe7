import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_WAIT_DEFAULT_MS, WEBHOOK_WAIT_MAX_MS, type WebhookResponse } from '@bm/contract';
import { botsApi } from '../../api/bots';
import { fieldErrors } from '../../api/api-error';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Alert } from '../../ui/states';

type Mode = WebhookResponse['mode'];

/** Catalogue keys of each mode's label and hint (listed here so the unused-key check sees them). */
const MODES: Record<Mode, { label: `pages:webhook.response.${Mode}`; hint: `pages:webhook.response.${Mode}Hint` }> = {
  immediate: { label: 'pages:webhook.response.immediate', hint: 'pages:webhook.response.immediateHint' },
  respondNode: { label: 'pages:webhook.response.respondNode', hint: 'pages:webhook.response.respondNodeHint' },
  lastNode: { label: 'pages:webhook.response.lastNode', hint: 'pages:webhook.response.lastNodeHint' },
};

const MAX_SECONDS = WEBHOOK_WAIT_MAX_MS / 1000;

/** How the bot's webhook answers its caller: at once (202), or after waiting for the run. */
export function WebhookResponseForm({ botId, initial }: { botId: string; initial: WebhookResponse }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>(initial.mode);
  // Seconds in the form (people think in seconds), milliseconds in the API.
  const [seconds, setSeconds] = useState(String((initial.timeoutMs ?? WEBHOOK_WAIT_DEFAULT_MS) / 1000));
  const save = useMutation({
    mutationFn: (response: WebhookResponse) => botsApi.updateWebhook(botId, response),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.bot(botId) }),
  });
  const waits = mode !== 'immediate';
  const n = Number(seconds);
  const secondsError =
    waits && !(Number.isInteger(n) && n >= 1 && n <= MAX_SECONDS)
      ? t('pages:webhook.response.timeoutRange', { max: MAX_SECONDS })
      : undefined;
  const server = fieldErrors(save.error, []);
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      save.reset();
    };

  return (
    <form
      className="stack"
      data-testid="webhook-response"
      onSubmit={(e) => {
        e.preventDefault();
        if (secondsError) return;
        save.mutate(waits ? { mode, timeoutMs: n * 1000 } : { mode });
      }}
    >
      {server.rest && <Alert kind="error">{server.rest}</Alert>}
      <div className="schedule-fields">
        <Field label={t('pages:webhook.response.label')} htmlFor="webhook-response-mode" hint={t(MODES[mode].hint)}>
          <select id="webhook-response-mode" className="select" value={mode} onChange={(e) => edit(setMode)(e.target.value as Mode)}>
            {(Object.keys(MODES) as Mode[]).map((m) => (
              <option key={m} value={m}>
                {t(MODES[m].label)}
              </option>
            ))}
          </select>
        </Field>
        {waits && (
          <Field
            label={t('pages:webhook.response.timeout')}
            htmlFor="webhook-response-timeout"
            error={secondsError}
            hint={t('pages:webhook.response.timeoutHint')}
          >
            <input
              id="webhook-response-timeout"
              className={secondsError ? 'input invalid' : 'input'}
              aria-invalid={secondsError ? true : undefined}
              type="number"
              min={1}
              max={MAX_SECONDS}
              step={1}
              value={seconds}
              onChange={(e) => edit(setSeconds)(e.target.value)}
            />
          </Field>
        )}
      </div>
      <div className="row">
        <Button type="submit" loading={save.isPending} disabled={Boolean(secondsError)}>
          {t('pages:webhook.response.save')}
        </Button>
        {save.isSuccess && (
          <span className="small muted" role="status">
            {t('pages:webhook.response.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
