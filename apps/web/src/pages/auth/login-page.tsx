import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { authApi } from '../../api/auth';
import { useSession } from '../../session/use-session';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { ErrorAlert } from '../../ui/states';
import { AuthCard } from './auth-card';
import { useAuthRedirect } from './use-auth-redirect';

export function LoginPage() {
  const session = useSession();
  const redirect = useAuthRedirect();
  const { t } = useTranslation();
  const [email, setEmail] = useState(redirect.initialEmail);
  const [password, setPassword] = useState('');
  const login = useMutation({ mutationFn: () => authApi.login({ email, password }), onSuccess: redirect.done });

  if (session.data) return <Navigate to={redirect.target} replace />;
  return (
    <AuthCard
      title={t('pages:auth.login.title')}
      subtitle={t('pages:auth.login.subtitle')}
      footer={<Trans i18nKey="pages:auth.login.newHere" components={{ a: <Link to={redirect.linkTo('/signup', email)} /> }} />}
    >
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
    </AuthCard>
  );
}
