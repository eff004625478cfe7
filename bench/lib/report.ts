// Benchmark output: the JSON (for machines and for committing) and an aligned table (for people).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import type { LoadResult } from './load';
import { repoRoot } from './process';

export function machine() {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

export function table(rows: Record<string, unknown>[], columns?: string[]): string {
  if (!rows.length) return '(no rows)';
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'number' ? String(Math.round(v * 100) / 100) : String(v));
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => `| ${vals.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(cols), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map((r) => line(cols.map((c) => cell(r[c]))))].join(
    '\n',
  );
}

export function ratio(a: number, b: number): number {
  return b ? Math.round((a / b) * 100) / 100 : NaN;
}

/** Writes a benchmark's report to bench/results/<name>.json (committed with the machine description). */
export function writeResult(name: string, report: unknown): void {
  mkdirSync(path.join(repoRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(repoRoot, 'bench', 'results', `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
}

/** The rows of a closed-loop load (lib/load.ts) as a table, CPU per run of each process in one column. */
export function loadTable(rows: (LoadResult & { layout: string; cpuPerRun: Record<string, number> })[]): string {
  return table(
    rows.map((r) => ({
      layout: r.layout,
      concurrency: r.concurrency,
      'runs/s': r.perSecond,
      'p50 ms': r.p50Ms,
      'p95 ms': r.p95Ms,
      errors: r.errors,
      'CPU s/run': Object.entries(r.cpuPerRun)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    })),
  );
}
