import type { StateCreator } from 'zustand';
import type { NodeTypeDescription as NodeTypeDef } from '@bm/contract';
import type { CatalogueSlice, EditorState } from './types';

export const createCatalogueSlice: StateCreator<EditorState, [], [], CatalogueSlice> = (set) => ({
  nodeTypes: {},
  setCatalogue: (list) => {
    const nodeTypes: Record<string, NodeTypeDef> = {};
    for (const def of list) nodeTypes[def.id] = def;
    set({ nodeTypes });
  },
});
