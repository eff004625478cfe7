import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { fieldErrors } from '../api/api-error';
import { teamsApi } from '../api/teams';
import { useWorkspacesChanged } from '../session/use-workspaces-changed';
import { useWorkspace } from '../session/workspace';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { Modal } from '../ui/modal';
import { Alert } from '../ui/states';
import { toast } from '../ui/toast';

/** "New workspace": a name; the new team workspace becomes the current one. */
export function CreateWorkspaceDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const { setCurrent } = useWorkspace();
  const changed = useWorkspacesChanged();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () => teamsApi.create(name.trim()),
    onSuccess: async (ws) => {
      await changed({ joined: ws });
      setCurrent(ws.id);
      toast.info(t('teams:create.created', { name: ws.name }));
      onClose();
      navigate('/settings/members');
    },
  });
  const errors = fieldErrors(create.error, ['name']);
  return (
    <Modal
      title={t('teams:create.title')}
      description={t('teams:create.description')}
      onClose={onClose}
      onSubmit={() => name.trim() && create.mutate()}
      footer={
        <>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" loading={create.isPending} disabled={!name.trim()}>
            {t('teams:create.submit')}
          </Button>
        </>
      }
    >
      {errors.rest && <Alert kind="error">{errors.rest}</Alert>}
      <Field label={t('teams:create.name')} htmlFor="workspace-name" error={errors.byField.name} hint={t('teams:create.nameHint')}>
        <input
          id="workspace-name"
          className="input"
          maxLength={100}
          autoComplete="off"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            if (create.error) create.reset();
          }}
        />
      </Field>
    </Modal>
  );
}
