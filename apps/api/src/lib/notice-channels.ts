import type { BudgetNotify } from '@bm/contract';
import type { AppDeps } from '../deps';
import { apiError } from './errors';

/**
 * Notice channels name workspace secrets (the Slack and webhook URLs are credentials): each must
 * exist when it is set. `code` says whose setting it is (a budget's, a bot's on-failure).
 */
export async function checkNoticeSecrets(
  deps: AppDeps,
  workspaceId: string,
  notify: BudgetNotify | null | undefined,
  code: 'BUDGET_NOTIFY_SECRET_MISSING' | 'ON_FAILURE_SECRET_MISSING',
) {
  const names = [notify?.slackSecret, notify?.webhookSecret].filter((n): n is string => !!n);
  if (!names.length) return;
  const found = new Set((await deps.services.repos.secrets.byNames(workspaceId, names)).map((s) => s.name));
  const missing = names.find((n) => !found.has(n));
  if (missing) throw apiError(422, code, { params: { name: missing } });
}
