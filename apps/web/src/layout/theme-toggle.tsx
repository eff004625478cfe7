import { Monitor, Moon, Sun } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { MenuButton } from '../ui/menu-button';
import { THEME_CHOICES, setThemeChoice, useThemeChoice } from './theme';

const LABEL = { system: 'common:theme.system', light: 'common:theme.light', dark: 'common:theme.dark' } as const;
const ICON = { system: Monitor, light: Sun, dark: Moon } as const;

/**
 * The app shell's System / Light / Dark menu: one icon button (the top bar has no room for a
 * wide select at 1280 px) that opens a keyboard-operable menu; the current choice is checked.
 */
export function ThemeToggle() {
  const { t } = useTranslation();
  const choice = useThemeChoice();
  const Current = ICON[choice];
  return (
    <MenuButton
      label={t('common:theme.current', { choice: t(LABEL[choice]) })}
      iconNode={<Current size={16} aria-hidden="true" />}
      testId="theme-toggle"
      items={THEME_CHOICES.map((c) => ({
        id: c,
        label: t(LABEL[c]),
        icon: c === choice ? 'check' : undefined,
        onSelect: () => setThemeChoice(c),
      }))}
    />
  );
}
