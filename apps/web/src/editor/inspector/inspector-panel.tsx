import { useTranslation } from 'react-i18next';
import { useReadOnly } from '../hooks/read-only';
import { selectSelectedNodeId, useEditorStore } from '../store/editor-store';
import { BotSettingsForm } from './bot-settings-form';
import { NodeInspector } from './node-inspector';

export function InspectorPanel() {
  const selectedId = useEditorStore(selectSelectedNodeId);
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  return (
    <aside className="inspector" aria-label={t('editor:inspector.label')}>
      {/* A disabled fieldset makes every field inside read-only for someone who may only look. */}
      <fieldset className="inspector-fieldset" disabled={readOnly}>
        {selectedId ? <NodeInspector key={selectedId} nodeId={selectedId} /> : <BotSettingsForm />}
      </fieldset>
    </aside>
  );
}
