import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { authApi } from '../../api/auth';
import { useSession } from '../../session/use-session';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { ErrorAlert, LoadingState } from '../../ui/states';
import { AuthCard } from './auth-card';
import { SsoButton, SsoErrorAlert, useSsoInfo } from './sso-sign-in';
import { useAuthRedirect } from './use-auth-redirect';

export function LoginPage() {
  const session = useSession();
  const redirect = useAuthRedirect();
  const sso = useSsoInfo();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const [email, setEmail] = useState(redirect.initialEmail);
  const [password, setPassword] = useState('');
  const login = useMutation({ mutationFn: () => authApi.login({ email, password }), onSuccess: redirect.done });

  if (session.data) return <Navigate to={redirect.target} replace />;
  // Unknown (the API is older or unreachable): offer the password form as before.
  const passwordLogin = sso.data?.passwordLogin ?? true;
  return (
    <AuthCard
      title={t('pages:auth.login.title')}
      subtitle={t('pages:auth.login.subtitle')}
      footer={
        passwordLogin ? (
          <Trans i18nKey="pages:auth.login.newHere" components={{ a: <Link to={redirect.linkTo('/signup', email)} /> }} />
        ) : (
          t('pages:auth.sso.onlySso')
        )
      }
    >
      <SsoErrorAlert code={params.get('sso_error')} />
      {sso.isPending ? (
        <LoadingState />
      ) : (
        <>
          {sso.data?.enabled && <SsoButton providerName={sso.data.providerName} returnTo={redirect.target} />}
          {sso.data?.enabled && passwordLogin && (
            <div className="auth-divider" role="separator">
              <span>{t('pages:auth.sso.or')}</span>
            </div>
          )}
          {passwordLogin && (
            <form
              className="stack"
              onSubmit={(e) => {
                e.preventDefault();
                login.mutate();
              }}
            >
              <ErrorAlert error={login.error} />
              <Field label={t('pages:auth.email')} htmlFor="email">
                <input
                  id="email"
                  className="input"
                  type="email"
                  autoComplete="email"
                  required
                  autoFocus={!email}
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                />
              </Field>
              <Field label={t('pages:auth.password')} htmlFor="password">
                <input
                  id="password"
                  className="input"
                  type="password"
                  autoComplete="current-password"
                  required
                  autoFocus={Boolean(email)}
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </Field>
              <Button type="submit" variant="primary" loading={login.isPending}>
                {t('pages:auth.login.submit')}
              </Button>
            </form>
          )}
        </>
      )}
    </AuthCard>
  );
}
