import { create } from 'zustand';

/** What a context menu is about: nodes (one or a selection), or the empty canvas at a point. */
export type MenuTarget = { kind: 'nodes'; nodeIds: string[] } | { kind: 'pane'; flow: { x: number; y: number } };

type EditUi = {
  menu: { x: number; y: number; target: MenuTarget } | null;
  openMenu: (x: number, y: number, target: MenuTarget) => void;
  closeMenu: () => void;
  sheetOpen: boolean;
  setSheetOpen: (open: boolean) => void;
};

/** The canvas's passing UI state (a menu, the shortcuts sheet): not part of the document, never undone. */
export const useEditUi = create<EditUi>()((set) => ({
  menu: null,
  openMenu: (x, y, target) => set({ menu: { x, y, target } }),
  closeMenu: () => set({ menu: null }),
  sheetOpen: false,
  setSheetOpen: (sheetOpen) => set({ sheetOpen }),
}));
