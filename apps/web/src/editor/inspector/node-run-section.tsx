import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { NodeRun } from '@bm/contract';
import { Button } from '../../ui/button';
import { Modal } from '../../ui/modal';
import { nodeTypeOf } from '../store/catalogue-slice';
import { useEditorStore } from '../store/editor-store';
import { nodeById } from '../store/graph-queries';
import type { EditorState } from '../store/types';
import { NodeRunOutput, type RunInput } from './node-run-output';
import { ChildRunLink } from '../run-items/run-links';

/** The nodes wired into `nodeId` with their runs, flat (id, title, run, …) so shallow compare holds while editing. */
function selectInputs(s: EditorState, nodeId: string): unknown[] {
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (const e of s.edges) {
    if (e.target !== nodeId || seen.has(e.source)) continue;
    seen.add(e.source);
    const data = nodeById(s.nodes, e.source)?.data;
    out.push(e.source, data?.label || (data && nodeTypeOf(s, data)?.title) || data?.type || e.source, s.runNodes[e.source]);
  }
  return out;
}

/** The inspector's "Last run" section: the node run panel, and the same panel wide, input beside output. */
export function NodeRunSection({ nodeId, title, connectionId }: { nodeId: string; title: string; connectionId?: string | null }) {
  const { t } = useTranslation();
  const nodeRun = useEditorStore((s) => s.runNodes[nodeId]);
  const flat = useEditorStore(useShallow((s) => selectInputs(s, nodeId)));
  // A sub-bot node's run started a run of another bot: link to it.
  const subbotId = useEditorStore((s) => {
    const data = nodeById(s.nodes, nodeId)?.data;
    return data && nodeTypeOf(s, data)?.control === 'subbot' ? data.params.botId : undefined;
  });
  const [wide, setWide] = useState(false);
  if (!nodeRun) return null;
  const inputs: RunInput[] = [];
  for (let i = 0; i + 3 <= flat.length; i += 3)
    inputs.push({ nodeId: flat[i] as string, title: flat[i + 1] as string, nodeRun: flat[i + 2] as NodeRun | undefined });
  const expand = (
    <Button size="sm" variant="ghost" onClick={() => setWide(true)} data-testid="node-run-expand">
      {t('expressions:panel.expand')}
    </Button>
  );
  return (
    <div className="inspector-section">
      <h3>
        {t('editor:inspector.lastRun')}
        {/* A loop body node shows the picked item's run. */}
        {nodeRun.item !== undefined && <span className="muted"> · {t('editor:loopItems.shownItem', { n: nodeRun.item + 1 })}</span>}
      </h3>
      {subbotId !== undefined && <ChildRunLink output={nodeRun.output} botId={subbotId} />}
      <NodeRunOutput nodeRun={nodeRun} connectionId={connectionId} inputs={inputs} actions={expand} />
      {wide && (
        <Modal title={t('expressions:panel.title', { node: title })} onClose={() => setWide(false)} wide>
          <NodeRunOutput nodeRun={nodeRun} connectionId={connectionId} inputs={inputs} layout="side" />
        </Modal>
      )}
    </div>
  );
}
