// Reads a Server-Sent Events stream as a script would (fetch, no EventSource): each event with
// its id, name and parsed data; comments (heartbeats) and the retry hint are skipped.
export interface SseEvent {
  id?: number;
  event: string;
  data: any;
}

export async function* readSse(res: Response): AsyncGenerator<SseEvent> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buf += value;
      let end: number;
      while ((end = buf.indexOf('\n\n')) >= 0) {
        const frame = buf.slice(0, end);
        buf = buf.slice(end + 2);
        const ev: SseEvent = { event: 'message', data: '' };
        for (const line of frame.split('\n')) {
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const v = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'id') ev.id = Number(v);
          else if (field === 'event') ev.event = v;
          else if (field === 'data') ev.data += v;
        }
        if (ev.data !== '') yield { ...ev, data: JSON.parse(ev.data) };
      }
    }
  } finally {
    reader.releaseLock();
    await res.body?.cancel().catch(() => {});
  }
}

/** Opens a run's event stream with a bearer token, optionally resuming after `lastEventId`. */
export function openRunEvents(baseUrl: string, runId: string, token: string, lastEventId?: number, signal?: AbortSignal) {
  return fetch(`${baseUrl}/api/runs/${runId}/events`, {
    headers: { authorization: `Bearer ${token}`, ...(lastEventId !== undefined ? { 'last-event-id': String(lastEventId) } : {}) },
    signal,
  });
}
