import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLiveRun } from '../editor/debug/live-run-store';
import { queryKeys } from './query-keys';
import { TERMINAL_RUN_STATUSES } from './runs';

/** A node event of GET /api/runs/:id/events. */
export interface NodeEventData {
  nodeId: string;
  status: 'running' | 'retrying' | 'waiting' | 'succeeded' | 'failed' | 'skipped' | 'cancelled';
  /** Set for a loop body node's run of one item: not the node's own (top-level) state. */
  item?: number;
  attempt?: number;
  nextRetryAt?: string;
  reusedFrom?: { runId: string } | 'pinned';
}

/** Re-reading the run after a burst of events: at most this often. */
const REFRESH_MS = 250;

/**
 * Follows a run through its Server-Sent Events instead of polling: each node or run event
 * refreshes the run (its outputs come from GET /api/runs/:id), `onNode` sees node events as they
 * come (for the canvas), and streamed LLM text goes to the live-run store. Returns whether the
 * stream is up: when it fails (no EventSource, the server refused it) the caller polls instead.
 * EventSource reconnects by itself after a dropped connection and resumes with Last-Event-ID.
 */
export function useRunEvents(runId: string | null | undefined, onNode?: (e: NodeEventData) => void): boolean {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(typeof EventSource !== 'undefined');
  // Read when an event comes: a new function each render must not reopen the stream.
  const onNodeRef = useRef(onNode);
  onNodeRef.current = onNode;
  useEffect(() => {
    if (!runId) return;
    const store = useLiveRun.getState();
    if (store.runId !== runId) store.reset(runId);
    if (typeof EventSource === 'undefined') {
      setLive(false);
      return;
    }
    setLive(true);
    const es = new EventSource(`/api/runs/${encodeURIComponent(runId)}/events`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = (now = false) => {
      if (now) clearTimeout(timer);
      else if (timer) return;
      timer = setTimeout(
        () => {
          timer = undefined;
          void queryClient.invalidateQueries({ queryKey: queryKeys.run(runId) });
        },
        now ? 0 : REFRESH_MS,
      );
    };
    es.onopen = () => useLiveRun.getState().setLive(true);
    es.addEventListener('node', (e) => {
      onNodeRef.current?.(JSON.parse((e as MessageEvent<string>).data) as NodeEventData);
      refresh();
    });
    es.addEventListener('llm.delta', (e) => {
      const d = JSON.parse((e as MessageEvent<string>).data) as { nodeId: string; text: string };
      useLiveRun.getState().append(runId, d.nodeId, d.text);
    });
    es.addEventListener('run', (e) => {
      const d = JSON.parse((e as MessageEvent<string>).data) as { status: string };
      // A finished run's stream closes: do not let EventSource reconnect to replay it.
      if (TERMINAL_RUN_STATUSES.has(d.status)) es.close();
      refresh(true);
    });
    es.onerror = () => {
      // CONNECTING: EventSource is retrying by itself. CLOSED: refused for good; poll instead.
      if (es.readyState === EventSource.CLOSED) {
        useLiveRun.getState().setLive(false);
        setLive(false);
      }
    };
    return () => {
      es.close();
      clearTimeout(timer);
    };
  }, [runId, queryClient]);
  return live;
}
