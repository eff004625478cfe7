import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { fieldErrors, isApiError } from '../../api/api-error';
import { authApi } from '../../api/auth';
import { useSession } from '../../session/use-session';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Alert } from '../../ui/states';
import { AuthCard } from './auth-card';
import { useSsoInfo } from './sso-sign-in';
import { useAuthRedirect } from './use-auth-redirect';

export function SignupPage() {
  const session = useSession();
  const redirect = useAuthRedirect();
  const sso = useSsoInfo();
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState(redirect.initialEmail);
  const [password, setPassword] = useState('');
  const signup = useMutation({ mutationFn: () => authApi.signup({ name, email, password }), onSuccess: redirect.done });
  const errors = fieldErrors(signup.error, ['name', 'email', 'password']);
  const taken = isApiError(signup.error) && signup.error.code === 'EMAIL_TAKEN';
  // A field's message stays until the user changes what it is about.
  const edit = (set: (v: string) => void) => (e: { target: { value: string } }) => {
    set(e.target.value);
    if (signup.error) signup.reset();
  };

  if (session.data) return <Navigate to={redirect.target} replace />;
  if (sso.data?.passwordLogin === false)
    return (
      <AuthCard title={t('pages:auth.signup.title')} subtitle={t('pages:auth.sso.onlySso')} footer={null}>
        <Alert kind="info">
          <Trans i18nKey="pages:auth.sso.noSignup" components={{ a: <Link to={redirect.linkTo('/login')} /> }} />
        </Alert>
      </AuthCard>
    );
  return (
    <AuthCard
      title={t('pages:auth.signup.title')}
      subtitle={t('pages:auth.signup.subtitle')}
      footer={<Trans i18nKey="pages:auth.signup.haveAccount" components={{ a: <Link to={redirect.linkTo('/login', email)} /> }} />}
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          signup.mutate();
        }}
      >
        {errors.rest && <Alert kind="error">{errors.rest}</Alert>}
        <Field label={t('pages:auth.name')} htmlFor="name" error={errors.byField.name}>
          <input
            id="name"
            className={errors.byField.name ? 'input invalid' : 'input'}
            autoComplete="name"
            required
            autoFocus
            value={name}
            onChange={edit(setName)}
          />
        </Field>
        <Field
          label={t('pages:auth.email')}
          htmlFor="email"
          error={
            taken ? (
              <Trans i18nKey="pages:auth.signup.emailTaken" components={{ a: <Link to={redirect.linkTo('/login', email)} /> }} />
            ) : (
              errors.byField.email
            )
          }
        >
          <input
            id="email"
            className={errors.byField.email ? 'input invalid' : 'input'}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={edit(setEmail)}
          />
        </Field>
        <Field
          label={t('pages:auth.password')}
          htmlFor="password"
          hint={t('pages:auth.signup.passwordHint')}
          error={errors.byField.password}
        >
          <input
            id="password"
            className={errors.byField.password ? 'input invalid' : 'input'}
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            value={password}
            onChange={edit(setPassword)}
          />
        </Field>
        <Button type="submit" variant="primary" loading={signup.isPending}>
          {t('pages:auth.signup.submit')}
        </Button>
      </form>
    </AuthCard>
  );
}
