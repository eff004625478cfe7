// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEvent } from '@bm/contract';
import { i18n } from '../../i18n/i18n';
import { WorkspaceProvider } from '../../session/workspace';
import { AuditPage } from './audit-page';

// The page asks the API (here a stand-in for fetch, the page is what is tested) for one page at a
// time with the cursor of the last answer, and for the chosen action only.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const event = (id: string, action: string): AuditEvent => ({
  id,
  action,
  at: new Date().toISOString(),
  actor: { userId: 'u1', email: 'ada@example.com', name: 'Ada' },
  target: { type: 'user', id: 'u2', name: `${id}@example.com` },
  details: { role: 'viewer' },
});

describe('AuditPage', () => {
  let el: HTMLDivElement;
  let root: Root;
  const asked: string[] = [];
  beforeEach(() => {
    asked.length = 0;
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      const u = new URL(url, 'http://x');
      const body = u.searchParams.get('cursor')
        ? { events: [event('e3', 'workspace.created')], next: null }
        : { events: [event('e1', 'member.joined'), event('e2', 'member.invited')], next: 'c2' };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    el = document.createElement('div');
    document.body.appendChild(el);
    root = createRoot(el);
    act(() =>
      root.render(
        <I18nextProvider i18n={i18n}>
          <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
            <MemoryRouter>
              <WorkspaceProvider workspaces={[{ id: 'ws_t', name: 'Acme', role: 'admin', personal: false }]}>
                <AuditPage />
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
    vi.unstubAllGlobals();
  });
  const rows = () => [...el.querySelectorAll('[data-testid="audit-event"]')].map((r) => r.getAttribute('data-action'));
  const button = (name: string) => [...el.querySelectorAll('button')].find((b) => b.textContent === name);
  const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

  it('loads more with the cursor until there is no next page, and filters by action', async () => {
    await settle();
    expect(rows()).toEqual(['member.joined', 'member.invited']);
    expect(el.textContent).toContain('Member joined');
    expect(el.textContent).toContain('As Viewer');
    await act(() => button('Load more')!.click());
    await settle();
    expect(rows()).toEqual(['member.joined', 'member.invited', 'workspace.created']);
    expect(asked[1]).toBe('/api/workspaces/ws_t/audit?cursor=c2');
    expect(button('Load more')).toBeUndefined();

    const select = el.querySelector<HTMLSelectElement>('#audit-action')!;
    await act(() => {
      select.value = 'member.invited';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(asked.at(-1)).toBe('/api/workspaces/ws_t/audit?action=member.invited');
  });
});
