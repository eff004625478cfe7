import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';

type Decision = 'approve' | 'reject';

type Props = {
  /** A decision is being sent (which one: its button shows the spinner). */
  busy: boolean;
  sending: Decision | undefined;
  /** The payload was edited: the approve button says so. */
  edited: boolean;
  /** An edit that does not parse cannot be approved. */
  approveDisabled: boolean;
  onDecide: (d: Decision) => void;
};

/** Approve / Reject, as the inbox card and the signed-link page both show them. */
export function DecisionButtons({ busy, sending, edited, approveDisabled, onDecide }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Button
        variant="primary"
        icon="check"
        loading={busy && sending === 'approve'}
        disabled={busy || approveDisabled}
        onClick={() => onDecide('approve')}
      >
        {edited ? t('pages:approvals.approveEdited') : t('pages:approvals.approve')}
      </Button>
      <Button variant="danger" icon="x" loading={busy && sending === 'reject'} disabled={busy} onClick={() => onDecide('reject')}>
        {t('pages:approvals.reject')}
      </Button>
    </>
  );
}
