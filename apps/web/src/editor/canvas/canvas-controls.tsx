import { ControlButton, Controls, MiniMap } from '@xyflow/react';
import { Map as MapIcon } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { editorStore, useEditorStore } from '../store/editor-store';
import { LayoutButtons } from '../layout/layout-buttons';
import { fitViewOptionsFor } from '../layout/zoom';

const STORAGE_KEY = 'bm.minimap';
// The minimap fills nodes through an inline style, so the category tokens (and their dark values) apply.
const minimapColor = (node: { data: { type?: unknown } }) => {
  const def = editorStore.getState().nodeTypes[String(node.data.type)];
  return def ? `var(--cat-${def.category})` : 'var(--faint)';
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
          {/* React Flow fills control icons; a lucide icon is drawn with strokes only. */}
          <MapIcon size={14} strokeWidth={2.2} aria-hidden="true" style={{ fill: 'none', maxWidth: 14, maxHeight: 14 }} />
        </ControlButton>
      </Controls>
      {shown && <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} style={{ width: 168, height: 112 }} />}
    </>
  );
}
