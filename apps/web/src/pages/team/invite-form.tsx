import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedInvitation, InvitableRole } from '@bm/contract';
import { fieldErrors } from '../../api/api-error';
import { queryKeys } from '../../api/query-keys';
import { teamsApi } from '../../api/teams';
import { ROLE_KEYS } from '../../session/roles';
import { Button } from '../../ui/button';
import { CopyField } from '../../ui/copy-button';
import { Field } from '../../ui/field';
import { Alert } from '../../ui/states';

const INVITABLE: readonly InvitableRole[] = ['admin', 'editor', 'viewer'];

/** Invite by email and role; the answer's one-time link is shown here, once, to copy. */
export function InviteForm({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<InvitableRole>('editor');
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const invite = useMutation({
    mutationFn: () => teamsApi.invite(workspaceId, email.trim(), role),
    onSuccess: (inv) => {
      setCreated(inv);
      setEmail('');
      return queryClient.invalidateQueries({ queryKey: queryKeys.invitations(workspaceId) });
    },
  });
  const errors = fieldErrors(invite.error, ['email', 'role']);
  return (
    <section className="card card-body stack" aria-labelledby="invite-title">
      <h2 id="invite-title" className="section-title">
        {t('teams:invite.title')}
      </h2>
      <form
        className="row"
        style={{ alignItems: 'flex-end', flexWrap: 'wrap' }}
        onSubmit={(e) => {
          e.preventDefault();
          if (email.trim()) invite.mutate();
        }}
      >
        <div style={{ flex: 2, minWidth: 240 }}>
          <Field label={t('teams:invite.email')} htmlFor="invite-email" error={errors.byField.email}>
            <input
              id="invite-email"
              className={errors.byField.email ? 'input invalid' : 'input'}
              type="email"
              autoComplete="off"
              placeholder={t('teams:invite.emailPlaceholder')}
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                if (invite.error) invite.reset();
              }}
            />
          </Field>
        </div>
        <div style={{ minWidth: 160 }}>
          <Field label={t('teams:invite.role')} htmlFor="invite-role">
            <select id="invite-role" className="select" value={role} onChange={(e) => setRole(e.target.value as InvitableRole)}>
              {INVITABLE.map((r) => (
                <option key={r} value={r}>
                  {t(ROLE_KEYS[r])}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Button type="submit" variant="primary" icon="plus" loading={invite.isPending} disabled={!email.trim()}>
          {t('teams:invite.submit')}
        </Button>
      </form>
      <p className="small muted">{t('teams:invite.rolesHint')}</p>
      {errors.rest && <Alert kind="error">{errors.rest}</Alert>}
      {created && (
        <div data-testid="invitation-link">
          <Alert kind="success" title={t('teams:invite.created', { email: created.email, role: t(ROLE_KEYS[created.role]) })}>
            <div className="stack" style={{ gap: 8 }}>
              <span>{created.emailed ? t('teams:invite.emailed') : t('teams:invite.notEmailed')}</span>
              <CopyField value={created.url} label={t('teams:invite.link')} />
              <strong>{t('teams:invite.shownOnce')}</strong>
            </div>
          </Alert>
        </div>
      )}
    </section>
  );
}
