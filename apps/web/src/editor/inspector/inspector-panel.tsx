import { selectSelectedNodeId, useEditorStore } from '../store/editor-store';
import { BotSettingsForm } from './bot-settings-form';
import { NodeInspector } from './node-inspector';

export function InspectorPanel() {
  const selectedId = useEditorStore(selectSelectedNodeId);
  return (
    <aside className="inspector" aria-label="Inspector">
      {selectedId ? <NodeInspector key={selectedId} nodeId={selectedId} /> : <BotSettingsForm />}
    </aside>
  );
}
