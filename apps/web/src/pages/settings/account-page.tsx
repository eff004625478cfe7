import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/api-error';
import { authApi } from '../../api/auth';
import { queryKeys } from '../../api/query-keys';
import { useSession } from '../../session/use-session';
import { Button } from '../../ui/button';
import { ConfirmButton } from '../../ui/confirm-button';
import { Field } from '../../ui/field';
import { PageHeader } from '../../ui/page-header';
import { Alert, ErrorAlert, ErrorState, LoadingState } from '../../ui/states';
import { useSsoInfo } from '../auth/sso-sign-in';

function ChangePassword() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => authApi.changePassword({ currentPassword: current, newPassword: next }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setRepeat('');
    },
  });
  const errors = fieldErrors(change.error, ['currentPassword', 'newPassword']);
  const edit = (set: (v: string) => void) => (e: { target: { value: string } }) => {
    set(e.target.value);
    setMismatch(false);
    if (change.error || change.isSuccess) change.reset();
  };
  return (
    <section className="card card-body stack" aria-labelledby="password-title">
      <div>
        <h2 id="password-title">{t('settings:account.password.title')}</h2>
        <p className="muted">{t('settings:account.password.subtitle')}</p>
      </div>
      <form
        className="stack"
        style={{ maxWidth: 420 }}
        onSubmit={(e) => {
          e.preventDefault();
          if (next !== repeat) return setMismatch(true);
          change.mutate();
        }}
      >
        {errors.rest && <Alert kind="error">{errors.rest}</Alert>}
        {change.isSuccess && <Alert kind="success">{t('settings:account.password.changed')}</Alert>}
        <Field label={t('settings:account.password.current')} htmlFor="current-password" error={errors.byField.currentPassword}>
          <input
            id="current-password"
            className="input"
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={edit(setCurrent)}
          />
        </Field>
        <Field
          label={t('settings:account.password.new')}
          htmlFor="new-password"
          hint={t('pages:auth.signup.passwordHint')}
          error={errors.byField.newPassword}
        >
          <input
            id="new-password"
            className="input"
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            value={next}
            onChange={edit(setNext)}
          />
        </Field>
        <Field
          label={t('settings:account.password.repeat')}
          htmlFor="repeat-password"
          error={mismatch ? t('pages:auth.reset.mismatch') : undefined}
        >
          <input
            id="repeat-password"
            className="input"
            type="password"
            autoComplete="new-password"
            required
            value={repeat}
            onChange={edit(setRepeat)}
          />
        </Field>
        <div>
          <Button type="submit" variant="primary" icon="key" loading={change.isPending}>
            {t('settings:account.password.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function SignOutEverywhere() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const out = useMutation({
    mutationFn: authApi.logoutAll,
    onSuccess: () => {
      // As at log-out: forget the user (RequireAuth sends the page to /login), then their data.
      queryClient.setQueryData(queryKeys.me, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
    },
  });
  return (
    <section className="card card-body stack" aria-labelledby="sessions-title">
      <div>
        <h2 id="sessions-title">{t('settings:account.sessions.title')}</h2>
        <p className="muted">{t('settings:account.sessions.subtitle')}</p>
      </div>
      <ErrorAlert error={out.error} />
      <div>
        <ConfirmButton
          variant="danger"
          icon="logout"
          confirmLabel={t('settings:account.sessions.confirm')}
          loading={out.isPending}
          onConfirm={() => out.mutate()}
        >
          {t('settings:account.sessions.submit')}
        </ConfirmButton>
      </div>
    </section>
  );
}

/** A single sign-on account has no password: say how it signs in instead of offering a form that cannot work. */
function SingleSignOnOnly({ issuers }: { issuers: string[] }) {
  const { t } = useTranslation();
  return (
    <section className="card card-body stack" aria-labelledby="password-title">
      <h2 id="password-title">{t('settings:account.password.title')}</h2>
      <p className="muted">{t('settings:account.password.ssoOnly', { provider: issuers.join(', ') })}</p>
    </section>
  );
}

const hostOf = (issuer: string) => {
  try {
    return new URL(issuer).host;
  } catch {
    return issuer;
  }
};

/** Settings → Account: the signed-in user's password and sessions. */
export function AccountPage() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const sso = useSsoInfo();
  const account = useQuery({ queryKey: queryKeys.account, queryFn: authApi.account });
  return (
    <div className="page">
      <PageHeader title={t('settings:account.title')} subtitle={user ? t('settings:account.subtitle', { email: user.email }) : undefined} />
      <div className="stack-lg">
        {account.isPending ? (
          <LoadingState />
        ) : account.isError ? (
          <ErrorState error={account.error} onRetry={() => account.refetch()} />
        ) : !account.data.hasPassword ? (
          <SingleSignOnOnly issuers={account.data.identities.map((i) => hostOf(i.issuer))} />
        ) : (
          // Without password sign-in a password is of no use.
          sso.data?.passwordLogin !== false && <ChangePassword />
        )}
        <SignOutEverywhere />
      </div>
    </div>
  );
}
