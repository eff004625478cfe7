import { useEffect, useState } from 'react';
import { Button, type ButtonProps } from './button';

/** A destructive action that asks "Sure?" in place instead of a browser dialog. */
export function ConfirmButton({ onConfirm, confirmLabel = 'Delete', children, loading, ...rest }: ButtonProps & { onConfirm: () => void; confirmLabel?: string }) {
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (!asking) return;
    const t = setTimeout(() => setAsking(false), 4000);
    return () => clearTimeout(t);
  }, [asking]);
  if (asking || loading) {
    return (
      <span className="row">
        <Button size="sm" variant="danger-solid" loading={loading} onClick={(e) => { e.preventDefault(); e.stopPropagation(); onConfirm(); setAsking(false); }}>
          {confirmLabel}
        </Button>
        <Button size="sm" variant="ghost" onClick={(e) => { e.preventDefault(); e.stopPropagation(); setAsking(false); }}>
          Cancel
        </Button>
      </span>
    );
  }
  return (
    <Button {...rest} onClick={(e) => { e.preventDefault(); e.stopPropagation(); setAsking(true); }}>
      {children}
    </Button>
  );
}
