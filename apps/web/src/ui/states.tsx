import type { ReactNode } from 'react';
import { errorMessage } from '../api/api-error';
import { Button } from './button';
import { Icon, type IconName } from './icons';

export function Spinner({ small }: { small?: boolean }) {
  return <span className={small ? 'spinner sm' : 'spinner'} role="status" aria-label="Loading" />;
}

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state">
      <Spinner />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({ icon = 'inbox', title, children, action }: { icon?: IconName; title: string; children?: ReactNode; action?: ReactNode }) {
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

export function ErrorState({ error, title = 'Could not load this', onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  return (
    <div className="state">
      <div className="state-icon" style={{ background: 'var(--danger-weak)', color: 'var(--danger)' }}>
        <Icon name="alert" />
      </div>
      <div className="state-title">{title}</div>
      <div className="state-body">{errorMessage(error)}</div>
      {onRetry && (
        <Button size="sm" icon="refresh" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}

export function Alert({ kind = 'error', children, title }: { kind?: 'error' | 'success' | 'info' | 'warning'; title?: ReactNode; children?: ReactNode }) {
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
  return <Alert kind="error">{errorMessage(error)}</Alert>;
}
