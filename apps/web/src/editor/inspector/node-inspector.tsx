import { useMemo } from 'react';
import { Button } from '../../ui/button';
import { CopyButton } from '../../ui/copy-button';
import { Alert } from '../../ui/states';
import { CATEGORY_LABEL } from '../canvas/category';
import { describeIssue } from '../issue-text';
import { schemaToFields } from '../schema-form/schema-fields';
import { nodeTypeOf } from '../store/catalogue-slice';
import { useEditorStore } from '../store/editor-store';
import { ConnectionPicker, ModelPicker } from './llm-pickers';
import { FieldInput } from './field-input';
import { NodeRunOutput } from './node-run-output';
import { NodeSettingsForm } from './node-settings-form';

export function NodeInspector({ nodeId }: { nodeId: string }) {
  const data = useEditorStore((s) => s.nodes.find((n) => n.id === nodeId)?.data);
  const def = useEditorStore((s) => (data ? nodeTypeOf(s, data) : undefined));
  const botConnectionId = useEditorStore((s) => s.meta.llmConnectionId);
  const nodeRun = useEditorStore((s) => s.runNodes[nodeId]);
  const issues = useEditorStore((s) => s.issues);
  const updateParams = useEditorStore((s) => s.updateParams);
  const setLabel = useEditorStore((s) => s.setLabel);
  const setSettings = useEditorStore((s) => s.setSettings);
  const deleteNodes = useEditorStore((s) => s.deleteNodes);
  const fields = useMemo(() => schemaToFields(def?.paramsSchema, def), [def]);
  const nodeIssues = useMemo(() => issues.filter((i) => i.nodeId === nodeId).map((i) => describeIssue(i.message)), [issues, nodeId]);
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
            {def ? CATEGORY_LABEL[def.category] : 'Unknown'}
          </span>
          {/* The title is the node's label, renamed in place (empty shows the type's title). */}
          <input
            className="title-input"
            aria-label="Node name (shown on the canvas)"
            title="Rename this node"
            value={data.label ?? ''}
            placeholder={def?.title ?? data.type}
            onChange={(e) => setLabel(nodeId, e.target.value)}
          />
          <Button size="sm" variant="ghost" icon="trash" title="Delete node (Del)" aria-label="Delete node" onClick={() => deleteNodes([nodeId])} />
        </div>
        <div className="row">
          <span className="node-id truncate" title="Use this id in expressions of later nodes">
            {nodeId}
          </span>
          <CopyButton text={`{{ nodes.${nodeId}.output }}`} label="Copy reference" />
        </div>
        {def?.description && <p className="small muted">{def.description}</p>}
      </div>

      {nodeIssues.length > 0 && (
        <div className="inspector-section">
          <Alert kind="error" title="Fix before saving">
            <ul>
              {nodeIssues.map((i, n) => (
                <li key={n}>{i.text}</li>
              ))}
            </ul>
          </Alert>
        </div>
      )}

      {nodeRun && (
        <div className="inspector-section">
          <h3>Last run</h3>
          <NodeRunOutput nodeRun={nodeRun} connectionId={connectionParam ? connectionId : undefined} />
        </div>
      )}

      <div className="inspector-section" key={`params-${nodeId}`}>
        <h3>Parameters</h3>
        {!def && <Alert kind="warning">This node type is not in the catalogue, so its parameters cannot be edited here.</Alert>}
        {fields.length === 0 && def && <p className="small muted">This node has no parameters.</p>}
        {fields.map((field) => {
          if (field.kind === 'connection')
            return (
              <ConnectionPicker
                key={field.key}
                id={`param-${nodeId}-${field.key}`}
                label={field.label}
                value={params[field.key] as string | undefined}
                emptyLabel="Use the bot's default"
                hint={field.description ?? "Which of your LLM connections this node calls."}
                onChange={(v) => updateParams(nodeId, { [field.key]: v ?? undefined })}
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
                hint="Pick a connection (here or in the bot settings) to list its models."
                onChange={(v) => updateParams(nodeId, { [field.key]: v ?? undefined })}
              />
            );
          return (
            <FieldInput key={field.key} nodeId={nodeId} field={field} value={params[field.key]} issue={issueFor(field.key)} onChange={(v) => updateParams(nodeId, { [field.key]: v })} />
          );
        })}
      </div>

      <details className="inspector-section" key={`settings-${nodeId}`} open={Boolean(data.settings)}>
        <summary style={{ cursor: 'pointer' }}>
          <h3 style={{ display: 'inline' }}>Settings</h3> <span className="small muted">retries, timeout, failures</span>
        </summary>
        <NodeSettingsForm nodeId={nodeId} settings={data.settings} defaults={def?.execution} onChange={(s) => setSettings(nodeId, s)} />
      </details>

      {def?.docs && (
        <details className="inspector-section">
          <summary style={{ cursor: 'pointer' }}>
            <h3 style={{ display: 'inline' }}>Docs</h3>
          </summary>
          <div className="docs">{def.docs}</div>
        </details>
      )}
    </div>
  );
}
