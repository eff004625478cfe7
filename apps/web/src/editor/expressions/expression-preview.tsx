import { useTranslation } from 'react-i18next';
import type { DataTree } from './expression-data';
import type { Preview } from './preview';

const MAX_SHOWN = 2000;

/** The resolved value of a param's template against the sample data, or why it would fail. */
export function ExpressionPreview({ preview, trees, mentionsSecrets }: { preview: Preview; trees: DataTree[]; mentionsSecrets: boolean }) {
  const { t } = useTranslation();
  if (preview.kind === 'none') return null;
  let body;
  if (preview.kind === 'value') {
    const text = preview.text.length > MAX_SHOWN ? `${preview.text.slice(0, MAX_SHOWN)}…` : preview.text;
    body = text === '' ? <span className="muted">{t('expressions:preview.empty')}</span> : <pre className="expr-preview-value">{text}</pre>;
  } else if (preview.kind === 'noData') {
    const names = preview.nodeIds.map((id) => trees.find((tr) => tr.root.kind === 'node' && tr.root.nodeId === id)?.title ?? id);
    body = <span className="muted">{t('expressions:preview.noData', { nodes: names.join(', ') })}</span>;
  } else {
    body = (
      <span className="expr-preview-error" role="alert">
        {preview.syntax
          ? t('expressions:preview.syntax', { position: (preview.position ?? 0) + 1, message: preview.message })
          : t('expressions:preview.error', { message: preview.message })}
      </span>
    );
  }
  return (
    <div className={`expr-preview kind-${preview.kind}`} data-testid="expression-preview" aria-live="polite">
      <span className="expr-preview-label">{t('expressions:preview.label')}</span>
      {body}
      {mentionsSecrets && <span className="small muted">{t('expressions:preview.secrets')}</span>}
    </div>
  );
}
