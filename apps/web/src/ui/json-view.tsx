import { useMemo } from 'react';

function pretty(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? 'undefined';
  } catch {
    return String(value);
  }
}

/** Pretty JSON (strings shown as they are) in a collapsible block. */
export function JsonView({ value, label = 'Output', defaultOpen = true }: { value: unknown; label?: string; defaultOpen?: boolean }) {
  const text = useMemo(() => pretty(value), [value]);
  const lines = text.split('\n').length;
  return (
    <details className="json" open={defaultOpen}>
      <summary>
        {label} <span className="muted">· {lines} line{lines === 1 ? '' : 's'}</span>
      </summary>
      <pre className="pre">{text}</pre>
    </details>
  );
}
