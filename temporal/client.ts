import {
  Client,
  Connection,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  WorkflowFailedError,
  WorkflowNotFoundError,
} from '@temporalio/client';
import {
  APPROVAL_DECIDED_SIGNAL,
  BOT_RUN_WORKFLOW,
  TASK_QUEUE,
  runWorkflowId,
  scheduleWorkflowId,
  type ApprovalDecidedSignal,
  type BotRunInput,
} from './shared';

export interface TemporalClientOptions {
  address: string;
  namespace?: string;
}

export async function connectTemporalClient(opts: TemporalClientOptions): Promise<Client> {
  const connection = await Connection.connect({ address: opts.address });
  return new Client({ connection, namespace: opts.namespace ?? 'default' });
}

export const OVERLAP_POLICIES = {
  skip: ScheduleOverlapPolicy.SKIP,
  buffer_one: ScheduleOverlapPolicy.BUFFER_ONE,
  allow_all: ScheduleOverlapPolicy.ALLOW_ALL,
  cancel_other: ScheduleOverlapPolicy.CANCEL_OTHER,
} as const;
export type OverlapPolicy = keyof typeof OVERLAP_POLICIES;

/** Calls from a request handler give up after this: an unreachable Temporal is a quick 503, not a hang. */
const CALL_DEADLINE_MS = 5_000;

/**
 * The API's view of Temporal: start/cancel runs and manage schedules. `eagerStart`: a worker of this
 * process polls the task queue on the client's own connection, so runs may start on it without a
 * round trip through the task queue.
 */
export function createRunScheduler(client: Client, taskQueue: string = TASK_QUEUE, opts: { eagerStart?: boolean } = {}) {
  const within = <T>(fn: () => Promise<T>) => client.withDeadline(Date.now() + CALL_DEADLINE_MS, fn);
  return {
    client,
    taskQueue,
    async startRun(runId: string) {
      const input: BotRunInput = { runId };
      try {
        await within(() =>
          client.workflow.start(BOT_RUN_WORKFLOW, {
            taskQueue,
            workflowId: runWorkflowId(runId),
            args: [input],
            requestEagerStart: opts.eagerStart,
          }),
        );
      } catch (err) {
        // The call may have timed out after Temporal accepted it: then the run did start.
        const started = await within(() => client.workflow.getHandle(runWorkflowId(runId)).describe()).then(
          () => true,
          () => false,
        );
        if (!started) throw err;
      }
    },
    /**
     * Waits up to `ms` for the run's workflow to close (a long poll on Temporal, no database reads):
     * true once it closed, however it ended; false on timeout or when Temporal cannot say.
     */
    async waitForRun(runId: string, ms: number): Promise<boolean> {
      const abort = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      // The timer decides, not the abort: a native connection (the embedded app's, shared with its
      // worker) lets an aborted long poll run on until it answers.
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(() => {
          abort.abort();
          resolve(false);
        }, ms);
      });
      const closed = client
        .withAbortSignal(abort.signal, () => client.workflow.getHandle(runWorkflowId(runId)).result())
        .then(
          () => true,
          (err: unknown) => err instanceof WorkflowFailedError,
        );
      try {
        return await Promise.race([closed, timedOut]);
      } finally {
        clearTimeout(timer);
      }
    },
    async cancelRun(workflowId: string) {
      try {
        await within(() => client.workflow.getHandle(workflowId).cancel());
        return true;
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return false;
        throw err;
      }
    },
    /**
     * Tells a run's workflow that one of its flow.approval nodes was decided (the decision is in the
     * Approval row already). False when there is no such running workflow; throws when Temporal
     * cannot be reached within the deadline (the client retries an unavailable server meanwhile).
     */
    async signalApproval(workflowId: string, signal: ApprovalDecidedSignal): Promise<boolean> {
      try {
        await within(() => client.workflow.getHandle(workflowId).signal(APPROVAL_DECIDED_SIGNAL, signal));
        return true;
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return false;
        throw err;
      }
    },
    async createSchedule(s: { id: string; cron: string; timezone: string; overlap: OverlapPolicy; paused?: boolean }) {
      const input: BotRunInput = { scheduleId: s.id };
      await within(() =>
        client.schedule.create({
          scheduleId: scheduleWorkflowId(s.id),
          spec: { cronExpressions: [s.cron], timezone: s.timezone },
          action: { type: 'startWorkflow', workflowType: BOT_RUN_WORKFLOW, taskQueue, args: [input], workflowId: scheduleWorkflowId(s.id) },
          policies: { overlap: OVERLAP_POLICIES[s.overlap], catchupWindow: '1 minute' },
          state: { paused: s.paused ?? false },
        }),
      );
    },
    async updateSchedule(s: { id: string; cron: string; timezone: string; overlap: OverlapPolicy }) {
      await within(() =>
        client.schedule.getHandle(scheduleWorkflowId(s.id)).update((prev) => ({
          ...prev,
          spec: { cronExpressions: [s.cron], timezone: s.timezone },
          policies: { ...prev.policies, overlap: OVERLAP_POLICIES[s.overlap] },
        })),
      );
    },
    async pauseSchedule(id: string, paused: boolean) {
      const h = client.schedule.getHandle(scheduleWorkflowId(id));
      await within(() => (paused ? h.pause('Paused from Bot Manager') : h.unpause('Resumed from Bot Manager')));
    },
    async deleteSchedule(id: string) {
      try {
        await within(() => client.schedule.getHandle(scheduleWorkflowId(id)).delete());
      } catch (err) {
        // Already gone is fine (deleting is idempotent); anything else must be seen by the caller.
        if (!(err instanceof ScheduleNotFoundError)) throw err;
      }
    },
    /** Next fire times as Temporal computes them (timezone and pauses included). */
    async nextRuns(id: string, count = 5): Promise<string[]> {
      try {
        const d = await within(() => client.schedule.getHandle(scheduleWorkflowId(id)).describe());
        return d.info.nextActionTimes.slice(0, count).map((t) => t.toISOString());
      } catch {
        return [];
      }
    },
    async triggerSchedule(id: string) {
      await within(() => client.schedule.getHandle(scheduleWorkflowId(id)).trigger());
    },
  };
}

export type RunScheduler = ReturnType<typeof createRunScheduler>;
