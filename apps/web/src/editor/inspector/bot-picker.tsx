import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { botsApi } from '../../api/bots';
import { queryKeys } from '../../api/query-keys';
import { errorText } from '../../i18n/error-text';
import { useWorkspaceId } from '../../session/workspace';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { useEditorStore } from '../store/editor-store';

type Props = {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  issue?: string;
  value: string | undefined;
  onChange: (botId: string | undefined) => void;
};

/** A param naming another bot of the workspace (flow.subbot's `botId`): never the bot being edited. */
export function BotPicker({ id, label, required, hint, issue, value, onChange }: Props) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const self = useEditorStore((s) => s.botId);
  const bots = useQuery({ queryKey: queryKeys.bots(workspaceId), queryFn: () => botsApi.list(workspaceId), select: (d) => d.bots });
  const others = (bots.data ?? []).filter((b) => b.id !== self);
  const missing = value && bots.isSuccess && !others.some((b) => b.id === value);
  const none = bots.isSuccess && others.length === 0;
  const note = bots.isError ? (
    <span role="alert">
      {t('editor:botPicker.loadError', { reason: errorText(bots.error) })}{' '}
      <Button size="sm" variant="ghost" onClick={() => void bots.refetch()}>
        {t('editor:botPicker.retry')}
      </Button>
    </span>
  ) : none ? (
    <span data-testid="bot-picker-empty">
      {t('editor:botPicker.empty')} <Link to="/">{t('editor:botPicker.createOne')}</Link>
    </span>
  ) : (
    hint
  );
  return (
    <Field
      label={label}
      htmlFor={id}
      required={required}
      hint={note}
      error={missing ? (value === self ? t('editor:botPicker.self') : t('editor:botPicker.missing')) : issue}
    >
      <select
        id={id}
        className={missing || issue ? 'select invalid' : 'select'}
        value={value ?? ''}
        disabled={bots.isPending}
        onChange={(e) => onChange(e.target.value || undefined)}
        data-testid="bot-picker"
      >
        <option value="">{bots.isPending ? t('editor:pickers.loading') : t('editor:botPicker.choose')}</option>
        {missing && <option value={value}>{t('editor:botPicker.unknown')}</option>}
        {others.map((b) => (
          <option key={b.id} value={b.id} translate="no">
            {b.name}
          </option>
        ))}
      </select>
    </Field>
  );
}
