import { ControlButton, Controls, MiniMap } from '@xyflow/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { editorStore, useEditorStore } from '../store/editor-store';
import { LayoutButtons } from '../layout/layout-buttons';
import { fitViewOptionsFor } from '../layout/zoom';

const STORAGE_KEY = 'bm.minimap';
const CATEGORY_COLOR: Record<string, string> = { source: '#0e9384', llm: '#7a5af8', transform: '#dc6803', output: '#1570ef' };
const minimapColor = (node: { data: { type?: unknown } }) => {
  const def = editorStore.getState().nodeTypes[String(node.data.type)];
  return CATEGORY_COLOR[def?.category ?? ''] ?? '#98a2b3';
};

/** The map earns its corner on a wide screen; on a laptop it would cover the nodes, so it starts hidden. */
function initialShown(): boolean {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved !== null) return saved === '1';
  } catch {
    // No storage (private mode): fall back to the screen size.
  }
  return typeof window !== 'undefined' && window.innerWidth >= 1600;
}

/** Zoom buttons, a toggle for the overview map, and the map. */
export function CanvasControls() {
  const [shown, setShown] = useState(initialShown);
  const count = useEditorStore((s) => s.nodes.length);
  const { t } = useTranslation();
  const mapLabel = shown ? t('editor:canvas.hideMap') : t('editor:canvas.showMap');
  const toggle = () => {
    setShown(!shown);
    try {
      localStorage.setItem(STORAGE_KEY, shown ? '0' : '1');
    } catch {
      // The choice lasts for this page only.
    }
  };
  return (
    <>
      <Controls showInteractive={false} fitViewOptions={fitViewOptionsFor(count)}>
        <LayoutButtons />
        <ControlButton onClick={toggle} title={mapLabel} aria-label={mapLabel} aria-pressed={shown}>
          <svg
            viewBox="0 0 24 24"
            stroke="currentColor"
            strokeWidth={2.2}
            strokeLinejoin="round"
            aria-hidden="true"
            style={{ fill: 'none', maxWidth: 14, maxHeight: 14 }}
          >
            <path d="M3 6l6-3 6 3 6-3v15l-6 3-6-3-6 3z M9 3v15 M15 6v15" />
          </svg>
        </ControlButton>
      </Controls>
      {shown && (
        <MiniMap
          pannable
          zoomable
          nodeColor={minimapColor}
          nodeStrokeWidth={0}
          maskColor="rgba(246,247,249,0.7)"
          style={{ width: 168, height: 112 }}
        />
      )}
    </>
  );
}
