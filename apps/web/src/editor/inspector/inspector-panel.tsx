import { useTranslation } from 'react-i18next';
import { selectSelectedNodeId, useEditorStore } from '../store/editor-store';
import { BotSettingsForm } from './bot-settings-form';
import { NodeInspector } from './node-inspector';

export function InspectorPanel() {
  const selectedId = useEditorStore(selectSelectedNodeId);
  const { t } = useTranslation();
  return (
    <aside className="inspector" aria-label={t('editor:inspector.label')}>
      {selectedId ? <NodeInspector key={selectedId} nodeId={selectedId} /> : <BotSettingsForm />}
    </aside>
  );
}
