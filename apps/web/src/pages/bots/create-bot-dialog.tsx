import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { botsApi } from '../../api/bots';
import { queryKeys } from '../../api/query-keys';
import { useConnections } from '../../api/use-connections';
import { useNodeTypes } from '../../api/use-node-types';
import { STARTER_TEMPLATES } from '../../editor/starter-graph';
import { useWorkspaceId } from '../../session/workspace';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Alert, ErrorAlert } from '../../ui/states';
import { Modal } from '../../ui/modal';

export function CreateBotDialog({ onClose }: { onClose: () => void }) {
  const workspaceId = useWorkspaceId();
  const nodeTypes = useNodeTypes();
  const connections = useConnections();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [connectionId, setConnectionId] = useState<string>('');
  const [templateId, setTemplateId] = useState(STARTER_TEMPLATES[0]!.id);
  const template = STARTER_TEMPLATES.find((t) => t.id === templateId) ?? STARTER_TEMPLATES[0]!;
  const active = (connections.data ?? []).filter((c) => c.isActive);
  const chosen = connectionId || active[0]?.id || '';
  // The server refuses to store an LLM node without a connection, and every starter has one.
  const needsConnection = connections.isSuccess && active.length === 0;

  const create = useMutation({
    mutationFn: () => {
      const catalogue = Object.fromEntries((nodeTypes.data ?? []).map((d) => [d.id, d]));
      return botsApi.create({
        name: name.trim(),
        description: description.trim() || undefined,
        workspaceId,
        graph: template.build(catalogue),
        llmConnectionId: chosen || null,
      });
    },
    onSuccess: async (bot) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.botsAll });
      queryClient.setQueryData(queryKeys.bot(bot.id), bot);
      navigate(`/bots/${bot.id}`);
    },
  });

  return (
    <Modal
      title="New bot"
      description="Pick a starting point, then change anything on the canvas."
      wide
      onClose={onClose}
      onSubmit={() => name.trim() && create.mutate()}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={create.isPending} disabled={!name.trim() || nodeTypes.isPending || needsConnection}>
            Create bot
          </Button>
        </>
      }
    >
      {needsConnection && (
        <Alert kind="info" title="Connect an LLM first">
          A new bot starts with an LLM step, which needs one of your provider accounts. <Link to="/settings/connections">Add an LLM connection</Link>, then come back.
        </Alert>
      )}
      <ErrorAlert error={create.error} />
      <Field label="Name" htmlFor="bot-name" required>
        <input id="bot-name" data-autofocus className="input" placeholder="Daily tech digest" value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="Description" htmlFor="bot-description">
        <textarea id="bot-description" className="textarea" rows={2} style={{ minHeight: 60 }} placeholder="What does it do, for whom?" value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <fieldset className="starter-picker">
        <legend className="field-label">Start from</legend>
        <div className="starter-options">
          {STARTER_TEMPLATES.map((t) => (
            <label key={t.id} className={`starter-option${t.id === template.id ? ' selected' : ''}`} data-template={t.id}>
              <input type="radio" name="bot-template" value={t.id} checked={t.id === template.id} onChange={() => setTemplateId(t.id)} />
              <span className="starter-option-title">{t.title}</span>
              <span className="starter-option-desc">{t.description}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field
        label="Default LLM connection"
        htmlFor="bot-connection"
        hint={active.length === 0 ? 'No active connection yet.' : 'LLM nodes use this unless they pick their own.'}
      >
        <select id="bot-connection" className="select" value={chosen} onChange={(e) => setConnectionId(e.target.value)} disabled={active.length === 0}>
          {active.length === 0 && <option value="">None</option>}
          {active.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} · {c.modelDefault}
            </option>
          ))}
        </select>
      </Field>
    </Modal>
  );
}
