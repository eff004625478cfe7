/**
 * Every editor shortcut, once: the keyboard handler (hooks/use-editor-shortcuts.ts) matches keys
 * against this table, and the shortcuts sheet (`?`) lists it. To add a shortcut, add a row here
 * (with its label in the editor catalogue, EN and KO) and its action in the handler.
 */

/** `mod` is ⌘ on a Mac and Ctrl elsewhere; `key` is KeyboardEvent.key, lower case for letters. */
export type KeyCombo = { key: string; mod?: boolean; shift?: boolean; alt?: boolean };

export type ShortcutId =
  | 'save'
  | 'undo'
  | 'redo'
  | 'copy'
  | 'cut'
  | 'paste'
  | 'duplicate'
  | 'selectAll'
  | 'delete'
  | 'disable'
  | 'contextMenu'
  | 'closeMenu'
  | 'shortcuts'
  | 'tidy'
  | 'note'
  | 'foldPalette'
  | 'foldInspector';

export type Shortcut = {
  id: ShortcutId;
  /** The first combo is the one shown in menus; the sheet shows all of them. */
  keys: KeyCombo[];
  label:
    | 'editor:canvasEdit.shortcuts.save'
    | 'editor:canvasEdit.shortcuts.undo'
    | 'editor:canvasEdit.shortcuts.redo'
    | 'editor:canvasEdit.shortcuts.copy'
    | 'editor:canvasEdit.shortcuts.cut'
    | 'editor:canvasEdit.shortcuts.paste'
    | 'editor:canvasEdit.shortcuts.duplicate'
    | 'editor:canvasEdit.shortcuts.selectAll'
    | 'editor:canvasEdit.shortcuts.delete'
    | 'editor:canvasEdit.shortcuts.disable'
    | 'editor:canvasEdit.shortcuts.contextMenu'
    | 'editor:canvasEdit.shortcuts.closeMenu'
    | 'editor:canvasEdit.shortcuts.shortcuts'
    | 'editor:canvasEdit.shortcuts.tidy'
    | 'editor:canvasEdit.shortcuts.note'
    | 'editor:canvasEdit.shortcuts.foldPalette'
    | 'editor:canvasEdit.shortcuts.foldInspector';
  group: 'document' | 'selection' | 'canvas' | 'help';
  /** Also works while typing in a field (save does; everything else leaves fields their own keys). */
  inFields?: boolean;
  /**
   * Handled elsewhere — by the browser, React Flow, or the control that owns it (the layout buttons,
   * the side panels) — so listed in the sheet but not dispatched by the handler.
   */
  builtIn?: boolean;
};

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'save', keys: [{ key: 's', mod: true }], label: 'editor:canvasEdit.shortcuts.save', group: 'document', inFields: true },
  { id: 'undo', keys: [{ key: 'z', mod: true }], label: 'editor:canvasEdit.shortcuts.undo', group: 'document' },
  {
    id: 'redo',
    keys: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    label: 'editor:canvasEdit.shortcuts.redo',
    group: 'document',
  },
  { id: 'copy', keys: [{ key: 'c', mod: true }], label: 'editor:canvasEdit.shortcuts.copy', group: 'selection' },
  { id: 'cut', keys: [{ key: 'x', mod: true }], label: 'editor:canvasEdit.shortcuts.cut', group: 'selection' },
  { id: 'paste', keys: [{ key: 'v', mod: true }], label: 'editor:canvasEdit.shortcuts.paste', group: 'selection' },
  { id: 'duplicate', keys: [{ key: 'd', mod: true }], label: 'editor:canvasEdit.shortcuts.duplicate', group: 'selection' },
  { id: 'selectAll', keys: [{ key: 'a', mod: true }], label: 'editor:canvasEdit.shortcuts.selectAll', group: 'selection' },
  {
    id: 'delete',
    keys: [{ key: 'Delete' }, { key: 'Backspace' }],
    label: 'editor:canvasEdit.shortcuts.delete',
    group: 'selection',
    builtIn: true,
  },
  // n8n's key. Plain D clashes with nothing: the browser gives it no meaning outside fields.
  { id: 'disable', keys: [{ key: 'd' }], label: 'editor:canvasEdit.shortcuts.disable', group: 'selection' },
  {
    id: 'contextMenu',
    keys: [{ key: 'F10', shift: true }, { key: 'ContextMenu' }],
    label: 'editor:canvasEdit.shortcuts.contextMenu',
    group: 'selection',
    builtIn: true,
  },
  // Owned by editor/layout/layout-buttons.tsx (Tidy up, add a note) and layout/side-panels.ts (folding).
  { id: 'tidy', keys: [{ key: 'l', shift: true, alt: true }], label: 'editor:canvasEdit.shortcuts.tidy', group: 'canvas', builtIn: true },
  { id: 'note', keys: [{ key: 'n' }], label: 'editor:canvasEdit.shortcuts.note', group: 'canvas', builtIn: true },
  { id: 'foldPalette', keys: [{ key: '[', mod: true }], label: 'editor:canvasEdit.shortcuts.foldPalette', group: 'canvas', builtIn: true },
  {
    id: 'foldInspector',
    keys: [{ key: ']', mod: true }],
    label: 'editor:canvasEdit.shortcuts.foldInspector',
    group: 'canvas',
    builtIn: true,
  },
  { id: 'closeMenu', keys: [{ key: 'Escape' }], label: 'editor:canvasEdit.shortcuts.closeMenu', group: 'help', builtIn: true },
  // `?` is Shift+/ on most layouts, another key on others: matched by the character.
  { id: 'shortcuts', keys: [{ key: '?' }], label: 'editor:canvasEdit.shortcuts.shortcuts', group: 'help' },
];

