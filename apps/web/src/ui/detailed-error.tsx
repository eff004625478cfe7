import { isApiError } from '../api/api-error';
import { errorText } from '../i18n/error-text';
import { Alert } from './states';

/**
 * An API error with its `details` listed one per line: an import refused with 422 names every
 * problem of the file (and `SLOTS_UNBOUND` every slot), which one sentence would hide.
 */
export function DetailedError({ error }: { error: unknown }) {
  if (!error) return null;
  const details = isApiError(error) ? (error.details ?? []) : [];
  if (details.length === 0) return <Alert kind="error">{errorText(error)}</Alert>;
  return (
    <Alert kind="error" title={error instanceof Error ? error.message : undefined}>
      <ul data-testid="error-details">
        {details.map((d, i) => (
          <li key={i}>
            {d.path && (
              <code className="mono" translate="no">
                {d.path}
              </code>
            )}{' '}
            {d.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
