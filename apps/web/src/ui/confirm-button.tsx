import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, type ButtonProps } from './button';

/** A destructive action that asks "Sure?" in place instead of a browser dialog. */
export function ConfirmButton({
  onConfirm,
  confirmLabel,
  children,
  loading,
  ...rest
}: ButtonProps & { onConfirm: () => void; confirmLabel?: string }) {
  const [asking, setAsking] = useState(false);
  const { t } = useTranslation();
  useEffect(() => {
    if (!asking) return;
    const t = setTimeout(() => setAsking(false), 4000);
    return () => clearTimeout(t);
  }, [asking]);
  if (asking || loading) {
    return (
      <span className="row">
        <Button
          size="sm"
          variant="danger-solid"
          loading={loading}
          onClick={(e) => {
            e.preventDefault();
            e.stopPropagation();
            onConfirm();
            setAsking(false);
          }}
        >
          {confirmLabel ?? t('common:actions.delete')}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={(e) => {
            e.preventDefault();
            e.stopPropagation();
            setAsking(false);
          }}
        >
          {t('common:actions.cancel')}
        </Button>
      </span>
    );
  }
  return (
    <Button
      {...rest}
      onClick={(e) => {
        e.preventDefault();
        e.stopPropagation();
        setAsking(true);
      }}
    >
      {children}
    </Button>
  );
}
