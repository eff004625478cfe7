import type { StateCreator } from 'zustand';
import type { DraftSlice, EditorState } from './types';

const keyOf = (nodeId: string, field: string) => `${nodeId}::${field}`;

/**
 * Inputs whose text does not parse yet (JSON, numbers) keep the last good value in params; these
 * errors say so, so that Save and Run refuse instead of quietly using the stale value.
 */
export const createDraftSlice: StateCreator<EditorState, [], [], DraftSlice> = (set) => ({
  draftErrors: {},
  setDraftError: (nodeId, field, error) =>
    set((s) => {
      const key = keyOf(nodeId, field.key);
      if (!error) {
        if (!(key in s.draftErrors)) return {};
        const { [key]: _gone, ...rest } = s.draftErrors;
        return { draftErrors: rest };
      }
      if (s.draftErrors[key]?.message === error) return {};
      return { draftErrors: { ...s.draftErrors, [key]: { nodeId, field: field.label, message: error } } };
    }),
});
