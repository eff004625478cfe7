import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { useEditUi } from '../canvas/edit-ui-store';

/** Opens the shortcuts sheet (also `?` on the canvas). */
export function ShortcutsButton() {
  const { t } = useTranslation();
  const open = useEditUi((s) => s.setSheetOpen);
  return (
    <Button
      variant="ghost"
      size="sm"
      icon="info"
      data-testid="shortcuts-button"
      title={t('editor:canvasEdit.sheet.open')}
      aria-label={t('editor:canvasEdit.sheet.open')}
      onClick={() => open(true)}
    />
  );
}
