import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from './button';

type ModalProps = {
  title: ReactNode;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  /** Wraps body and footer in a form so Enter submits. */
  onSubmit?: () => void;
};

export function Modal({ title, description, onClose, children, footer, wide, onSubmit }: ModalProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Parents pass a new onClose each render; the listener and the initial focus must not follow it.
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCloseRef.current();
    };
    window.addEventListener('keydown', onKey);
    const first = ref.current?.querySelector<HTMLElement>('input:not([disabled]), textarea, select:not([disabled])');
    first?.focus();
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const content = (
    <>
      <div className="modal-body">{children}</div>
      {footer && <div className="modal-footer">{footer}</div>}
    </>
  );
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={wide ? 'modal wide' : 'modal'} role="dialog" aria-modal="true" aria-label={typeof title === 'string' ? title : undefined} ref={ref}>
        <div className="modal-header">
          <div className="titles">
            <h2>{title}</h2>
            {description && <p className="muted">{description}</p>}
          </div>
          <Button variant="ghost" size="sm" icon="x" aria-label="Close" onClick={onClose} />
        </div>
        {onSubmit ? (
          <form
            style={{ display: 'contents' }}
            onSubmit={(e) => {
              e.preventDefault();
              onSubmit();
            }}
          >
            {content}
          </form>
        ) : (
          content
        )}
      </div>
    </div>
  );
}
