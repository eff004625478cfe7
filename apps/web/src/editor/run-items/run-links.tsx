import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { queryKeys } from '../../api/query-keys';
import { runsApi } from '../../api/runs';

/** A link to the run that started this one (a flow.subbot node's run, or the failed run of an on-failure run). */
export function ParentRunLink({ parentRunId, className }: { parentRunId: string; className?: string }) {
  const { t } = useTranslation();
  // The parent may be another bot's run: its bot id comes from the run itself.
  const parent = useQuery({ queryKey: queryKeys.run(parentRunId), queryFn: () => runsApi.get(parentRunId) });
  if (!parent.data) return null;
  return (
    <Link to={`/bots/${parent.data.botId}/runs/${parentRunId}`} className={className} data-testid="parent-run-link">
      {t('editor:runLinks.parent')}
    </Link>
  );
}

/** A link to the run a flow.subbot node started, from its output's `runId` and the bot it names. */
export function ChildRunLink({ output, botId }: { output: unknown; botId: unknown }) {
  const { t } = useTranslation();
  const runId = output && typeof output === 'object' ? (output as { runId?: unknown }).runId : undefined;
  if (typeof runId !== 'string' || typeof botId !== 'string' || !botId) return null;
  return (
    <Link to={`/bots/${botId}/runs/${runId}`} className="small" data-testid="child-run-link">
      {t('editor:runLinks.child')}
    </Link>
  );
}
