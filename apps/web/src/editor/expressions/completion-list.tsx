import { useTranslation } from 'react-i18next';
import type { Suggestion } from './completions';

const KIND_LABEL = {
  root: 'expressions:complete.kind.root',
  node: 'expressions:complete.kind.node',
  field: 'expressions:complete.kind.field',
  secret: 'expressions:complete.kind.secret',
} as const satisfies Record<Suggestion['kind'], string>;

export const optionId = (listId: string, i: number) => `${listId}-${i}`;

/** Autocomplete inside `{{ }}`: the field keeps focus; ↑ ↓ pick, Enter or Tab accepts, Esc closes. */
export function CompletionList({
  id,
  items,
  active,
  onPick,
}: {
  id: string;
  items: Suggestion[];
  active: number;
  onPick: (s: Suggestion) => void;
}) {
  const { t } = useTranslation();
  return (
    <ul className="expr-complete" id={id} role="listbox" aria-label={t('expressions:complete.label')} data-testid="expression-suggestions">
      {items.map((s, i) => (
        <li
          key={s.apply}
          id={optionId(id, i)}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : undefined}
          // A press must not take the focus (and the cursor) from the field.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(s)}
        >
          <span className="mono">{s.label}</span>
          {s.detail && <span className="expr-complete-detail truncate">{s.detail}</span>}
          <span className="expr-complete-kind">{t(KIND_LABEL[s.kind])}</span>
        </li>
      ))}
    </ul>
  );
}
