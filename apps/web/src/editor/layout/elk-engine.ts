import ELK from 'elkjs/lib/elk-api.js';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { LayoutEngine } from '@bm/layout';

let engine: LayoutEngine | undefined;

/**
 * ELK in a web worker: laying out 1 000 nodes takes seconds (measured ~4 s on a loaded 2-core
 * machine), which would freeze the page if it ran on the main thread. Started on first use.
 */
export function workerEngine(): LayoutEngine {
  engine ??= new ELK({ workerUrl });
  return engine;
}
