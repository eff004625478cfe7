import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

function pretty(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? 'undefined';
  } catch {
    return String(value);
  }
}

/** Pretty JSON (strings shown as they are) in a collapsible block. */
export function JsonView({ value, label, defaultOpen = true }: { value: unknown; label?: string; defaultOpen?: boolean }) {
  const text = useMemo(() => pretty(value), [value]);
  const { t } = useTranslation();
  const lines = text.split('\n').length;
  return (
    <details className="json" open={defaultOpen}>
      <summary>
        {label ?? t('common:json.output')} <span className="muted">· {t('common:json.lines', { count: lines })}</span>
      </summary>
      <pre className="pre">{text}</pre>
    </details>
  );
}
