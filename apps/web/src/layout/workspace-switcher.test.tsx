// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '@bm/contract';
import { i18n, setLocale } from '../i18n/i18n';
import { useWorkspace, WorkspaceProvider } from '../session/workspace';
import { WorkspaceSwitcher } from './workspace-switcher';

// The switcher lists each workspace with the caller's role there, switches the current one (what
// every workspace-scoped page reads), closes on Escape, and offers a new workspace.
const WORKSPACES: Workspace[] = [
  { id: 'ws_me', name: 'Ada', role: 'owner', personal: true },
  { id: 'ws_team', name: 'Acme', role: 'viewer', personal: false },
];

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Current() {
  return <output data-testid="current">{useWorkspace().current?.id}</output>;
}

describe('WorkspaceSwitcher', () => {
  let el: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    localStorage.clear();
    el = document.createElement('div');
    document.body.appendChild(el);
    root = createRoot(el);
    act(() =>
      root.render(
        <I18nextProvider i18n={i18n}>
          <QueryClientProvider client={new QueryClient()}>
            <MemoryRouter>
              <WorkspaceProvider workspaces={WORKSPACES}>
                <WorkspaceSwitcher />
                <Current />
              </WorkspaceProvider>
            </MemoryRouter>
          </QueryClientProvider>
        </I18nextProvider>,
      ),
    );
  });
  afterEach(() => {
    act(() => root.unmount());
    el.remove();
    return setLocale('en', { save: false });
  });
  const q = <T extends Element>(sel: string) => el.querySelector<T>(sel);
  const trigger = () => q<HTMLButtonElement>('.ws-trigger')!;
  const items = () => [...el.querySelectorAll<HTMLButtonElement>('[role="menuitemradio"]')];

  it('shows the current workspace with its role and lists every workspace with the role there', () => {
    expect(trigger().textContent).toBe('Personal workspaceOwner');
    act(() => trigger().click());
    expect(items().map((i) => [i.textContent, i.getAttribute('aria-checked')])).toEqual([
      ['Personal workspaceOwner', 'true'],
      ['AcmeViewer', 'false'],
    ]);
    expect(q('[role="menuitem"]')!.textContent).toBe('New workspace');
    // Opening puts the focus on the current workspace, for the arrow keys.
    expect(document.activeElement).toBe(items()[0]);
  });

  it('switches the current workspace and remembers it', () => {
    act(() => trigger().click());
    act(() => items()[1]!.click());
    expect(q('[data-testid="current"]')!.textContent).toBe('ws_team');
    expect(localStorage.getItem('bm.workspaceId')).toBe('ws_team');
    expect(q('[role="menu"]')).toBeNull();
    expect(trigger().textContent).toBe('AcmeViewer');
  });

  it('closes on Escape and gives the focus back', () => {
    act(() => trigger().click());
    act(() => void document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(q('[role="menu"]')).toBeNull();
    expect(document.activeElement).toBe(trigger());
  });

  it('names roles in Korean', async () => {
    await act(() => setLocale('ko', { save: false }));
    act(() => trigger().click());
    expect(items().map((i) => i.textContent)).toEqual(['개인 워크스페이스소유자', 'Acme보기 전용']);
  });
});
