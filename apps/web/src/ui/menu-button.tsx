import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Icon, type IconName } from './icons';

export type MenuItem = { id: string; label: string; icon?: IconName; onSelect: () => void; disabled?: boolean };

/**
 * A button that opens a short menu of actions (WAI-ARIA menu button): Enter or click opens it on
 * its first item, arrows move, Escape and a click outside close it and focus returns to the button.
 */
export function MenuButton({
  label,
  icon = 'more',
  iconNode,
  items,
  testId,
}: {
  label: string;
  icon?: IconName;
  /** Drawn instead of `icon` (e.g. a lucide icon that says the current choice). */
  iconNode?: ReactNode;
  items: MenuItem[];
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const entries = () => [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [])];
    const onDown = (e: MouseEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        trigger.current?.focus();
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        const items = entries();
        const at = items.indexOf(document.activeElement as HTMLElement);
        items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
        e.preventDefault();
      } else if (e.key === 'Tab') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    entries()[0]?.focus();
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="menu-button" ref={root} data-testid={testId}>
      <button
        ref={trigger}
        type="button"
        className="btn btn-ghost btn-sm btn-icon"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={label}
        title={label}
        onClick={() => setOpen((o) => !o)}
      >
        {iconNode ?? <Icon name={icon} />}
      </button>
      {open && (
        <div className="ws-menu menu-popup" role="menu" aria-label={label}>
          {items.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              className="ws-item"
              disabled={item.disabled}
              data-menu-item={item.id}
              onClick={() => {
                setOpen(false);
                trigger.current?.focus();
                item.onSelect();
              }}
            >
              <span className="ws-check">{item.icon && <Icon name={item.icon} width={14} height={14} />}</span>
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
