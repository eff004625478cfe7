import type { AriaLabelConfig } from '@xyflow/react';
import type { TFunction } from 'i18next';

/** React Flow's own screen-reader texts and control labels, from the catalogue. */
export function flowAriaLabels(t: TFunction): Partial<AriaLabelConfig> {
  return {
    'node.a11yDescription.default': t('editor:flow.nodeDescription'),
    'node.a11yDescription.keyboardDisabled': t('editor:flow.nodeDescriptionKeyboard'),
    'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => t('editor:flow.moved', { direction, x, y }),
    'edge.a11yDescription.default': t('editor:flow.edgeDescription'),
    'controls.ariaLabel': t('editor:flow.controls'),
    'controls.zoomIn.ariaLabel': t('editor:flow.zoomIn'),
    'controls.zoomOut.ariaLabel': t('editor:flow.zoomOut'),
    'controls.fitView.ariaLabel': t('editor:flow.fitView'),
    'controls.interactive.ariaLabel': t('editor:flow.interactive'),
    'minimap.ariaLabel': t('editor:flow.minimap'),
    'handle.ariaLabel': t('editor:flow.handle'),
  };
}
