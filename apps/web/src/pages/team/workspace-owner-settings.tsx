import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Workspace } from '@bm/contract';
import { fieldErrors } from '../../api/api-error';
import { teamsApi } from '../../api/teams';
import { useWorkspacesChanged } from '../../session/use-workspaces-changed';
import { useWorkspace } from '../../session/workspace';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Modal } from '../../ui/modal';
import { Alert, ErrorAlert } from '../../ui/states';
import { toast } from '../../ui/toast';

/** Owner only: rename the workspace, or delete it with everything in it. */
export function WorkspaceOwnerSettings({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const [name, setName] = useState(workspace.name);
  const [deleting, setDeleting] = useState(false);
  const changed = useWorkspacesChanged();
  const rename = useMutation({
    mutationFn: () => teamsApi.rename(workspace.id, name.trim()),
    onSuccess: async (ws) => {
      toast.info(t('teams:owner.renamed', { name: ws.name }));
      await changed({ joined: ws });
    },
  });
  const errors = fieldErrors(rename.error, ['name']);
  return (
    <section className="stack" aria-labelledby="owner-title">
      <h2 id="owner-title" className="section-title">
        {t('teams:owner.title')}
      </h2>
      <div className="card card-body stack">
        <form
          className="row"
          style={{ alignItems: 'flex-end', flexWrap: 'wrap' }}
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim() && name.trim() !== workspace.name) rename.mutate();
          }}
        >
          <div style={{ flex: 1, minWidth: 240 }}>
            <Field label={t('teams:owner.name')} htmlFor="workspace-rename" error={errors.byField.name}>
              <input
                id="workspace-rename"
                className="input"
                maxLength={100}
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  if (rename.error) rename.reset();
                }}
              />
            </Field>
          </div>
          <Button type="submit" loading={rename.isPending} disabled={!name.trim() || name.trim() === workspace.name}>
            {t('teams:owner.rename')}
          </Button>
        </form>
        {errors.rest && <Alert kind="error">{errors.rest}</Alert>}
      </div>
      <div className="card card-body danger-zone row" style={{ flexWrap: 'wrap' }}>
        <div className="stack" style={{ gap: 4, flex: 1, minWidth: 240 }}>
          <strong>{t('teams:owner.deleteTitle')}</strong>
          <span className="small muted">{t('teams:owner.deleteBody')}</span>
        </div>
        <Button variant="danger" icon="trash" onClick={() => setDeleting(true)}>
          {t('teams:owner.delete')}
        </Button>
      </div>
      {deleting && <DeleteWorkspaceDialog workspace={workspace} onClose={() => setDeleting(false)} />}
    </section>
  );
}

function DeleteWorkspaceDialog({ workspace, onClose }: { workspace: Workspace; onClose: () => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const { workspaces, setCurrent } = useWorkspace();
  const changed = useWorkspacesChanged();
  const navigate = useNavigate();
  const matches = typed.trim() === workspace.name;
  const remove = useMutation({
    mutationFn: () => teamsApi.remove(workspace.id, typed),
    onSuccess: async () => {
      const personal = workspaces.find((w) => w.personal);
      if (personal) setCurrent(personal.id);
      await changed({ left: workspace.id });
      toast.info(t('teams:owner.deleted', { name: workspace.name }));
      navigate('/');
    },
  });
  return (
    <Modal
      title={t('teams:owner.deleteDialogTitle', { name: workspace.name })}
      onClose={onClose}
      onSubmit={() => matches && remove.mutate()}
      footer={
        <>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="danger-solid" loading={remove.isPending} disabled={!matches}>
            {t('teams:owner.deleteConfirm')}
          </Button>
        </>
      }
    >
      <Alert kind="warning">{t('teams:owner.deleteWarning')}</Alert>
      <Field
        label={<Trans i18nKey="teams:owner.typeName" values={{ name: workspace.name }} components={{ b: <b translate="no" /> }} />}
        htmlFor="delete-confirm"
      >
        <input id="delete-confirm" className="input" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </Field>
      <ErrorAlert error={remove.error} />
    </Modal>
  );
}