export const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

type KeyEventLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

function matches(combo: KeyCombo, e: KeyEventLike): boolean {
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (key !== combo.key) return false;
  if ((e.ctrlKey || e.metaKey) !== (combo.mod === true) || e.altKey !== (combo.alt === true)) return false;
  // A punctuation key is matched by its character, whatever Shift it took to type it.
  return combo.key.length === 1 && !/[a-z0-9]/.test(combo.key) ? true : e.shiftKey === (combo.shift === true);
}

/** The shortcut these keys press, if any (built-in ones included, so callers can tell them apart). */
export function matchShortcut(e: KeyEventLike): Shortcut | undefined {
  return SHORTCUTS.find((s) => s.keys.some((k) => matches(k, e)));
}

const KEY_NAMES: Record<string, { mac: string; other: string }> = {
  Delete: { mac: '⌦', other: 'Del' },
  Backspace: { mac: '⌫', other: 'Backspace' },
  Escape: { mac: 'Esc', other: 'Esc' },
  ContextMenu: { mac: '☰', other: 'Menu' },
};

/** How a combo is written on this platform: ⌘⇧Z on a Mac, Ctrl+Shift+Z elsewhere. */
export function formatCombo(combo: KeyCombo, mac = isMac()): string {
  const name = KEY_NAMES[combo.key]?.[mac ? 'mac' : 'other'] ?? (combo.key.length === 1 ? combo.key.toUpperCase() : combo.key);
  if (mac) return `${combo.mod ? '⌘' : ''}${combo.alt ? '⌥' : ''}${combo.shift ? '⇧' : ''}${name}`;
  return [combo.mod && 'Ctrl', combo.alt && 'Alt', combo.shift && 'Shift', name].filter(Boolean).join('+');
}

export const shortcutOf = (id: ShortcutId): Shortcut => SHORTCUTS.find((s) => s.id === id)!;

/** The first combo of a shortcut, written for this platform (menus show it beside the item). */
export const shortcutText = (id: ShortcutId, mac = isMac()): string => formatCombo(shortcutOf(id).keys[0]!, mac);
