import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';
import { t as tr } from '../../i18n/i18n';
import { queryKeys } from '../../api/query-keys';
import { schedulesApi } from '../../api/schedules';
import type { OverlapPolicy, Schedule } from '@bm/contract';
import { Button } from '../../ui/button';
import { ConfirmButton } from '../../ui/confirm-button';
import { Switch } from '../../ui/field';
import { Icon } from '../../ui/icons';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { formatDateTime, formatRelative } from '../../ui/time';
import { toast } from '../../ui/toast';
import { OVERLAP_LABEL } from './overlap-labels';
import { ScheduleForm } from './schedule-form';

function ScheduleRow({ schedule, botId }: { schedule: Schedule; botId: string }) {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.schedules(botId) });
  const onError = (err: unknown) => toast.error(errorText(err));
  const key = queryKeys.schedules(botId);
  const toggle = useMutation({
    mutationFn: (paused: boolean) => schedulesApi.update(schedule.id, { paused }),
    // The switch flips at once; a refusal puts it back.
    onMutate: (paused) => {
      const previous = queryClient.getQueryData<{ schedules: Schedule[] }>(key);
      queryClient.setQueryData<{ schedules: Schedule[] }>(key, (old) =>
        old ? { schedules: old.schedules.map((s) => (s.id === schedule.id ? { ...s, paused } : s)) } : old,
      );
      return { previous };
    },
    onError: (err, _paused, ctx) => {
      if (ctx?.previous) queryClient.setQueryData(key, ctx.previous);
      onError(err);
    },
    onSettled: refresh,
  });
  const remove = useMutation({ mutationFn: () => schedulesApi.remove(schedule.id), onSuccess: refresh, onError });
  const [editing, setEditing] = useState(false);
  const save = useMutation({
    mutationFn: (v: { cron: string; timezone: string; overlap: OverlapPolicy }) => schedulesApi.update(schedule.id, v),
    onSuccess: async () => {
      await refresh();
      setEditing(false);
    },
  });
  const trigger = useMutation({
    mutationFn: () => schedulesApi.trigger(schedule.id),
    onSuccess: () => {
      toast.info(tr('pages:schedules.started'));
      void queryClient.invalidateQueries({ queryKey: queryKeys.runs(botId) });
    },
    onError,
  });
  if (editing)
    return (
      <tr>
        <td colSpan={4}>
          <ScheduleForm
            initial={schedule}
            busy={save.isPending}
            error={save.error}
            onEdit={save.reset}
            onSubmit={(v) => save.mutate(v)}
            onCancel={() => setEditing(false)}
          />
        </td>
      </tr>
    );
  return (
    <tr data-testid="schedule">
      <td>
        <div className="mono">{schedule.cron}</div>
        <div className="small muted">{schedule.timezone}</div>
      </td>
      <td className="small">{schedule.overlap in OVERLAP_LABEL ? t(OVERLAP_LABEL[schedule.overlap]) : schedule.overlap}</td>
      <td className="small">
        {schedule.paused ? (
          <span className="muted">{t('pages:schedules.paused')}</span>
        ) : (
          schedule.nextRuns.slice(0, 3).map((t) => (
            <div key={t} title={formatDateTime(t)}>
              {formatDateTime(t)} <span className="muted">({formatRelative(t)})</span>
            </div>
          ))
        )}
      </td>
      <td>
        <div className="row" style={{ justifyContent: 'flex-end' }}>
          <Button
            size="sm"
            variant="ghost"
            icon="play"
            loading={trigger.isPending}
            onClick={() => trigger.mutate()}
            title={t('pages:schedules.runNowTitle')}
          >
            {t('pages:schedules.runNow')}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            icon="edit"
            aria-label={t('pages:schedules.edit')}
            title={t('pages:schedules.edit')}
            onClick={() => setEditing(true)}
          />
          <Switch
            checked={!schedule.paused}
            label={schedule.paused ? t('pages:schedules.resume') : t('pages:schedules.pause')}
            onChange={(on) => toggle.mutate(!on)}
          />
          <ConfirmButton
            size="sm"
            variant="ghost"
            icon="trash"
            aria-label={t('pages:schedules.delete')}
            loading={remove.isPending}
            onConfirm={() => remove.mutate()}
          />
        </div>
      </td>
    </tr>
  );
}

export function SchedulesSection({ botId }: { botId: string }) {
  const [adding, setAdding] = useState(false);
  const { t } = useTranslation();
  const schedules = useQuery({ queryKey: queryKeys.schedules(botId), queryFn: () => schedulesApi.list(botId), select: (d) => d.schedules });
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: { cron: string; timezone: string; overlap: OverlapPolicy; input?: unknown }) => schedulesApi.create(botId, body),
    onSuccess: async () => {
      setAdding(false);
      await queryClient.invalidateQueries({ queryKey: queryKeys.schedules(botId) });
    },
  });

  return (
    <section className="card" data-testid="schedules">
      <div className="card-header">
        <Icon name="clock" width={18} height={18} />
        <h2>{t('pages:schedules.title')}</h2>
        <span className="spacer" />
        {!adding && (schedules.data?.length ?? 0) > 0 && (
          <Button size="sm" icon="plus" onClick={() => setAdding(true)}>
            {t('pages:schedules.add')}
          </Button>
        )}
      </div>
      {adding && (
        <div className="card-body" style={{ borderBottom: '1px solid var(--border)' }}>
          <ScheduleForm
            busy={create.isPending}
            error={create.error}
            onEdit={create.reset}
            onSubmit={(v) => create.mutate(v)}
            onCancel={() => {
              setAdding(false);
              create.reset();
            }}
          />
        </div>
      )}
      {schedules.isPending ? (
        <LoadingState label={t('pages:schedules.loading')} />
      ) : schedules.isError ? (
        <ErrorState error={schedules.error} title={t('pages:schedules.loadError')} onRetry={() => schedules.refetch()} />
      ) : schedules.data.length === 0 ? (
        !adding && (
          <div className="card-body">
            <EmptyState
              icon="clock"
              title={t('pages:schedules.empty')}
              action={
                <Button icon="plus" onClick={() => setAdding(true)}>
                  {t('pages:schedules.add')}
                </Button>
              }
            >
              {t('pages:schedules.emptyBody')}
            </EmptyState>
          </div>
        )
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('pages:schedules.columns.when')}</th>
              <th>{t('pages:schedules.columns.overlap')}</th>
              <th>{t('pages:schedules.columns.next')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {schedules.data.map((s) => (
              <ScheduleRow key={s.id} schedule={s} botId={botId} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
