import { useEffect } from 'react';
import { create } from 'zustand';
import { isImeComposing } from '../ui/ime';

/** The editor's side panels that fold to a thin rail so the canvas takes the room. */
export type SidePanel = 'palette' | 'inspector';
type Collapsed = Record<SidePanel, boolean>;

/** The fold shortcuts as shown in tooltips and announced (aria-keyshortcuts); bound below. */
export const PANEL_SHORTCUTS = {
  palette: { keys: 'Ctrl+[', aria: 'Control+BracketLeft' },
  inspector: { keys: 'Ctrl+]', aria: 'Control+BracketRight' },
} as const satisfies Record<SidePanel, { keys: string; aria: string }>;

const OPEN: Collapsed = { palette: false, inspector: false };
const keyFor = (userId: string | undefined) => `bm.panels.${userId ?? 'anonymous'}`;

function read(userId: string | undefined): Collapsed {
  try {
    const parsed = JSON.parse(localStorage.getItem(keyFor(userId)) ?? '{}') as Partial<Collapsed>;
    return { palette: parsed.palette === true, inspector: parsed.inspector === true };
  } catch {
    return OPEN;
  }
}

interface PanelState {
  userId: string | undefined;
  collapsed: Collapsed;
  /** Loads the user's own choice (each person who signs in on this browser keeps theirs). */
  load(userId: string | undefined): void;
  toggle(panel: SidePanel): void;
}

export const usePanelStore = create<PanelState>((set, get) => ({
  userId: undefined,
  collapsed: OPEN,
  load: (userId) => set({ userId, collapsed: read(userId) }),
  toggle: (panel) => {
    const { userId, collapsed } = get();
    const next = { ...collapsed, [panel]: !collapsed[panel] };
    try {
      localStorage.setItem(keyFor(userId), JSON.stringify(next));
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    set({ collapsed: next });
  },
}));

/**
 * Loads the user's panel choice and binds Ctrl+[ (palette) and Ctrl+] (inspector). By key position
 * (`code`), so the shortcut sits in the same place on every keyboard layout.
 */
export function useSidePanelShortcuts(userId: string | undefined) {
  const load = usePanelStore((s) => s.load);
  useEffect(() => load(userId), [load, userId]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isImeComposing(e) || !e.ctrlKey || e.metaKey || e.altKey) return;
      const panel = e.code === 'BracketLeft' ? 'palette' : e.code === 'BracketRight' ? 'inspector' : undefined;
      if (!panel) return;
      e.preventDefault();
      usePanelStore.getState().toggle(panel);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
