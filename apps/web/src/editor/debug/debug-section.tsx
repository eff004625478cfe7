import { useTranslation } from 'react-i18next';
import { useReadOnly } from '../hooks/read-only';
import { useEditorStore } from '../store/editor-store';
import { PinControls } from './pin-controls';
import { ReusedFrom } from './reused-from';
import { RunFromButtons } from './run-from-buttons';
import { StreamedText } from './streamed-text';
import './debug.css';

/**
 * The node inspector's debug tools: run from this node or this node alone, the text an LLM node is
 * writing right now, where a reused output came from, and the node's pinned data.
 */
export function DebugSection({ nodeId, title }: { nodeId: string; title: string }) {
  const { t } = useTranslation();
  const botId = useEditorStore((s) => s.botId);
  const runId = useEditorStore((s) => s.run?.id);
  const nodeRun = useEditorStore((s) => s.runNodes[nodeId]);
  const readOnly = useReadOnly();
  if (!botId) return null;
  return (
    <div className="inspector-section debug-section" data-testid="debug-section">
      <h3>{t('debug:section')}</h3>
      {runId && nodeRun?.status === 'running' && <StreamedText runId={runId} nodeId={nodeId} />}
      {nodeRun && <ReusedFrom nodeRun={nodeRun} />}
      {!readOnly && <RunFromButtons botId={botId} nodeId={nodeId} title={title} />}
      {!readOnly && <PinControls botId={botId} nodeId={nodeId} title={title} nodeRun={nodeRun} />}
    </div>
  );
}
