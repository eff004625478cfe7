import { useTranslation } from 'react-i18next';

/** Run and node statuses the API reports; an unknown one is shown as it came. */
export const STATUS_KEYS = {
  queued: 'common:status.queued',
  pending: 'common:status.pending',
  running: 'common:status.running',
  waiting: 'common:status.waiting',
  succeeded: 'common:status.succeeded',
  failed: 'common:status.failed',
  cancelled: 'common:status.cancelled',
  skipped: 'common:status.skipped',
} as const;

export function statusKey(status: string) {
  return status in STATUS_KEYS ? STATUS_KEYS[status as keyof typeof STATUS_KEYS] : undefined;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const key = statusKey(status);
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      <span className="dot" />
      {key ? t(key) : status}
    </span>
  );
}
