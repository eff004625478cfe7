import type { RunSummary } from '@bm/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { queryKeys } from '../../api/query-keys';
import { runsApi, TERMINAL_RUN_STATUSES } from '../../api/runs';
import { errorText } from '../../i18n/error-text';
import { can, useRole } from '../../session/roles';
import { Button } from '../../ui/button';
import { MenuButton } from '../../ui/menu-button';
import { toast } from '../../ui/toast';

/** Starts a fresh run (the bot's current version, this run's input) and opens it. */
function useRerun(run: Pick<RunSummary, 'id' | 'botId'>) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => runsApi.rerun(run.id),
    onSuccess: ({ runId }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.runs(run.botId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.run(run.id) });
      navigate(`/bots/${run.botId}/runs/${runId}`);
    },
    onError: (err) => toast.error(errorText(err)),
  });
}

/** Re-running is an editor's (as starting a run) and waits for the run to finish. */
function useMayRerun(run: Pick<RunSummary, 'status'>, workspaceId: string | undefined) {
  return can(useRole(workspaceId), 'runs.start') && TERMINAL_RUN_STATUSES.has(run.status);
}

/** The run list row's menu: "Re-run with the same input". */
export function RerunMenu({ run, workspaceId }: { run: RunSummary; workspaceId: string | undefined }) {
  const { t } = useTranslation();
  const rerun = useRerun(run);
  const may = useMayRerun(run, workspaceId);
  return (
    <MenuButton
      label={t('pages:runs.rerun.menu')}
      testId="run-row-menu"
      items={[
        {
          id: 'rerun',
          label: t('pages:runs.rerun.action'),
          icon: 'refresh',
          disabled: !may || rerun.isPending,
          onSelect: () => rerun.mutate(),
        },
      ]}
    />
  );
}

/** The run page's button. */
export function RerunButton({ run, workspaceId }: { run: RunSummary; workspaceId: string | undefined }) {
  const { t } = useTranslation();
  const rerun = useRerun(run);
  const mayRun = can(useRole(workspaceId), 'runs.start');
  if (!TERMINAL_RUN_STATUSES.has(run.status)) return null;
  return (
    <Button
      size="sm"
      icon="play"
      loading={rerun.isPending}
      onClick={() => rerun.mutate()}
      disabled={!mayRun}
      title={mayRun ? t('pages:runs.rerun.title') : t('teams:roleGate.editorsRun')}
      data-testid="rerun-button"
    >
      {t('pages:runs.rerun.button')}
    </Button>
  );
}
