// HTTP load with autocannon, run as a child process so its CPU never competes inside the process
// under test; the server's CPU per request is read from /proc over the same window.
import { createRequire } from 'node:module';
import { cpuSeconds, repoRoot, runCommand } from './process';

const autocannonCli = createRequire(import.meta.url).resolve('autocannon');

export interface HttpLoadResult {
  requestsPerSecond: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  /** Server CPU milliseconds per request (every process in `pids`). */
  cpuMsPerRequest: number;
}

/** `connections` keep-alive connections for `seconds` against one GET, after a 2 s warm-up that is not counted. */
export async function httpLoad(
  url: string,
  opts: { connections: number; seconds: number; headers?: Record<string, string>; pids: number[] },
): Promise<HttpLoadResult> {
  const args = (seconds: number) => [
    autocannonCli,
    '-c',
    String(opts.connections),
    '-d',
    String(seconds),
    '-j',
    ...Object.entries(opts.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}=${v}`]),
    url,
  ];
  await runCommand(process.execPath, args(2), { cwd: repoRoot });
  const cpu = () => opts.pids.reduce((s, p) => s + cpuSeconds(p), 0);
  const before = cpu();
  const out = await runCommand(process.execPath, args(opts.seconds), { cwd: repoRoot });
  const used = cpu() - before;
  // -j prints one JSON document on stdout; anything else (warnings) goes around it.
  const r = JSON.parse(out.slice(out.indexOf('{'), out.lastIndexOf('}') + 1)) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  const round = (n: number, d = 10) => Math.round(n * d) / d;
  return {
    requestsPerSecond: round(r.requests.average),
    requests: r.requests.total,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    cpuMsPerRequest: r.requests.total ? round((used * 1000) / r.requests.total, 1000) : NaN,
  };
}
