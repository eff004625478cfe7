import type { XYPosition } from '@xyflow/react';
import { createStore, useStore } from 'zustand';

/** Where the "+" palette opens and what the picked node connects to. */
export type InsertSpot = {
  nodeId: string;
  port: string;
  /** Where the popover shows, in client (screen) pixels. */
  screen: XYPosition;
  /** Where the new node goes, in flow coordinates (top-left corner). */
  at: XYPosition;
};

type InsertUi = {
  spot: InsertSpot | null;
  /** The edge a dragged node would be inserted into, highlighted on the canvas. */
  dropEdge: string | null;
};

/** Canvas gestures' passing state: never saved, never undone, so it stays out of the editor store. */
export const insertUi = createStore<InsertUi>()(() => ({ spot: null, dropEdge: null }));

export const useInsertUi = <T>(selector: (s: InsertUi) => T): T => useStore(insertUi, selector);

export const openInsert = (spot: InsertSpot) => insertUi.setState({ spot });
export const closeInsert = () => insertUi.setState({ spot: null });
export function setDropEdge(id: string | null) {
  if (insertUi.getState().dropEdge !== id) insertUi.setState({ dropEdge: id });
}
