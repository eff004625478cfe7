import { useEffect } from 'react';
import { useEditorStore } from '../store/editor-store';

/** Publishes an input's parse error to the store while it lasts (and forgets it when the input goes). */
export function useDraftError(nodeId: string, field: { key: string; label: string }, error: string | null | undefined) {
  const setDraftError = useEditorStore((s) => s.setDraftError);
  const { key, label } = field;
  useEffect(() => {
    setDraftError(nodeId, { key, label }, error ?? null);
  }, [nodeId, key, label, error, setDraftError]);
  useEffect(() => () => setDraftError(nodeId, { key, label }, null), [nodeId, key, label, setDraftError]);
}
