import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { isImeComposing } from './ime';

type ModalProps = {
  title: ReactNode;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** `xl` for galleries and previews that need the room. */
  wide?: boolean | 'xl';
  /** Wraps body and footer in a form so Enter submits. */
  onSubmit?: () => void;
};

export function Modal({ title, description, onClose, children, footer, wide, onSubmit }: ModalProps) {
  const ref = useRef<HTMLDivElement>(null);
  const { t } = useTranslation();
  // Parents pass a new onClose each render; the listener and the initial focus must not follow it.
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useEffect(() => {
    // Focus goes back where it was (the button that opened the dialog) when the dialog closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const onKey = (e: KeyboardEvent) => {
      // Escape while composing Hangul cancels the syllable; it must not also close the dialog.
      if (isImeComposing(e)) return;
      if (e.key === 'Escape') onCloseRef.current();
      // Keep Tab inside the dialog: the page behind it is inert while it is open.
      if (e.key === 'Tab' && ref.current) {
        const focusable = [
          ...ref.current.querySelectorAll<HTMLElement>(
            'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])',
          ),
        ];
        const head = focusable[0];
        const tail = focusable[focusable.length - 1];
        if (!head || !tail) return;
        if (e.shiftKey && document.activeElement === head) {
          e.preventDefault();
          tail.focus();
        } else if (!e.shiftKey && document.activeElement === tail) {
          e.preventDefault();
          head.focus();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    // A field marked data-autofocus, else the first field, else the first button of the footer
    // (the safe choice of a confirmation, listed first).
    const root = ref.current;
    const first =
      root?.querySelector<HTMLElement>('[data-autofocus]') ??
      root?.querySelector<HTMLElement>('input:not([disabled]), textarea, select:not([disabled])') ??
      root?.querySelector<HTMLElement>('.modal-footer button:not([disabled])');
    first?.focus();
    return () => {
      window.removeEventListener('keydown', onKey);
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const content = (
    <>
      <div className="modal-body">{children}</div>
      {footer && <div className="modal-footer">{footer}</div>}
    </>
  );
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className={wide === 'xl' ? 'modal wide xl' : wide ? 'modal wide' : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-label={typeof title === 'string' ? title : undefined}
        ref={ref}
      >
        <div className="modal-header">
          <div className="titles">
            <h2>{title}</h2>
            {description && <p className="muted">{description}</p>}
          </div>
          <Button variant="ghost" size="sm" icon="x" aria-label={t('common:actions.close')} onClick={onClose} />
        </div>
        {onSubmit ? (
          <form
            style={{ display: 'contents' }}
            onKeyDown={(e) => {
              // An Enter that commits an IME syllable is not a submit (the committed Enter follows).
              if (e.key === 'Enter' && isImeComposing(e)) e.stopPropagation();
            }}
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
