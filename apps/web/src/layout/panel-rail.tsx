import { PanelLeftOpen, PanelRightClose, PanelRightOpen } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { PANEL_SHORTCUTS, usePanelStore, type SidePanel } from './side-panels';

const LABELS = {
  palette: { expand: 'editor:palette.expand', collapse: 'editor:palette.collapse', ...PANEL_SHORTCUTS.palette },
  inspector: { expand: 'editor:inspector.expand', collapse: 'editor:inspector.collapse', ...PANEL_SHORTCUTS.inspector },
} as const;

/** A folded side panel: a thin rail whose one button unfolds it. */
export function PanelRail({ panel }: { panel: SidePanel }) {
  const { t } = useTranslation();
  const toggle = usePanelStore((s) => s.toggle);
  const l = LABELS[panel];
  const Icon = panel === 'palette' ? PanelLeftOpen : PanelRightOpen;
  return (
    <div className={`panel-rail panel-rail-${panel}`} data-testid={`${panel}-rail`}>
      <button
        type="button"
        className="btn btn-ghost btn-sm btn-icon"
        onClick={() => toggle(panel)}
        title={`${t(l.expand)} (${l.keys})`}
        aria-label={t(l.expand)}
        aria-keyshortcuts={l.aria}
        aria-expanded="false"
        data-testid={`${panel}-expand`}
      >
        <Icon size={16} aria-hidden="true" />
      </button>
    </div>
  );
}

/** The inspector's fold button (the palette has its own beside its search field). */
export function InspectorCollapseButton() {
  const { t } = useTranslation();
  const toggle = usePanelStore((s) => s.toggle);
  const l = LABELS.inspector;
  return (
    <button
      type="button"
      className="btn btn-ghost btn-sm btn-icon inspector-collapse"
      onClick={() => toggle('inspector')}
      title={`${t(l.collapse)} (${l.keys})`}
      aria-label={t(l.collapse)}
      aria-keyshortcuts={l.aria}
      aria-expanded="true"
      data-testid="inspector-collapse"
    >
      <PanelRightClose size={16} aria-hidden="true" />
    </button>
  );
}
