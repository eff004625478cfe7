import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/field';
import { useEditorStore } from '../store/editor-store';
import { ConnectionPicker, ModelPicker } from './llm-pickers';
import { OnFailureSettings } from './on-failure-settings';

/** Shown in the inspector when no node is selected. */
export function BotSettingsForm() {
  const meta = useEditorStore((s) => s.meta);
  const setMeta = useEditorStore((s) => s.setMeta);
  const nodeCount = useEditorStore((s) => s.nodes.length);
  const edgeCount = useEditorStore((s) => s.edges.length);
  const { t } = useTranslation();
  return (
    <div data-testid="bot-settings">
      <div className="inspector-head">
        <h2>{t('editor:botSettings.title')}</h2>
        <p className="small muted">{t('editor:botSettings.summary', { nodes: nodeCount, edges: edgeCount })}</p>
      </div>
      <div className="inspector-section">
        <Field
          label={t('editor:botSettings.name')}
          htmlFor="bot-meta-name"
          required
          error={meta.name.trim() ? undefined : t('editor:botSettings.nameRequired')}
        >
          <input id="bot-meta-name" className="input" value={meta.name} onChange={(e) => setMeta({ name: e.target.value })} />
        </Field>
        <Field label={t('editor:botSettings.description')} htmlFor="bot-meta-description">
          <textarea
            id="bot-meta-description"
            className="textarea"
            rows={3}
            value={meta.description}
            onChange={(e) => setMeta({ description: e.target.value })}
          />
        </Field>
      </div>
      <div className="inspector-section">
        <h3>{t('editor:botSettings.defaultLlm')}</h3>
        <ConnectionPicker
          id="bot-meta-connection"
          label={t('editor:botSettings.connection')}
          value={meta.llmConnectionId}
          emptyLabel={t('editor:botSettings.none')}
          hint={t('editor:botSettings.connectionHint')}
          onChange={(v) => setMeta({ llmConnectionId: v })}
        />
        <ModelPicker
          id="bot-meta-model"
          label={t('editor:botSettings.model')}
          connectionId={meta.llmConnectionId}
          value={meta.llmModelOverride}
          hint={t('editor:botSettings.modelHint')}
          onChange={(v) => setMeta({ llmModelOverride: v })}
        />
        <p className="small muted">{t('editor:botSettings.billing')}</p>
      </div>
      <OnFailureSettings />
    </div>
  );
}
