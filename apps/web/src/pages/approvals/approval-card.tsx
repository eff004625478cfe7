import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ApprovalItem } from '@bm/contract';
import { approvalsApi } from '../../api/approvals';
import { queryKeys } from '../../api/query-keys';
import { errorText } from '../../i18n/error-text';
import { DecisionButtons } from './decision-buttons';
import { JsonView } from '../../ui/json-view';
import { Alert } from '../../ui/states';
import { formatDateTime, formatRelative } from '../../ui/time';
import { toast } from '../../ui/toast';
import { draftOf, editedPayload } from './payload-draft';
import { PayloadEditor } from './payload-editor';

const STATUS_KEYS = {
  pending: 'pages:approvals.status.pending',
  approved: 'pages:approvals.status.approved',
  rejected: 'pages:approvals.status.rejected',
  timeout: 'pages:approvals.status.timeout',
  cancelled: 'pages:approvals.status.cancelled',
} as const satisfies Record<ApprovalItem['status'], string>;
const STATUS_BADGE: Record<ApprovalItem['status'], string> = {
  pending: 'badge-running',
  approved: 'badge-succeeded',
  rejected: 'badge-failed',
  timeout: 'badge-cancelled',
  cancelled: 'badge-cancelled',
};

/** Which bot and run an approval belongs to, and when it was asked. */
function ApprovalHeader({ a }: { a: ApprovalItem }) {
  const { t } = useTranslation();
  return (
    <div className="card-header">
      <Link to={`/bots/${a.botId}/results`} className="badge" data-testid="approval-bot" translate="no">
        {a.botName ?? t('pages:approvals.unknownBot')}
      </Link>
      {a.item >= 0 && <span className="badge">{t('pages:approvals.item', { item: a.item + 1 })}</span>}
      <span className={`badge ${STATUS_BADGE[a.status]}`} data-testid="approval-status">
        <span className="dot" />
        {t(STATUS_KEYS[a.status])}
      </span>
      <span className="spacer" />
      <span className="small muted" title={formatDateTime(a.createdAt)}>
        {formatRelative(a.createdAt)}
      </span>
      <Link to={`/bots/${a.botId}/runs/${a.runId}`} className="small">
        {t('pages:approvals.openRun')}
      </Link>
    </div>
  );
}

/** A pending approval: the message, the payload to edit, Approve / Reject (or, for a viewer, why not). */
export function PendingApprovalCard({ approval: a, canDecide }: { approval: ApprovalItem; canDecide: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(a.payload));
  const edit = editedPayload(draft);
  const invalid = edit.changed && 'error' in edit;
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      approvalsApi.decide(a.runId, a.nodeId, {
        decision,
        ...(a.item >= 0 ? { item: a.item } : {}),
        ...(decision === 'approve' && edit.changed && 'value' in edit ? { payload: edit.value } : {}),
      }),
    onSuccess: (_r, decision) => toast.info(t(decision === 'approve' ? 'pages:approvals.approvedToast' : 'pages:approvals.rejectedToast')),
    onError: (err) => toast.error(errorText(err), `approval-${a.id}`),
    // Decided here, elsewhere or not at all: the list shows what it is now.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.approvalsAll }),
  });
  const busy = decide.isPending;
  return (
    <article className="card approval-card" data-testid="approval" aria-label={a.message}>
      <ApprovalHeader a={a} />
      <div className="card-body stack">
        <p className="approval-message" translate="no">
          {a.message}
        </p>
        <PayloadEditor
          id={`approval-${a.id}`}
          draft={draft}
          readOnly={!canDecide || busy}
          onChange={(text) => setDraft({ ...draft, text })}
        />
        {canDecide ? (
          <div className="row-wrap">
            <DecisionButtons
              busy={busy}
              sending={decide.variables}
              edited={edit.changed}
              approveDisabled={invalid}
              onDecide={(d) => decide.mutate(d)}
            />
            <span className="spacer" />
            <span className="small muted">
              {a.expiresAt ? t('pages:approvals.expires', { when: formatDateTime(a.expiresAt) }) : t('pages:approvals.noTimeout')}
            </span>
          </div>
        ) : (
          <Alert kind="info">{t('pages:approvals.viewerReason')}</Alert>
        )}
        {canDecide && <div className="small muted">{t('pages:approvals.whoMay')}</div>}
      </div>
    </article>
  );
}

/** A decided (or timed-out, cancelled) approval: who, when and how, and what was approved. */
export function DecidedApprovalCard({ approval: a }: { approval: ApprovalItem }) {
  const { t } = useTranslation();
  const who = a.decidedBy?.name || (a.decidedVia === 'link' ? t('pages:approvals.linkHolder') : t('pages:approvals.nobody'));
  const edited = a.status === 'approved' && a.decidedPayload !== null && a.decidedPayload !== undefined;
  return (
    <article className="card" data-testid="approval-decided">
      <ApprovalHeader a={a} />
      <div className="card-body stack">
        <div className="small" data-testid="approval-decided-line">
          {t('pages:approvals.decidedLine', {
            who,
            when: formatDateTime(a.decidedAt ?? a.createdAt),
            via: a.decidedVia ?? 'none',
          })}
          {edited && <span className="muted"> · {t('pages:approvals.edited')}</span>}
        </div>
        <p className="approval-message" translate="no">
          {a.message}
        </p>
        <JsonView value={edited ? a.decidedPayload : a.payload} label={t('pages:approvals.payloadLabel')} defaultOpen={false} />
      </div>
    </article>
  );
}
