import type { StateCreator } from 'zustand';
import type { NodeTypeDef } from '../../api/node-types';
import type { CatalogueSlice, EditorState } from './types';

export const createCatalogueSlice: StateCreator<EditorState, [], [], CatalogueSlice> = (set) => ({
  nodeTypes: {},
  setCatalogue: (list) => {
    const nodeTypes: Record<string, NodeTypeDef> = {};
    for (const def of list) nodeTypes[def.id] = def;
    set({ nodeTypes });
  },
});
