import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { ApprovalLinkView } from '@bm/contract';
import { isApiError } from '../../api/api-error';
import { approvalsApi } from '../../api/approvals';
import { queryKeys } from '../../api/query-keys';
import { DecisionButtons } from './decision-buttons';
import { Alert, ErrorAlert, ErrorState, LoadingState } from '../../ui/states';
import { formatDateTime } from '../../ui/time';
import { AuthCard } from '../auth/auth-card';
import { draftOf, editedPayload } from './payload-draft';
import { PayloadEditor } from './payload-editor';

/** A link that cannot decide any more: used, decided another way, timed out or cut short. */
const isSpent = (err: unknown) => isApiError(err) && (err.code === 'APPROVAL_LINK_INVALID' || err.code === 'APPROVAL_DECIDED');

/** `/approve/:token`: the signed one-time link sent by email or Slack. No sign-in: the token is the credential. */
export function ApprovePage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const request = useQuery({
    queryKey: queryKeys.approvalLink(token),
    queryFn: () => approvalsApi.link(token),
    retry: false,
    staleTime: Infinity,
  });
  const toApp = <Link to="/">{t('pages:approvals.link.toApp')}</Link>;

  if (request.isPending) return <LoadingState label={t('pages:approvals.link.loading')} />;
  if (request.isError) {
    const spent = isSpent(request.error);
    return (
      <AuthCard
        title={spent ? t('pages:approvals.link.invalidTitle') : t('pages:approvals.link.loadError')}
        subtitle={spent ? t('pages:approvals.link.invalidBody') : ''}
        footer={toApp}
      >
        {!spent && <ErrorState error={request.error} onRetry={() => request.refetch()} />}
      </AuthCard>
    );
  }
  return <LinkDecision token={token} request={request.data} footer={toApp} />;
}

function LinkDecision({ token, request, footer }: { token: string; request: ApprovalLinkView; footer: ReactNode }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(request.payload));
  const edit = editedPayload(draft);
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      approvalsApi.decideLink(token, {
        decision,
        ...(decision === 'approve' && edit.changed && 'value' in edit ? { payload: edit.value } : {}),
      }),
  });
  const bot = request.botName ?? t('pages:approvals.link.someBot');

  if (decide.isSuccess)
    return (
      <AuthCard title={t('pages:approvals.link.title')} subtitle={t('pages:approvals.link.subtitle', { bot })} footer={footer}>
        <Alert kind="success">
          <span data-testid="approval-link-done">
            {decide.data.status === 'approved' ? t('pages:approvals.link.doneApproved') : t('pages:approvals.link.doneRejected')}
          </span>
        </Alert>
      </AuthCard>
    );
  if (decide.isError && isSpent(decide.error))
    return (
      <AuthCard title={t('pages:approvals.link.invalidTitle')} subtitle={t('pages:approvals.link.invalidBody')} footer={footer}>
        <ErrorAlert error={decide.error} />
      </AuthCard>
    );
  const busy = decide.isPending;
  return (
    <AuthCard title={t('pages:approvals.link.title')} subtitle={t('pages:approvals.link.subtitle', { bot })} footer={footer}>
      <p className="approval-message" translate="no">
        {request.message}
      </p>
      <PayloadEditor id="approval-link-payload" draft={draft} readOnly={busy} onChange={(text) => setDraft({ ...draft, text })} />
      {decide.isError && <ErrorAlert error={decide.error} />}
      <div className="row-wrap">
        <DecisionButtons
          busy={busy}
          sending={decide.variables}
          edited={edit.changed}
          approveDisabled={edit.changed && 'error' in edit}
          onDecide={(d) => decide.mutate(d)}
        />
      </div>
      <div className="small muted">
        {request.expiresAt ? t('pages:approvals.expires', { when: formatDateTime(request.expiresAt) }) : t('pages:approvals.noTimeout')} ·{' '}
        {t('pages:approvals.link.once')}
      </div>
    </AuthCard>
  );
}
