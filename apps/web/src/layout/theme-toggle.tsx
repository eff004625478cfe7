import { useTranslation } from 'react-i18next';
import { THEME_CHOICES, parseThemeChoice, setThemeChoice, useThemeChoice } from './theme';

const LABEL = { system: 'common:theme.system', light: 'common:theme.light', dark: 'common:theme.dark' } as const;

/** The app shell's System / Light / Dark menu (a native select: keyboard and screen readers for free). */
export function ThemeToggle() {
  const { t } = useTranslation();
  const choice = useThemeChoice();
  return (
    <select
      className="select select-sm"
      aria-label={t('common:theme.label')}
      title={t('common:theme.label')}
      data-testid="theme-toggle"
      value={choice}
      onChange={(e) => setThemeChoice(parseThemeChoice(e.target.value))}
    >
      {THEME_CHOICES.map((c) => (
        <option key={c} value={c}>
          {t(LABEL[c])}
        </option>
      ))}
    </select>
  );
}
