import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Budget } from '@bm/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usageApi, usageKeys } from '../../api/usage';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Modal } from '../../ui/modal';
import { ErrorAlert } from '../../ui/states';
import { toast } from '../../ui/toast';
import { BudgetNotifyFields, notifyDraftOf, notifyOfDraft } from './budget-notify-fields';

type Target = { id: string; name: string };
type Props = {
  workspaceId: string | undefined;
  existing?: Budget;
  bots: Target[];
  connections: Target[];
  onClose: () => void;
};

/** Create or edit a budget. Scope and target are fixed once made (the API changes period, limit, soft %, action and notice channels). */
export function BudgetFormDialog({ workspaceId, existing, bots, connections, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [scope, setScope] = useState<Budget['scope']>(existing?.scope ?? 'workspace');
  const [targetId, setTargetId] = useState(existing?.targetId ?? '');
  const [period, setPeriod] = useState<Budget['period']>(existing?.period ?? 'month');
  const [limit, setLimit] = useState(existing ? String(existing.limitUsd) : '');
  const [soft, setSoft] = useState(existing?.softPercent ? String(existing.softPercent) : '');
  const [action, setAction] = useState<Budget['action']>(existing?.action ?? 'notify');
  const [notify, setNotify] = useState(() => notifyDraftOf(existing?.notify));
  const targets = scope === 'bot' ? bots : scope === 'connection' ? connections : [];

  const save = useMutation({
    mutationFn: () => {
      const limitUsd = Number(limit);
      const softPercent = soft.trim() === '' ? undefined : Number(soft);
      if (existing)
        return usageApi.updateBudget(existing.id, {
          period,
          limitUsd,
          softPercent: softPercent ?? null,
          action,
          notify: notifyOfDraft(notify),
        });
      return usageApi.createBudget({
        workspaceId,
        scope,
        targetId: scope === 'workspace' ? undefined : targetId || undefined,
        period,
        limitUsd,
        softPercent,
        action,
        notify: notifyOfDraft(notify) ?? undefined,
      });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: usageKeys.budgets(workspaceId) });
      toast.info(t('usage:budgets.saved'));
      onClose();
    },
  });

  return (
    <Modal
      title={existing ? t('usage:budgets.editTitle') : t('usage:budgets.createTitle')}
      onClose={onClose}
      onSubmit={() => save.mutate()}
      footer={
        <>
          <Button onClick={onClose}>{t('usage:budgets.cancel')}</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {t('usage:budgets.save')}
          </Button>
        </>
      }
    >
      <ErrorAlert error={save.error} />
      <Field label={t('usage:budgets.scope')} htmlFor="budget-scope">
        <select
          id="budget-scope"
          className="select"
          value={scope}
          disabled={Boolean(existing)}
          onChange={(e) => {
            setScope(e.target.value as Budget['scope']);
            setTargetId('');
          }}
        >
          <option value="workspace">{t('usage:budgets.scopeWorkspace')}</option>
          <option value="bot">{t('usage:budgets.scopeBot')}</option>
          <option value="connection">{t('usage:budgets.scopeConnection')}</option>
        </select>
      </Field>
      {scope !== 'workspace' && (
        <Field label={t('usage:budgets.target')} htmlFor="budget-target" required>
          <select
            id="budget-target"
            className="select"
            value={targetId}
            disabled={Boolean(existing)}
            required
            onChange={(e) => setTargetId(e.target.value)}
          >
            <option value="">{t('usage:budgets.targetPick')}</option>
            {targets.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={t('usage:budgets.period')} htmlFor="budget-period">
        <select id="budget-period" className="select" value={period} onChange={(e) => setPeriod(e.target.value as Budget['period'])}>
          <option value="day">{t('usage:budgets.periodDay')}</option>
          <option value="month">{t('usage:budgets.periodMonth')}</option>
        </select>
      </Field>
      <Field label={t('usage:budgets.limit')} htmlFor="budget-limit" required>
        <input
          id="budget-limit"
          className="input"
          type="number"
          inputMode="decimal"
          min="0.0001"
          step="any"
          required
          value={limit}
          onChange={(e) => setLimit(e.target.value)}
        />
      </Field>
      <Field label={t('usage:budgets.soft')} htmlFor="budget-soft" hint={t('usage:budgets.softHint')}>
        <input
          id="budget-soft"
          className="input"
          type="number"
          min="1"
          max="100"
          step="1"
          value={soft}
          onChange={(e) => setSoft(e.target.value)}
        />
      </Field>
      <Field label={t('usage:budgets.action')} htmlFor="budget-action" hint={t('usage:budgets.stopHelp')}>
        <select id="budget-action" className="select" value={action} onChange={(e) => setAction(e.target.value as Budget['action'])}>
          <option value="notify">{t('usage:budgets.actionNotify')}</option>
          <option value="stop">{t('usage:budgets.actionStop')}</option>
        </select>
      </Field>
      <BudgetNotifyFields workspaceId={workspaceId} value={notify} onChange={setNotify} />
    </Modal>
  );
}
