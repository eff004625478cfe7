import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { Alert } from '../../ui/states';
import { CATEGORY_LABEL } from '../canvas/category';
import { fieldIssue } from '../issue-text';
import { listItemSchema, schemaToFields } from '../schema-form/schema-fields';
import type { JsonSchema } from '../schema-form/json-schema';
import { nodeTypeOf } from '../store/catalogue-slice';
import { useEditorStore } from '../store/editor-store';
import { ConnectionPicker, ModelPicker } from './llm-pickers';
import { FieldInput } from './field-input';
import { CaseListEditor } from './case-list-editor';
import { BotPicker } from './bot-picker';
import { NodeIdEditor } from './node-id-editor';
import { NodeRunSection } from './node-run-section';
import { NodeSettingsForm } from './node-settings-form';
import { DebugSection } from '../debug/debug-section';
import { DisabledHint, DisableToggle } from './disable-toggle';
import { NodeIcon } from '../../ui/node-icon';

export function NodeInspector({ nodeId }: { nodeId: string }) {
  const data = useEditorStore((s) => s.nodes.find((n) => n.id === nodeId)?.data);
  const def = useEditorStore((s) => (data ? nodeTypeOf(s, data) : undefined));
  const botConnectionId = useEditorStore((s) => s.meta.llmConnectionId);
  const issues = useEditorStore((s) => s.issues);
  const updateParams = useEditorStore((s) => s.updateParams);
  const setLabel = useEditorStore((s) => s.setLabel);
  const followLabel = useEditorStore((s) => s.followLabel);
  const setSettings = useEditorStore((s) => s.setSettings);
  const deleteNodes = useEditorStore((s) => s.deleteNodes);
  const { t } = useTranslation();
  const fields = useMemo(() => schemaToFields(def?.paramsSchema, def), [def]);
  // A list param that makes output ports (flow.switch's cases) is edited as a list of cases.
  const portList = useMemo(() => {
    const param = def?.dynamicOutputs?.param;
    const list = param ? listItemSchema(def.paramsSchema as JsonSchema, param) : undefined;
    return param && list ? { param, ...list } : undefined;
  }, [def]);
  const title = data?.label || def?.title || data?.type;
  const nodeIssues = useMemo(() => issues.filter((i) => i.nodeId === nodeId).map((i) => fieldIssue(i, title)), [issues, nodeId, title]);
  const issueFor = (key: string) => nodeIssues.find((i) => i.param === key)?.text;

  if (!data) return null;
  const params = data.params;
  const connectionParam = def?.connectionParams[0];
  const connectionId = (connectionParam ? (params[connectionParam] as string | undefined) : undefined) ?? botConnectionId;

  return (
    <div data-testid="node-inspector">
      <div className={`inspector-head cat-${def?.category ?? 'transform'}`}>
        <div className="row">
          <span className="badge" style={{ color: 'var(--cat)', borderColor: 'currentColor', background: 'transparent' }}>
            <NodeIcon name={def?.display.icon} size={12} />
            {t(def ? CATEGORY_LABEL[def.category] : 'editor:categories.unknown')}
          </span>
          {/* The title is the node's label, renamed in place (empty shows the type's title). */}
          <input
            className="title-input"
            aria-label={t('editor:inspector.nodeName')}
            title={t('editor:inspector.rename')}
            value={data.label ?? ''}
            placeholder={def?.title ?? data.type}
            onChange={(e) => setLabel(nodeId, e.target.value)}
            // A node never saved takes its id from the name once the name is done (see followLabel).
            onBlur={() => followLabel(nodeId)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) e.currentTarget.blur();
            }}
          />
          <DisableToggle nodeId={nodeId} />
          <Button
            size="sm"
            variant="ghost"
            icon="trash"
            title={t('editor:inspector.deleteTitle')}
            aria-label={t('editor:inspector.delete')}
            onClick={() => deleteNodes([nodeId])}
          />
        </div>
        <NodeIdEditor nodeId={nodeId} />
        <DisabledHint nodeId={nodeId} />
        {def?.description && <p className="small muted">{def.description}</p>}
      </div>

      {nodeIssues.length > 0 && (
        <div className="inspector-section">
          <Alert kind="error" title={t('editor:inspector.fixBeforeSaving')}>
            <ul>
              {nodeIssues.map((i, n) => (
                <li key={n}>{i.text}</li>
              ))}
            </ul>
          </Alert>
        </div>
      )}

      <DebugSection nodeId={nodeId} title={title ?? nodeId} />

      <NodeRunSection nodeId={nodeId} title={title ?? nodeId} connectionId={connectionParam ? connectionId : undefined} />

      <div className="inspector-section">
        <h3>{t('editor:inspector.parameters')}</h3>
        {!def && <Alert kind="warning">{t('editor:inspector.notInCatalogue')}</Alert>}
        {fields.length === 0 && def && <p className="small muted">{t('editor:inspector.noParameters')}</p>}
        {fields.map((field) => {
          if (field.kind === 'connection')
            return (
              <ConnectionPicker
                key={field.key}
                id={`param-${nodeId}-${field.key}`}
                label={field.label}
                value={params[field.key] as string | undefined}
                emptyLabel={t('editor:inspector.useBotDefault')}
                hint={field.description ?? t('editor:inspector.connectionHint')}
                onChange={(v) => updateParams(nodeId, { [field.key]: v ?? undefined })}
              />
            );
          if (portList && field.key === portList.param)
            return (
              <CaseListEditor
                key={field.key}
                nodeId={nodeId}
                field={field}
                itemSchema={portList.item}
                maxItems={portList.maxItems}
                template={portList.template}
                reserved={def?.outputs.map((p) => p.name) ?? []}
                value={params[field.key]}
                issueFor={issueFor}
                onChange={(v) => updateParams(nodeId, { [field.key]: v })}
              />
            );
          if (field.kind === 'bot')
            return (
              <BotPicker
                key={field.key}
                id={`param-${nodeId}-${field.key}`}
                label={field.label}
                required={field.required}
                hint={field.description}
                issue={issueFor(field.key)}
                value={params[field.key] as string | undefined}
                onChange={(v) => updateParams(nodeId, { [field.key]: v })}
              />
            );
          if (field.kind === 'model')
            return (
              <ModelPicker
                key={field.key}
                id={`param-${nodeId}-${field.key}`}
                label={field.label}
                connectionId={connectionId}
                value={params[field.key] as string | undefined}
                hint={t('editor:inspector.modelHint')}
                onChange={(v) => updateParams(nodeId, { [field.key]: v ?? undefined })}
              />
            );
          return (
            <FieldInput
              key={field.key}
              nodeId={nodeId}
              field={field}
              value={params[field.key]}
              issue={issueFor(field.key)}
              onChange={(v) => updateParams(nodeId, { [field.key]: v })}
            />
          );
        })}
      </div>

      <details className="inspector-section" open={Boolean(data.settings)}>
        <summary style={{ cursor: 'pointer' }}>
          <h3 style={{ display: 'inline' }}>{t('editor:inspector.settings')}</h3>{' '}
          <span className="small muted">{t('editor:inspector.settingsHint')}</span>
        </summary>
        <NodeSettingsForm nodeId={nodeId} settings={data.settings} defaults={def?.execution} onChange={(s) => setSettings(nodeId, s)} />
      </details>

      {def?.docs && (
        <details className="inspector-section">
          <summary style={{ cursor: 'pointer' }}>
            <h3 style={{ display: 'inline' }}>{t('editor:inspector.docs')}</h3>
          </summary>
          <div className="docs">{def.docs}</div>
        </details>
      )}
    </div>
  );
}
