import type { StateCreator } from 'zustand';
import type { NodeTypeDescription as NodeTypeDef } from '@bm/contract';
import type { CatalogueSlice, EditorState } from './types';

export const createCatalogueSlice: StateCreator<EditorState, [], [], CatalogueSlice> = (set) => ({
  nodeTypes: {},
  nodeTypeVersions: {},
  setCatalogue: (list) => {
    const nodeTypes: Record<string, NodeTypeDef> = {};
    const nodeTypeVersions: Record<string, NodeTypeDef> = {};
    for (const def of list) {
      nodeTypeVersions[versionKey(def.id, def.version)] = def;
      if (!nodeTypes[def.id] || nodeTypes[def.id]!.version < def.version) nodeTypes[def.id] = def;
    }
    set({ nodeTypes, nodeTypeVersions });
  },
});

const versionKey = (type: string, version: number) => `${type}@${version}`;

/**
 * The definition a node on the canvas runs with: its own version (a stored v1 node keeps v1's form
 * after v2 exists), or the latest when the catalogue lacks that version.
 */
export function nodeTypeOf(
  s: Pick<CatalogueSlice, 'nodeTypes' | 'nodeTypeVersions'>,
  data: { type: string; version?: number },
): NodeTypeDef | undefined {
  return s.nodeTypeVersions[versionKey(data.type, data.version ?? 1)] ?? s.nodeTypes[data.type];
}
