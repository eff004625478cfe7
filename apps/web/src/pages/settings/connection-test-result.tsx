import type { UseMutationResult } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-error';
import type { ConnectionTestResult } from '@bm/contract';
import { Button } from '../../ui/button';
import { Alert } from '../../ui/states';
import { connectionFix, type ConnectionFocus } from '../../api/connection-fix';

type Props = {
  test: UseMutationResult<ConnectionTestResult, Error, void>;
  /** Opens the edit dialog on the field that fixes the error; absent when the user may not edit. */
  onFix?: (focus: ConnectionFocus) => void;
};

/** The outcome of "Test connection": what the model answered, or what to change and a button to do it. */
export function ConnectionTestResultView({ test, onFix }: Props) {
  if (test.isPending) return <p className="small muted" role="status">Sending a short test prompt…</p>;
  if (test.isError) return <Alert kind="error" title="Test failed">{errorMessage(test.error)}</Alert>;
  const r = test.data;
  if (!r) return null;
  if (r.ok)
    return (
      <Alert kind="success" title={`Connected — ${r.model} answered in ${r.latencyMs} ms`}>
        <span className="mono small">“{r.output.length > 160 ? `${r.output.slice(0, 160)}…` : r.output}”</span>
      </Alert>
    );
  const fix = connectionFix(r.error.code);
  return (
    <Alert kind="error" title="The provider refused the test">
      <div className="stack" style={{ gap: 8 }}>
        <span>
          {r.error.message} <span className="mono small">({r.error.code})</span>
        </span>
        {onFix && (
          <div>
            <Button size="sm" icon="edit" onClick={() => onFix(fix?.focus ?? 'apiKey')}>
              {fix?.label ?? 'Edit connection'}
            </Button>
          </div>
        )}
      </div>
    </Alert>
  );
}
