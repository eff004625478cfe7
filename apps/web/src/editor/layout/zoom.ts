import type { FitViewOptions } from '@xyflow/react';

/** Far enough out that a 2 000-node graph fits a laptop screen whole. */
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 2;
/** Up to this many nodes a fitted view stays readable: never below READABLE_ZOOM. */
export const SMALL_GRAPH = 10;
export const READABLE_ZOOM = 0.9;

/**
 * Fit-view options for a graph of `count` nodes: a small graph (≤ 10) is shown at 90–100 %, centred,
 * even if that means its edges run off a narrow canvas; a large one fits down to MIN_ZOOM. Opening
 * a bot and the fit-view button both use it.
 */
export function fitViewOptionsFor(count: number): FitViewOptions {
  return count <= SMALL_GRAPH ? { padding: 0.2, minZoom: READABLE_ZOOM, maxZoom: 1 } : { padding: 0.1, minZoom: MIN_ZOOM, maxZoom: 1 };
}
