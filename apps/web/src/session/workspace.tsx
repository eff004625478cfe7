import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Workspace } from '@bm/contract';

const STORAGE_KEY = 'bm.workspaceId';

type WorkspaceContextValue = {
  workspaces: Workspace[];
  current: Workspace | undefined;
  setCurrent: (id: string) => void;
};

const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

function initialId(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Makes `id` the workspace the app opens in (also from pages outside the provider, e.g. an accepted invitation). */
export function rememberWorkspace(id: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // Private mode: the choice lasts for this tab only.
  }
}

/** The workspace the user is looking at: remembered across reloads, personal one by default. */
export function WorkspaceProvider({ workspaces, children }: { workspaces: Workspace[]; children: ReactNode }) {
  const [chosenId, setChosenId] = useState<string | null>(initialId);
  const current = useMemo(
    () => workspaces.find((w) => w.id === chosenId) ?? workspaces.find((w) => w.personal) ?? workspaces[0],
    [workspaces, chosenId],
  );
  const setCurrent = useCallback((id: string) => {
    setChosenId(id);
    rememberWorkspace(id);
  }, []);
  const value = useMemo(() => ({ workspaces, current, setCurrent }), [workspaces, current, setCurrent]);
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceContextValue {
  const ctx = useContext(WorkspaceContext);
  if (!ctx) throw new Error('useWorkspace outside WorkspaceProvider');
  return ctx;
}

/** The current workspace id, or undefined (the API then uses the personal workspace). */
export function useWorkspaceId(): string | undefined {
  return useWorkspace().current?.id;
}
