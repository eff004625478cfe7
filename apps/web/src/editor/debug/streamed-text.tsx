import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveRun } from './live-run-store';
import './debug.css';

/** The text an LLM node is writing, as it streams in (shown while the node runs). */
export function StreamedText({ runId, nodeId }: { runId: string; nodeId: string }) {
  const { t } = useTranslation();
  const text = useLiveRun((s) => (s.runId === runId ? s.text[nodeId] : undefined));
  const ref = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [text]);
  if (!text) return null;
  return (
    <div className="streamed-text" data-testid="streamed-text">
      <div className="small muted row">
        <span className="live-dot" aria-hidden /> {t('debug:streaming')}
      </div>
      <pre ref={ref} className="pre" aria-live="polite" aria-label={t('debug:streamingLabel')}>
        {text}
      </pre>
    </div>
  );
}
