import { useSyncExternalStore } from 'react';

/** What the person picked; `system` follows the operating system's light/dark setting. */
export type ThemeChoice = 'system' | 'light' | 'dark';
/** What the page shows: `data-theme` on <html>, which the stylesheets (dark.css) key on. */
export type Theme = 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
const STORAGE_KEY = 'bm.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export const parseThemeChoice = (value: unknown): ThemeChoice =>
  THEME_CHOICES.includes(value as ThemeChoice) ? (value as ThemeChoice) : 'system';

export const resolveTheme = (choice: ThemeChoice, systemDark: boolean): Theme =>
  choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;

function storedChoice(): ThemeChoice {
  try {
    return parseThemeChoice(localStorage.getItem(STORAGE_KEY));
  } catch {
    return 'system';
  }
}

const darkMedia = () => (typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(DARK_QUERY) : undefined);

let choice: ThemeChoice = 'system';
let theme: Theme = 'light';
const listeners = new Set<() => void>();

function apply() {
  theme = resolveTheme(choice, darkMedia()?.matches ?? false);
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.dataset.themeChoice = choice;
  listeners.forEach((l) => l());
}

/**
 * Sets `data-theme` from the stored choice and keeps it following the system. main.tsx calls it
 * before the first render, so the page never flashes the other theme.
 */
export function startTheme() {
  choice = storedChoice();
  apply();
  darkMedia()?.addEventListener('change', apply);
  // Another tab changed the choice.
  window.addEventListener('storage', (e) => {
    if (e.key !== STORAGE_KEY) return;
    choice = parseThemeChoice(e.newValue);
    apply();
  });
}

export function setThemeChoice(next: ThemeChoice) {
  choice = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  apply();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export const useThemeChoice = () => useSyncExternalStore(subscribe, () => choice);
/** The theme shown (React Flow's colorMode follows it). */
export const useTheme = () => useSyncExternalStore(subscribe, () => theme);
