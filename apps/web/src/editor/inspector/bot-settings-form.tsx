import { Field } from '../../ui/field';
import { useEditorStore } from '../store/editor-store';
import { ConnectionPicker, ModelPicker } from './llm-pickers';

/** Shown in the inspector when no node is selected. */
export function BotSettingsForm() {
  const meta = useEditorStore((s) => s.meta);
  const setMeta = useEditorStore((s) => s.setMeta);
  const nodeCount = useEditorStore((s) => s.nodes.length);
  const edgeCount = useEditorStore((s) => s.edges.length);
  return (
    <div data-testid="bot-settings">
      <div className="inspector-head">
        <h2>Bot settings</h2>
        <p className="small muted">
          {nodeCount} node{nodeCount === 1 ? '' : 's'}, {edgeCount} connection{edgeCount === 1 ? '' : 's'}. Select a node on the canvas to edit it.
        </p>
      </div>
      <div className="inspector-section">
        <Field label="Name" htmlFor="bot-meta-name" required error={meta.name.trim() ? undefined : 'A bot needs a name.'}>
          <input id="bot-meta-name" className="input" value={meta.name} onChange={(e) => setMeta({ name: e.target.value })} />
        </Field>
        <Field label="Description" htmlFor="bot-meta-description">
          <textarea id="bot-meta-description" className="textarea" rows={3} value={meta.description} onChange={(e) => setMeta({ description: e.target.value })} />
        </Field>
      </div>
      <div className="inspector-section">
        <h3>Default LLM</h3>
        <ConnectionPicker
          id="bot-meta-connection"
          label="LLM connection"
          value={meta.llmConnectionId}
          emptyLabel="None"
          hint="LLM nodes without a connection of their own use this one."
          onChange={(v) => setMeta({ llmConnectionId: v })}
        />
        <ModelPicker
          id="bot-meta-model"
          label="Model override"
          connectionId={meta.llmConnectionId}
          value={meta.llmModelOverride}
          hint="Empty: each connection's default model."
          onChange={(v) => setMeta({ llmModelOverride: v })}
        />
        <p className="small muted">Runs use your own provider account and are billed to it. Bot Manager never provides or pays for an LLM.</p>
      </div>
    </div>
  );
}
