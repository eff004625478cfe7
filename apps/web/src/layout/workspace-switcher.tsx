import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { ROLE_KEYS } from '../session/roles';
import { useWorkspace } from '../session/workspace';
import { Icon } from '../ui/icons';
import { CreateWorkspaceDialog } from './create-workspace-dialog';

/**
 * The current workspace, always in the top bar: lists the caller's workspaces with their role,
 * switches (every workspace-scoped page reads the current one) and starts a new one.
 */
export function WorkspaceSwitcher() {
  const { workspaces, current, setCurrent } = useWorkspace();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        trigger.current?.focus();
      }
      // Up and down move between the entries, as in any menu.
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        const items = [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"], [role="menuitem"]') ?? [])];
        const at = items.indexOf(document.activeElement as HTMLElement);
        const next = items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
        next?.focus();
        e.preventDefault();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    root.current?.querySelector<HTMLElement>('[aria-checked="true"]')?.focus();
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  // A personal workspace's stored name is the server's English ("Ada's workspace"): it is called
  // what it is, in the user's language, with the stored name as its tooltip.
  const label = (w: { name: string; personal: boolean }) => (w.personal ? t('teams:switcher.personal') : w.name);
  const tooltip = (w: { name: string; personal: boolean }) => (w.personal ? t('common:workspace.personal', { name: w.name }) : w.name);
  const choose = (id: string) => {
    setOpen(false);
    trigger.current?.focus();
    if (id === current?.id) return;
    setCurrent(id);
    // A bot belongs to one workspace: its pages make no sense in another. Lists follow the switch.
    if (pathname.startsWith('/bots/')) navigate('/');
  };

  return (
    <div className="ws-switcher" ref={root} data-testid="workspace-switcher">
      <button
        ref={trigger}
        type="button"
        className="ws-trigger"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('teams:switcher.label', { name: current ? label(current) : '' })}
        title={current ? tooltip(current) : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="ws-name truncate" translate="no">
          {current ? label(current) : t('common:workspace.label')}
        </span>
        {current && <span className="badge">{t(ROLE_KEYS[current.role])}</span>}
        <Icon name="chevronDown" width={14} height={14} className="ws-chevron" />
      </button>
      {open && (
        <div className="ws-menu" role="menu" aria-label={t('common:workspace.label')}>
          <div className="ws-menu-title small muted">{t('teams:switcher.title')}</div>
          {workspaces.map((w) => (
            <button
              key={w.id}
              type="button"
              role="menuitemradio"
              aria-checked={w.id === current?.id}
              className="ws-item"
              title={tooltip(w)}
              onClick={() => choose(w.id)}
            >
              <span className="ws-check">{w.id === current?.id && <Icon name="check" width={14} height={14} />}</span>
              <span className="truncate" translate="no">
                {label(w)}
              </span>
              <span className="spacer" />
              <span className="badge">{t(ROLE_KEYS[w.role])}</span>
            </button>
          ))}
          <div className="ws-menu-sep" />
          <button
            type="button"
            role="menuitem"
            className="ws-item"
            onClick={() => {
              setOpen(false);
              setCreating(true);
            }}
          >
            <span className="ws-check">
              <Icon name="plus" width={14} height={14} />
            </span>
            {t('teams:switcher.new')}
          </button>
        </div>
      )}
      {creating && <CreateWorkspaceDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
