import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/error-text';
import { Button } from './button';
import { Icon, type IconName } from './icons';

export function Spinner({ small }: { small?: boolean }) {
  const { t } = useTranslation();
  return <span className={small ? 'spinner sm' : 'spinner'} role="status" aria-label={t('common:states.loading')} />;
}

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state">
      <Spinner />
      <span>{label ?? t('common:states.loading')}</span>
    </div>
  );
}

export function EmptyState({
  icon = 'inbox',
  title,
  children,
  action,
}: {
  icon?: IconName;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="state empty">
      <div className="state-icon">
        <Icon name={icon} />
      </div>
      <div className="state-title">{title}</div>
      {children && <div className="state-body">{children}</div>}
      {action}
    </div>
  );
}

export function ErrorState({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="state">
      <div className="state-icon" style={{ background: 'var(--danger-weak)', color: 'var(--danger)' }}>
        <Icon name="alert" />
      </div>
      <div className="state-title">{title ?? t('common:states.couldNotLoad')}</div>
      <div className="state-body">{errorText(error)}</div>
      {onRetry && (
        <Button size="sm" icon="refresh" onClick={onRetry}>
          {t('common:actions.tryAgain')}
        </Button>
      )}
    </div>
  );
}

export function Alert({
  kind = 'error',
  children,
  title,
}: {
  kind?: 'error' | 'success' | 'info' | 'warning';
  title?: ReactNode;
  children?: ReactNode;
}) {
  const icon: IconName = kind === 'success' ? 'check' : kind === 'info' ? 'info' : 'alert';
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <Icon name={icon} />
      <div className="alert-body">
        {title && <strong>{title}</strong>}
        {title && children ? <div>{children}</div> : children}
      </div>
    </div>
  );
}

/** An API error as an inline alert; renders nothing when there is no error. */
export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return <Alert kind="error">{errorText(error)}</Alert>;
}
