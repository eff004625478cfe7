import { useQuery } from '@tanstack/react-query';
import type { BudgetNotify } from '@bm/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { queryKeys } from '../../api/query-keys';
import { secretsApi } from '../../api/secrets';
import { Field } from '../../ui/field';

type Props = {
  workspaceId: string | undefined;
  value: NotifyDraft;
  onChange: (v: NotifyDraft) => void;
  /** Element ids start with this (two forms on one page). */
  idPrefix?: string;
  /** What the channels are for, when not a budget's threshold notice. */
  legend?: string;
  help?: string;
};

/** The form's view of the extra notice channels: addresses as typed, secrets by name ('' = none). */
export type NotifyDraft = { emails: string; slackSecret: string; webhookSecret: string };

export const notifyDraftOf = (n: BudgetNotify | null | undefined): NotifyDraft => ({
  emails: (n?.emails ?? []).join(', '),
  slackSecret: n?.slackSecret ?? '',
  webhookSecret: n?.webhookSecret ?? '',
});

/** What the API stores: null when no channel is set (the inbox alone). */
export function notifyOfDraft(d: NotifyDraft): BudgetNotify | null {
  const emails = d.emails
    .split(/[,;\s]+/)
    .map((e) => e.trim())
    .filter(Boolean);
  const n: BudgetNotify = {
    ...(emails.length ? { emails } : {}),
    ...(d.slackSecret ? { slackSecret: d.slackSecret } : {}),
    ...(d.webhookSecret ? { webhookSecret: d.webhookSecret } : {}),
  };
  return Object.keys(n).length ? n : null;
}

/**
 * Where a threshold notice goes besides the inbox. Slack and webhook URLs are credentials, so they
 * are picked from the workspace's secrets (the value is the URL); the dialog never sees a URL.
 */
export function BudgetNotifyFields({ workspaceId, value, onChange, idPrefix = 'budget-notify', legend, help }: Props) {
  const { t } = useTranslation();
  const secrets = useQuery({ queryKey: queryKeys.secrets(workspaceId), queryFn: () => secretsApi.list(workspaceId) });
  const names = (secrets.data?.secrets ?? []).map((s) => s.name);
  const secretSelect = (id: string, key: 'slackSecret' | 'webhookSecret') => (
    <select id={id} className="select" value={value[key]} onChange={(e) => onChange({ ...value, [key]: e.target.value })}>
      <option value="">{t('usage:budgets.notify.none')}</option>
      {names.map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
      {value[key] && !names.includes(value[key]) && <option value={value[key]}>{value[key]}</option>}
    </select>
  );
  return (
    <fieldset className="budget-notify">
      <legend>{legend ?? t('usage:budgets.notify.title')}</legend>
      <p className="field-hint">
        {help ?? t('usage:budgets.notify.help')} <Link to="/settings/secrets">{t('usage:budgets.notify.secretsLink')}</Link>
      </p>
      <Field label={t('usage:budgets.notify.emails')} htmlFor={`${idPrefix}-emails`} hint={t('usage:budgets.notify.emailsHint')}>
        <input
          id={`${idPrefix}-emails`}
          className="input"
          type="text"
          inputMode="email"
          autoComplete="off"
          placeholder={t('usage:budgets.notify.emailsPlaceholder')}
          value={value.emails}
          onChange={(e) => onChange({ ...value, emails: e.target.value })}
        />
      </Field>
      <Field label={t('usage:budgets.notify.slack')} htmlFor={`${idPrefix}-slack`}>
        {secretSelect(`${idPrefix}-slack`, 'slackSecret')}
      </Field>
      <Field label={t('usage:budgets.notify.webhook')} htmlFor={`${idPrefix}-webhook`}>
        {secretSelect(`${idPrefix}-webhook`, 'webhookSecret')}
      </Field>
    </fieldset>
  );
}
