// A tiny HTTP client for integration tests: speaks the public API like a browser (cookie session)
// or a script (Bearer token).
export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

export function apiClient(baseUrl: string) {
  let cookie = '';
  let bearer = '';
  async function call<T = any>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    // As the web app does for bodiless writes (the API's same-origin guard).
    else if (method !== 'GET') headers['x-csrf-token'] = '1';
    if (cookie) headers.cookie = cookie;
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    const res = await fetch(baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }
  return {
    get: <T = any>(p: string) => call<T>('GET', p),
    post: <T = any>(p: string, b?: unknown) => call<T>('POST', p, b ?? {}),
    patch: <T = any>(p: string, b: unknown) => call<T>('PATCH', p, b),
    put: <T = any>(p: string, b: unknown) => call<T>('PUT', p, b),
    del: <T = any>(p: string) => call<T>('DELETE', p),
    useToken(t: string) {
      bearer = t;
      cookie = '';
    },
    async signup(email = `u${Math.random().toString(36).slice(2)}@example.com`, password = 'correct horse battery', name = 'Test User') {
      const r = await call('POST', '/api/auth/signup', { email, password, name });
      if (r.status !== 201) throw new Error(`signup failed: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.user as { id: string; email: string };
    },
    /** Polls GET /api/runs/:id until the run is finished (or the deadline passes). */
    async waitForRun(runId: string, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const r = await call('GET', `/api/runs/${runId}`);
        if (r.status !== 200) throw new Error(`GET run failed: ${r.status} ${JSON.stringify(r.body)}`);
        if (['succeeded', 'failed', 'cancelled'].includes(r.body.status)) return r.body;
        if (Date.now() > deadline)
          throw new Error(
            `run ${runId} still ${r.body.status} after ${timeoutMs} ms: ${JSON.stringify(r.body.nodes.map((n: any) => [n.nodeId, n.status, n.error]))}`,
          );
        await new Promise((res) => setTimeout(res, 200));
      }
    },
  };
}
