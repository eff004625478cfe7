import type { Repositories, RunEventBus } from '@bm/db';

/** A node's progress as a run event: what the live run view and scripts follow. */
export interface NodeEvent {
  nodeId: string;
  /** A loop item's run of the node. */
  item?: number;
  status: 'running' | 'retrying' | 'waiting' | 'succeeded' | 'failed' | 'skipped' | 'cancelled';
  attempt?: number;
  /** When the next attempt starts (a retrying node). */
  nextRetryAt?: string;
}

type Log = (msg: string, data?: Record<string, unknown>) => void;

/**
 * Records run events (persisted, numbered per run) and tells live readers. Never fails the caller:
 * events are how people watch a run, not part of its result — a lost one is caught up by the
 * reader's next read of GET /api/runs/:id.
 */
export function runEventRecorder(repos: Repositories, bus: RunEventBus | undefined, log?: Log) {
  const append = async (runId: string, events: { type: 'node' | 'run'; data: Record<string, unknown> }[]) => {
    try {
      if ((await repos.runEvents.append(runId, events)).length) bus?.publish({ runId, kind: 'event' });
    } catch (err) {
      log?.('recording a run event failed', { runId, err: String(err) });
    }
  };
  return {
    nodes: (runId: string, events: NodeEvent[]) =>
      append(
        runId,
        events.map((data) => ({ type: 'node' as const, data: { ...data } })),
      ),
    /** Tells live readers of an event a repository statement recorded itself (node begin/success, run claim/finish). */
    recorded: (runId: string) => bus?.publish({ runId, kind: 'event' }),
    /** An LLM node's streamed text for live readers, in batches of at least `intervalMs` (never stored). */
    deltas(runId: string, nodeId: string, intervalMs = 50) {
      let pending = '';
      let timer: ReturnType<typeof setTimeout> | undefined;
      const flush = () => {
        timer = undefined;
        if (!pending || !bus) return;
        bus.publish({ runId, kind: 'delta', nodeId, text: pending });
        pending = '';
      };
      return {
        push(text: string) {
          if (!bus) return;
          pending += text;
          timer ??= setTimeout(flush, intervalMs);
        },
        /** Sends what is left (the node finished): the last words are not held back. */
        end() {
          if (timer) clearTimeout(timer);
          flush();
        },
      };
    },
  };
}

export type RunEventRecorder = ReturnType<typeof runEventRecorder>;
