import { describe, expect, it } from 'vitest';
import { formatCombo, matchShortcut, SHORTCUTS, shortcutText } from './shortcuts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('editor shortcuts', () => {
  it('matches keys to the one table, Ctrl and ⌘ alike', () => {
    expect(matchShortcut(key('c', { ctrlKey: true }))?.id).toBe('copy');
    expect(matchShortcut(key('C', { metaKey: true }))?.id).toBe('copy');
    expect(matchShortcut(key('z', { ctrlKey: true }))?.id).toBe('undo');
    expect(matchShortcut(key('Z', { ctrlKey: true, shiftKey: true }))?.id).toBe('redo');
    expect(matchShortcut(key('d', { ctrlKey: true }))?.id).toBe('duplicate');
    expect(matchShortcut(key('d'))?.id).toBe('disable');
    expect(matchShortcut(key('D', { shiftKey: true }))).toBeUndefined();
    expect(matchShortcut(key('?', { shiftKey: true }))?.id).toBe('shortcuts');
    expect(matchShortcut(key('a', { ctrlKey: true, altKey: true }))).toBeUndefined();
    expect(matchShortcut(key('x'))).toBeUndefined();
  });

  it('writes combos for the platform', () => {
    expect(formatCombo({ key: 'z', mod: true, shift: true }, true)).toBe('⌘⇧Z');
    expect(formatCombo({ key: 'z', mod: true, shift: true }, false)).toBe('Ctrl+Shift+Z');
    expect(formatCombo({ key: 'Delete' }, false)).toBe('Del');
    expect(shortcutText('paste', false)).toBe('Ctrl+V');
  });

  it('has one row per id, each with keys', () => {
    expect(new Set(SHORTCUTS.map((s) => s.id)).size).toBe(SHORTCUTS.length);
    expect(SHORTCUTS.every((s) => s.keys.length > 0)).toBe(true);
  });
});
