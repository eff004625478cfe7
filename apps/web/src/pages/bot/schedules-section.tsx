import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
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
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.schedules(botId) });
  const onError = (err: unknown) => toast.error(errorMessage(err));
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
      toast.info('Run started — see Runs');
      void queryClient.invalidateQueries({ queryKey: queryKeys.runs(botId) });
    },
    onError,
  });
  if (editing)
    return (
      <tr>
        <td colSpan={4}>
          <ScheduleForm initial={schedule} busy={save.isPending} error={save.error} onEdit={save.reset} onSubmit={(v) => save.mutate(v)} onCancel={() => setEditing(false)} />
        </td>
      </tr>
    );
  return (
    <tr data-testid="schedule">
      <td>
        <div className="mono">{schedule.cron}</div>
        <div className="small muted">{schedule.timezone}</div>
      </td>
      <td className="small">{OVERLAP_LABEL[schedule.overlap] ?? schedule.overlap}</td>
      <td className="small">
        {schedule.paused ? (
          <span className="muted">Paused</span>
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
          <Button size="sm" variant="ghost" icon="play" loading={trigger.isPending} onClick={() => trigger.mutate()} title="Start a run now, as this schedule would">
            Run now
          </Button>
          <Button size="sm" variant="ghost" icon="edit" aria-label="Edit schedule" title="Edit schedule" onClick={() => setEditing(true)} />
          <Switch checked={!schedule.paused} label={schedule.paused ? 'Resume schedule' : 'Pause schedule'} onChange={(on) => toggle.mutate(!on)} />
          <ConfirmButton size="sm" variant="ghost" icon="trash" aria-label="Delete schedule" loading={remove.isPending} onConfirm={() => remove.mutate()} />
        </div>
      </td>
    </tr>
  );
}

export function SchedulesSection({ botId }: { botId: string }) {
  const [adding, setAdding] = useState(false);
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
        <h2>Schedules</h2>
        <span className="spacer" />
        {!adding && (schedules.data?.length ?? 0) > 0 && (
          <Button size="sm" icon="plus" onClick={() => setAdding(true)}>
            Add schedule
          </Button>
        )}
      </div>
      {adding && (
        <div className="card-body" style={{ borderBottom: '1px solid var(--border)' }}>
          <ScheduleForm busy={create.isPending} error={create.error} onEdit={create.reset} onSubmit={(v) => create.mutate(v)} onCancel={() => { setAdding(false); create.reset(); }} />
        </div>
      )}
      {schedules.isPending ? (
        <LoadingState label="Loading schedules…" />
      ) : schedules.isError ? (
        <ErrorState error={schedules.error} title="Could not load schedules" onRetry={() => schedules.refetch()} />
      ) : schedules.data.length === 0 ? (
        !adding && (
          <div className="card-body">
            <EmptyState icon="clock" title="No schedule" action={<Button icon="plus" onClick={() => setAdding(true)}>Add schedule</Button>}>
              Run this bot automatically, e.g. every weekday at 8:00. Each schedule can carry its own run input.
            </EmptyState>
          </div>
        )
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>When</th>
              <th>If still running</th>
              <th>Next runs</th>
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
