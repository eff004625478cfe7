import { parseGraph, type Graph, type LoopAnalysis } from '@bm/graph';
import { graphLoops } from '@bm/nodes';
import type { PlanNode } from '../shared';
import { buildPlan } from './plan';

/** What a node activity needs to know about its run; fixed for the run's lifetime. */
export interface LoadedRun {
  id: string;
  botId: string;
  workspaceId: string;
  userId: string;
  input: unknown;
  graph: Graph;
  /** The version's loops: which nodes run per item, and of which loop. */
  loops: LoopAnalysis;
  /** Outputs this process recorded for the run (by `outputKey`), so the next node reads them from memory. */
  outputs: Map<string, unknown>;
}

/** A node's output in the cache: its own, or one loop item's. */
export const outputKey = (nodeId: string, item = -1) => (item < 0 ? nodeId : `${nodeId}\u0000${item}`);

/** A bot version's parsed graph and plan: versions never change, so every run of one shares them. */
export interface LoadedVersion {
  graph: Graph;
  plan: PlanNode[];
  loops: LoopAnalysis;
}

/** Outputs larger than this are read back from the database when needed rather than held. */
const MAX_CACHED_OUTPUT_BYTES = 256 * 1024;
/** All cached outputs of a process together stay under this. */
const MAX_CACHED_BYTES = 64 * 1024 * 1024;
const MAX_RUNS = 500;
const MAX_VERSIONS = 200;

/**
 * The worker's memory of runs in flight: each run's fixed facts, the versions they execute, and
 * the outputs recorded by this process. Only a shortcut — everything is in the database, and a
 * miss (another worker ran the node, a restart) reads it from there. Safe because a succeeded
 * node's recorded output never changes, and a version's graph never changes.
 */
export class RunCache {
  private readonly runs = new Map<string, LoadedRun>();
  private readonly versions = new Map<string, LoadedVersion>();
  private readonly outputBytes = new Map<string, number>();
  private cachedBytes = 0;

  version(versionId: string, rawGraph: () => Promise<unknown>): Promise<LoadedVersion> | LoadedVersion {
    const hit = this.versions.get(versionId);
    if (hit) return hit;
    return rawGraph().then((raw) => {
      const graph = parseGraph(raw);
      const loaded = { graph, plan: buildPlan(graph), loops: graphLoops(graph) };
      if (this.versions.size >= MAX_VERSIONS) this.versions.delete(this.versions.keys().next().value!);
      this.versions.set(versionId, loaded);
      return loaded;
    });
  }

  run(runId: string): LoadedRun | undefined {
    return this.runs.get(runId);
  }

  remember(run: LoadedRun): LoadedRun {
    if (this.runs.size >= MAX_RUNS) this.forget(this.runs.keys().next().value!);
    this.runs.set(run.id, run);
    return run;
  }

  /** Keeps a recorded output (as stored: masked and cleaned) for the run's later nodes. */
  keepOutput(runId: string, key: string, output: unknown, bytes: number): void {
    const run = this.runs.get(runId);
    if (!run || bytes > MAX_CACHED_OUTPUT_BYTES || this.cachedBytes + bytes > MAX_CACHED_BYTES) return;
    run.outputs.set(key, output);
    this.cachedBytes += bytes;
    this.outputBytes.set(runId, (this.outputBytes.get(runId) ?? 0) + bytes);
  }

  forget(runId: string): void {
    this.runs.delete(runId);
    this.cachedBytes -= this.outputBytes.get(runId) ?? 0;
    this.outputBytes.delete(runId);
  }
}
