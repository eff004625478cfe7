import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../ui/modal';
import { useEditUi } from './canvas/edit-ui-store';
import { formatCombo, isMac, SHORTCUTS, type Shortcut } from './shortcuts';
import './canvas/context-menu.css';

const GROUPS: {
  id: Shortcut['group'];
  label:
    | 'editor:canvasEdit.sheet.document'
    | 'editor:canvasEdit.sheet.selection'
    | 'editor:canvasEdit.sheet.canvas'
    | 'editor:canvasEdit.sheet.help';
}[] = [
  { id: 'document', label: 'editor:canvasEdit.sheet.document' },
  { id: 'selection', label: 'editor:canvasEdit.sheet.selection' },
  { id: 'canvas', label: 'editor:canvasEdit.sheet.canvas' },
  { id: 'help', label: 'editor:canvasEdit.sheet.help' },
];

/** Every editor shortcut (the table in shortcuts.ts), written for this platform: opened with `?`. */
export function ShortcutsSheet() {
  const open = useEditUi((s) => s.sheetOpen);
  const setOpen = useEditUi((s) => s.setSheetOpen);
  const { t } = useTranslation();
  if (!open) return null;
  const mac = isMac();
  return (
    <Modal title={t('editor:canvasEdit.sheet.title')} onClose={() => setOpen(false)}>
      <table className="shortcut-table" data-testid="shortcuts-sheet">
        <tbody>
          {GROUPS.map((g) => (
            <Fragment key={g.id}>
              <tr>
                <th colSpan={2} scope="colgroup">
                  {t(g.label)}
                </th>
              </tr>
              {SHORTCUTS.filter((s) => s.group === g.id).map((s) => (
                <tr key={s.id} data-shortcut={s.id}>
                  <td>{t(s.label)}</td>
                  <td className="keys">
                    {s.keys.map((k) => (
                      <kbd key={formatCombo(k, mac)}>{formatCombo(k, mac)}</kbd>
                    ))}
                  </td>
                </tr>
              ))}
            </Fragment>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
