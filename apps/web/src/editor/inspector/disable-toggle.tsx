import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { shortcutText } from '../shortcuts';
import { useEditorStore } from '../store/editor-store';

/** Disables the node (runs skip it) or enables it again; the same as D on the canvas. */
export function DisableToggle({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation();
  const disabled = useEditorStore((s) => s.nodes.find((n) => n.id === nodeId)?.data.disabled === true);
  const setDisabled = useEditorStore((s) => s.setDisabled);
  const label = disabled ? t('editor:canvasEdit.inspector.enable') : t('editor:canvasEdit.inspector.disable');
  return (
    <Button
      size="sm"
      variant="ghost"
      icon={disabled ? 'play' : 'pause'}
      aria-pressed={disabled}
      data-testid="disable-toggle"
      title={`${label} (${shortcutText('disable')})`}
      aria-label={label}
      onClick={() => setDisabled([nodeId], !disabled)}
    />
  );
}

/** Said under the node's title while it is disabled. */
export function DisabledHint({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation();
  const disabled = useEditorStore((s) => s.nodes.find((n) => n.id === nodeId)?.data.disabled === true);
  return disabled ? <p className="small muted">{t('editor:canvasEdit.inspector.disabledHint')}</p> : null;
}
