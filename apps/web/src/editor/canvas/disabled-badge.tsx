import { useTranslation } from 'react-i18next';
import './context-menu.css';

/** The "Disabled" mark on a node that runs skip. */
export function DisabledBadge() {
  const { t } = useTranslation();
  return (
    <span className="disabled-badge" title={t('editor:canvasEdit.node.disabledTitle')} data-testid="disabled-badge">
      {t('editor:canvasEdit.node.disabled')}
    </span>
  );
}
