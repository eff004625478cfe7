import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CreateWorkspaceDialog } from '../../layout/create-workspace-dialog';
import { can, ROLE_KEYS } from '../../session/roles';
import { useWorkspace } from '../../session/workspace';
import { Button } from '../../ui/button';
import { PageHeader } from '../../ui/page-header';
import { Alert, EmptyState } from '../../ui/states';
import { InviteForm } from './invite-form';
import { MembersList } from './members-list';
import { PendingInvitations } from './pending-invitations';
import { WorkspaceOwnerSettings } from './workspace-owner-settings';

/** Members of the current workspace: invite, roles, leave; the owner's rename and delete. */
export function MembersPage() {
  const { t } = useTranslation();
  const { current } = useWorkspace();
  const [creating, setCreating] = useState(false);
  if (!current) return null;
  const role = current.role;
  return (
    <div className="page">
      <PageHeader
        title={t('teams:members.title')}
        subtitle={
          <Trans
            i18nKey="teams:members.subtitle"
            values={{ name: current.name, role: t(ROLE_KEYS[role]) }}
            components={{ b: <b translate="no" /> }}
          />
        }
        actions={
          !current.personal && can(role, 'audit.read') ? (
            <Link to="/settings/audit" className="btn">
              {t('teams:nav.audit')}
            </Link>
          ) : undefined
        }
      />
      {current.personal ? (
        <EmptyState
          icon="users"
          title={t('teams:personal.title')}
          action={
            <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
              {t('teams:switcher.new')}
            </Button>
          }
        >
          {t('teams:personal.body')}
        </EmptyState>
      ) : (
        // Keyed by the workspace: switching starts every form of the page afresh.
        <div className="stack-lg" key={current.id}>
          {can(role, 'members.manage') ? <InviteForm workspaceId={current.id} /> : <Alert kind="info">{t('teams:members.readOnly')}</Alert>}
          <MembersList workspace={current} />
          {can(role, 'members.manage') && <PendingInvitations workspaceId={current.id} />}
          {can(role, 'workspace.manage') && <WorkspaceOwnerSettings workspace={current} />}
        </div>
      )}
      {creating && <CreateWorkspaceDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
