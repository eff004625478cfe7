import type { AppDeps } from '../deps';
import { apiError } from './errors';

/**
 * Before bots are deleted, stop what would keep spending the user's LLM budget: their schedules in
 * Temporal, then their runs in flight. Temporal down: 503, and nothing is deleted.
 */
export async function stopBotActivity(deps: AppDeps, what: { scheduleIds: string[]; workflowIds: string[] }) {
  for (const id of what.scheduleIds) {
    await deps.scheduler.deleteSchedule(id).catch(() => {
      throw apiError(503, 'TEMPORAL_UNAVAILABLE', { key: 'TEMPORAL_UNAVAILABLE.stopSchedules' });
    });
  }
  for (const workflowId of what.workflowIds) {
    await deps.scheduler.cancelRun(workflowId).catch(() => {
      throw apiError(503, 'TEMPORAL_UNAVAILABLE', { key: 'TEMPORAL_UNAVAILABLE.stopRuns' });
    });
  }
}
