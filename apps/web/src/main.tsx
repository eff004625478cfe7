import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router-dom';
import type { Me } from '@bm/contract';
import { isApiError } from './api/api-error';
import { authApi } from './api/auth';
import { onUnauthorized } from './api/http';
import { queryKeys } from './api/query-keys';
import { router } from './app';
import { i18n, saveLocaleWith } from './i18n/i18n';
import { startTheme } from './layout/theme';
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/components.css';
import './styles/layout.css';
import './styles/teams.css';
import './styles/look.css';
import './styles/dark.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: false,
      // Client errors will not fix themselves by asking again.
      retry: (count, err) => !(isApiError(err) && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});

// A 401 anywhere means the session ended: forget the user, and RequireAuth sends them to /login.
onUnauthorized(() => queryClient.setQueryData(queryKeys.me, null));
// A language chosen while signed in is the user's setting (the API answers them in it everywhere).
saveLocaleWith(async (locale) => {
  if (!queryClient.getQueryData<Me | null>(queryKeys.me)) return;
  queryClient.setQueryData(queryKeys.me, await authApi.updateMe({ locale }));
});

// Before the first render: the page starts in the chosen theme, never flashing the other one.
startTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
