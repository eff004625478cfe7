// Test helpers for the template and import dialogs (jsdom): the real components, the real query
// client and router, and a stand-in for the API server answering by method and path.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { LlmConnection, WorkspaceSecret } from '@bm/contract';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { vi } from 'vitest';
import { i18n } from '../../i18n/i18n';
import { WorkspaceProvider } from '../../session/workspace';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export type Asked = { method: string; path: string; body: unknown };
type Handler = (req: Asked) => { status?: number; body: unknown } | undefined;

export const connection = (id: string, provider: LlmConnection['provider'], isActive = true): LlmConnection => ({
  id,
  provider,
  name: `${provider} ${id}`,
  baseUrl: null,
  modelDefault: 'model-1',
  keyHint: '…1234',
  isActive,
  shared: false,
  workspaceId: 'ws_t',
  ownedByMe: true,
  ownerUserId: 'u1',
  prices: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
});

export const secret = (id: string, name: string): WorkspaceSecret => ({
  id,
  name,
  hint: '…abcd',
  workspaceId: 'ws_t',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
});

/** Renders `ui` at `/` (other paths show their path, so a navigation can be seen) with `handler` as the API. */
export function renderWithApi(ui: ReactNode, handler: Handler) {
  const asked: Asked[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const u = new URL(url, 'http://x');
    const req = {
      method: init?.method ?? 'GET',
      path: u.pathname + u.search,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    asked.push(req);
    const res = handler(req) ?? {
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: `No stand-in for ${req.method} ${req.path}` } },
    };
    return new Response(JSON.stringify(res.body), { status: res.status ?? 200, headers: { 'content-type': 'application/json' } });
  });
  const el = document.createElement('div');
  document.body.appendChild(el);
  const root: Root = createRoot(el);
  act(() =>
    root.render(
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <MemoryRouter>
            <WorkspaceProvider workspaces={[{ id: 'ws_t', name: 'Acme', role: 'editor', personal: false }]}>
              <Routes>
                <Route path="/" element={ui} />
                <Route path="*" element={<div data-testid="navigated" />} />
              </Routes>
            </WorkspaceProvider>
          </MemoryRouter>
        </QueryClientProvider>
      </I18nextProvider>,
    ),
  );
  return {
    el,
    asked,
    settle: () => act(() => new Promise((r) => setTimeout(r, 30))),
    unmount: () => {
      act(() => root.unmount());
      el.remove();
      vi.unstubAllGlobals();
    },
  };
}

/** Sets a form control's value the way a user's input does (React listens to the native events). */
export async function change(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string) {
  const proto =
    el instanceof HTMLSelectElement ? HTMLSelectElement : el instanceof HTMLTextAreaElement ? HTMLTextAreaElement : HTMLInputElement;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto.prototype, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

/** Clicks, and lets what the click started (requests, state updates) finish inside act. */
export async function click(el: HTMLElement) {
  await act(async () => {
    el.click();
    await new Promise((r) => setTimeout(r, 30));
  });
}
