import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, createRoutesFromElements, Outlet, Route } from 'react-router-dom';
import { AppShell } from './layout/app-shell';
import { BotLayout } from './layout/bot-layout';
import { LoginPage } from './pages/auth/login-page';
import { ResetPasswordPage } from './pages/auth/reset-password-page';
import { SignupPage } from './pages/auth/signup-page';
import { BotsPage } from './pages/bots/bots-page';
import { ApprovePage } from './pages/approvals/approve-page';
import { InboxPage } from './pages/inbox/inbox-page';
import { InvitePage } from './pages/invite/invite-page';
import { ResultsPage } from './pages/bot/results-page';
import { RunDetailPage } from './pages/bot/run-detail-page';
import { RunsPage } from './pages/bot/runs-page';
import { TriggersPage } from './pages/bot/triggers-page';
import { NotFoundPage } from './pages/not-found-page';
import { TemplatesPage } from './pages/templates/templates-page';
import { AccountPage } from './pages/settings/account-page';
import { ConnectionsPage } from './pages/settings/connections-page';
import { SecretsPage } from './pages/settings/secrets-page';
import { TokensPage } from './pages/settings/tokens-page';
import { AuditPage } from './pages/team/audit-page';
import { MembersPage } from './pages/team/members-page';
import { BudgetsPage } from './pages/settings/budgets-page';
import { UsagePage } from './pages/usage/usage-page';
import { RequireAuth } from './session/require-auth';
import { LoadingState } from './ui/states';
import { Toasts } from './ui/toast';

// The canvas pulls in React Flow; load it only when a bot is opened.
const BotEditorPage = lazy(() => import('./pages/bot/bot-editor-page'));

function EditorRoute() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<LoadingState label={t('pages:botLayout.openingEditor')} />}>
      <BotEditorPage />
    </Suspense>
  );
}

function Root() {
  return (
    <>
      <Outlet />
      <Toasts />
    </>
  );
}

// A data router, so the editor can hold the user back when they would lose unsaved changes.
export const router = createBrowserRouter(
  createRoutesFromElements(
    <Route element={<Root />}>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/signup" element={<SignupPage />} />
      <Route path="/invite/:token" element={<InvitePage />} />
      <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
      <Route path="/approve/:token" element={<ApprovePage />} />
      <Route element={<RequireAuth />}>
        <Route element={<AppShell />}>
          <Route index element={<BotsPage />} />
          <Route path="bots/:botId" element={<BotLayout />}>
            <Route index element={<EditorRoute />} />
            <Route path="runs" element={<RunsPage />} />
            <Route path="runs/:runId" element={<RunDetailPage />} />
            <Route path="results" element={<ResultsPage />} />
            <Route path="triggers" element={<TriggersPage />} />
          </Route>
          <Route path="templates" element={<TemplatesPage />} />
          <Route path="inbox" element={<InboxPage />} />
          <Route path="usage" element={<UsagePage />} />
          <Route path="settings/budgets" element={<BudgetsPage />} />
          <Route path="settings/connections" element={<ConnectionsPage />} />
          <Route path="settings/secrets" element={<SecretsPage />} />
          <Route path="settings/tokens" element={<TokensPage />} />
          <Route path="settings/members" element={<MembersPage />} />
          <Route path="settings/audit" element={<AuditPage />} />
          <Route path="settings/account" element={<AccountPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Route>,
  ),
);
