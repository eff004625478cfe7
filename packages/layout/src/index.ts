export { DEFAULT_NODE_SIZE, estimatedHeight, layoutGraph, needsLayout, overlapping } from './layout';
export type { LayoutEdge, LayoutEngine, LayoutNode, Point } from './layout';
