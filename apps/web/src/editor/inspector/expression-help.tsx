import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { RUN_INPUT_REF, referenceFor } from '../expression-refs';
import { nodeTypeOf } from '../store/catalogue-slice';
import { useEditorStore } from '../store/editor-store';
import { upstreamNodeIds } from '../store/graph-queries';

/**
 * Click-to-insert references to the run input and the outputs of upstream nodes. Shown while its
 * field has focus (CSS); a mouse press on a chip keeps the focus, and so the cursor, in the field.
 */
export function ExpressionHelp({ nodeId, onInsert }: { nodeId: string; onInsert: (text: string) => void }) {
  // Flat [expression, label, …] strings compared item by item: dragging nodes does not re-render this.
  const flat = useEditorStore(
    useShallow((s) =>
      upstreamNodeIds(s, nodeId).flatMap((id) => {
        const data = s.nodes.find((n) => n.id === id)?.data;
        if (!data) return [];
        const def = nodeTypeOf(s, data);
        const ref = referenceFor(id, def, data.label || def?.title || data.type);
        return [ref.expression, ref.label];
      }),
    ),
  );
  const { t } = useTranslation();
  const chips: { expression: string; label: string }[] = [{ expression: RUN_INPUT_REF.expression, label: t(RUN_INPUT_REF.label) }];
  for (let i = 0; i < flat.length; i += 2) chips.push({ expression: flat[i]!, label: flat[i + 1]! });
  return (
    <div className="expr-help" data-testid="expression-help">
      <span>{t('editor:expressions.insertFrom')}</span>
      {chips.map((r) => (
        <button
          key={r.expression}
          type="button"
          className="expr-chip"
          data-expression={r.expression}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onInsert(r.expression)}
          title={t('editor:expressions.insertTitle', { expression: r.expression })}
        >
          {r.label}
        </button>
      ))}
      {chips.length === 1 && <span>{t('editor:expressions.connectFirst')}</span>}
    </div>
  );
}
