import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../../ui/icons';
import { usePin, usePinMutations } from '../debug/use-pins';
import { useRunFrom } from '../debug/run-from-buttons';
import { useReadOnly } from '../hooks/read-only';
import { shortcutText, type ShortcutId } from '../shortcuts';
import { nodeTypeOf } from '../store/catalogue-slice';
import { editorStore, useEditorStore } from '../store/editor-store';
import { copySelection, cutSelection, duplicateSelection, pasteFromClipboard, toggleDisabled } from './edit-actions';
import { useEditUi, type MenuTarget } from './edit-ui-store';
import './context-menu.css';

type Item = { id: string; label: string; icon?: IconName; shortcut?: ShortcutId; run: () => void; disabled?: boolean; danger?: boolean };

/** The canvas's right-click menu (also Shift+F10 or the menu key on a focused node). */
export function CanvasContextMenu() {
  const menu = useEditUi((s) => s.menu);
  if (!menu) return null;
  const key = menu.target.kind === 'nodes' ? menu.target.nodeIds.join('\n') : `pane:${menu.x},${menu.y}`;
  return <MenuPanel key={key} x={menu.x} y={menu.y} target={menu.target} />;
}

function MenuPanel({ x, y, target }: { x: number; y: number; target: MenuTarget }) {
  const { t } = useTranslation();
  const close = useEditUi((s) => s.closeMenu);
  const ref = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState({ x, y });
  const readOnly = useReadOnly();
  const nodeItems = useNodeItems(target.kind === 'nodes' ? target.nodeIds : [], readOnly);
  const items: Item[] =
    target.kind === 'nodes'
      ? nodeItems
      : [
          {
            id: 'paste',
            label: t('editor:canvasEdit.menu.paste'),
            icon: 'copy',
            shortcut: 'paste',
            disabled: readOnly,
            run: () => void pasteFromClipboard(target.flow),
          },
          {
            id: 'selectAll',
            label: t('editor:canvasEdit.menu.selectAll'),
            shortcut: 'selectAll',
            run: () => editorStore.getState().selectAll(),
          },
        ];

  // Kept inside the window: a menu opened near the right or bottom edge opens towards the middle.
  useLayoutEffect(() => {
    const box = ref.current?.getBoundingClientRect();
    if (!box) return;
    setAt({
      x: Math.max(4, Math.min(x, window.innerWidth - box.width - 4)),
      y: Math.max(4, Math.min(y, window.innerHeight - box.height - 4)),
    });
  }, [x, y]);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus();
    const onDown = (e: MouseEvent) => !ref.current?.contains(e.target as Node) && close();
    const onScroll = (e: Event) => !ref.current?.contains(e.target as Node) && close();
    document.addEventListener('mousedown', onDown);
    document.addEventListener('wheel', onScroll, { passive: true });
    window.addEventListener('blur', close);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('wheel', onScroll);
      window.removeEventListener('blur', close);
      if (opener?.isConnected && !ref.current?.isConnected) opener.focus();
    };
  }, [close]);

  const onKeyDown = (e: ReactKeyboardEvent) => {
    const entries = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [])];
    const now = entries.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => entries[(i + entries.length) % entries.length]?.focus();
    if (e.key === 'Escape' || e.key === 'Tab') close();
    else if (e.key === 'ArrowDown') focus(now + 1);
    else if (e.key === 'ArrowUp') focus(now - 1);
    else if (e.key === 'Home') focus(0);
    else if (e.key === 'End') focus(-1);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div
      ref={ref}
      className="canvas-menu"
      role="menu"
      aria-label={t('editor:canvasEdit.menu.label')}
      data-testid="canvas-menu"
      style={{ left: at.x, top: at.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="menuitem"
          className={item.danger ? 'canvas-menu-item danger' : 'canvas-menu-item'}
          data-item={item.id}
          disabled={item.disabled}
          onClick={() => {
            close();
            item.run();
          }}
        >
          <span className="canvas-menu-icon">{item.icon && <Icon name={item.icon} />}</span>
          <span className="canvas-menu-label">{item.label}</span>
          {item.shortcut && <kbd className="canvas-menu-kbd">{shortcutText(item.shortcut)}</kbd>}
        </button>
      ))}
    </div>
  );
}

/** The items for the selected nodes; pinning and running from a node are offered for one node. */
function useNodeItems(nodeIds: string[], readOnly: boolean): Item[] {
  const { t } = useTranslation();
  const botId = useEditorStore((s) => s.botId) ?? '';
  const single = nodeIds.length === 1 ? nodeIds[0]! : '';
  const title = useEditorStore((s) => {
    const node = s.nodes.find((n) => n.id === single);
    return node ? node.data.label || nodeTypeOf(s, node.data)?.title || node.data.type : '';
  });
  const allDisabled = useEditorStore((s) => {
    const ids = new Set(nodeIds);
    const chosen = s.nodes.filter((n) => ids.has(n.id));
    return chosen.length > 0 && chosen.every((n) => n.data.disabled);
  });
  // What a pin would hold: the node's latest recorded output (inlined), as the inspector pins it.
  const lastOutput = useEditorStore((s) => {
    const run = s.runNodes[single] ?? s.sampleNodes[single];
    return run?.status === 'succeeded' && !run.outputRef ? run.output : undefined;
  });
  const { pinned } = usePin(botId || null, single);
  const { pin, unpin } = usePinMutations(botId, single, title);
  const runFrom = useRunFrom(botId, single, title);
  if (nodeIds.length === 0) return [];

  const items: Item[] = [
    { id: 'copy', label: t('editor:canvasEdit.menu.copy'), icon: 'copy', shortcut: 'copy', run: () => void copySelection() },
  ];
  if (readOnly) return items;
  items.push(
    { id: 'cut', label: t('editor:canvasEdit.menu.cut'), shortcut: 'cut', run: () => void cutSelection() },
    { id: 'duplicate', label: t('editor:canvasEdit.menu.duplicate'), icon: 'plus', shortcut: 'duplicate', run: duplicateSelection },
  );
  if (single) {
    items.push(
      pinned
        ? { id: 'unpin', label: t('editor:canvasEdit.menu.unpin'), icon: 'pin', run: () => unpin.mutate() }
        : {
            id: 'pin',
            label: t('editor:canvasEdit.menu.pin'),
            icon: 'pin',
            disabled: lastOutput === undefined,
            run: () => pin.mutate(lastOutput),
          },
      { id: 'runFrom', label: t('editor:canvasEdit.menu.runFrom'), icon: 'play', run: () => runFrom.mutate(false) },
    );
  }
  items.push(
    {
      id: 'disable',
      label: allDisabled ? t('editor:canvasEdit.menu.enable') : t('editor:canvasEdit.menu.disable'),
      shortcut: 'disable',
      run: () => toggleDisabled(nodeIds),
    },
    {
      id: 'delete',
      label: t('editor:canvasEdit.menu.delete'),
      icon: 'trash',
      shortcut: 'delete',
      danger: true,
      run: () => editorStore.getState().deleteSelection(),
    },
  );
  return items;
}
