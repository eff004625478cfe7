import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useReadOnly } from '../hooks/read-only';
import { selectSelectedNodeId, useEditorStore } from '../store/editor-store';
import { BotSettingsForm } from './bot-settings-form';
import { NodeInspector } from './node-inspector';

/**
 * A key that changes when another node is selected but not when the selected node is renamed, so a
 * rename keeps the inspector's state and the focus of the field being edited.
 */
function useInspectorKey(selectedId: string | null): string | null {
  const lastRename = useEditorStore((s) => s.lastRename);
  const seen = useRef<{ id: string | null; key: string | null }>({ id: null, key: null });
  if (seen.current.id !== selectedId) {
    const renamed = lastRename !== null && lastRename.from === seen.current.id && lastRename.to === selectedId;
    seen.current = { id: selectedId, key: renamed ? seen.current.key : selectedId };
  }
  return seen.current.key;
}

export function InspectorPanel() {
  const selectedId = useEditorStore(selectSelectedNodeId);
  const key = useInspectorKey(selectedId);
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  return (
    <aside className="inspector" aria-label={t('editor:inspector.label')}>
      {/* A disabled fieldset makes every field inside read-only for someone who may only look. */}
      <fieldset className="inspector-fieldset" disabled={readOnly}>
        {selectedId ? <NodeInspector key={key ?? selectedId} nodeId={selectedId} /> : <BotSettingsForm />}
      </fieldset>
    </aside>
  );
}
