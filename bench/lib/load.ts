// A closed-loop load generator: `concurrency` callers, each starting its next operation as soon as
// the last one finished, for a fixed window after a warm-up. Only operations that finish inside the
// window count, so throughput is not inflated by work started during the warm-up.

export interface LoadResult {
  concurrency: number;
  seconds: number;
  completed: number;
  errors: number;
  firstError?: string;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function closedLoop(
  op: () => Promise<void>,
  opts: { concurrency: number; seconds: number; warmupSeconds?: number; onWindow?: (phase: 'start' | 'end') => void },
): Promise<LoadResult> {
  const warmupMs = (opts.warmupSeconds ?? 2) * 1000;
  const t0 = performance.now();
  const windowStart = t0 + warmupMs;
  const windowEnd = windowStart + opts.seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let started = false;
  const startTimer = setTimeout(() => {
    started = true;
    opts.onWindow?.('start');
  }, warmupMs);
  const endTimer = setTimeout(() => opts.onWindow?.('end'), warmupMs + opts.seconds * 1000);
  const caller = async () => {
    while (performance.now() < windowEnd) {
      const s = performance.now();
      try {
        await op();
        const e = performance.now();
        if (s >= windowStart && e <= windowEnd) latencies.push(e - s);
      } catch (err) {
        if (started && performance.now() <= windowEnd) errors++;
        firstError ??= String((err as Error)?.message ?? err).slice(0, 300);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, caller));
  clearTimeout(startTimer);
  clearTimeout(endTimer);
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    concurrency: opts.concurrency,
    seconds: opts.seconds,
    completed: latencies.length,
    errors,
    ...(firstError ? { firstError } : {}),
    perSecond: round(latencies.length / opts.seconds),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
  };
}

/**
 * closedLoop, plus the CPU seconds each process spent per completed operation inside the counted
 * window (read from /proc by `cpuSeconds`, so the load generator's own CPU is not counted).
 */
export async function closedLoopWithCpu(
  op: () => Promise<void>,
  opts: { concurrency: number; seconds: number; warmupSeconds?: number },
  procs: { name: string; pid: number }[],
  cpuSeconds: (pid: number) => number,
): Promise<LoadResult & { cpuPerRun: Record<string, number> }> {
  let before: number[] = [];
  let after: number[] = [];
  const result = await closedLoop(op, {
    ...opts,
    onWindow: (phase) => {
      const snap = procs.map((p) => cpuSeconds(p.pid));
      if (phase === 'start') before = snap;
      else after = snap;
    },
  });
  const cpuPerRun = Object.fromEntries(
    procs.map((p, i) => [p.name, result.completed ? Math.round(((after[i]! - before[i]!) / result.completed) * 1e4) / 1e4 : NaN]),
  );
  return { ...result, cpuPerRun };
}
