import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, isApiError } from '../../api/api-error';
import { authApi } from '../../api/auth';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Alert } from '../../ui/states';

export type AuthMode = 'signup' | 'login';

/**
 * Sign up or sign in from an invitation: the email is the invited one and cannot be changed (the
 * invitation works for that address only). Signed in, the page offers Accept.
 */
export function InviteAuthForm({ email, mode, onMode }: { email: string; mode: AuthMode; onMode: (m: AuthMode) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const submit = useMutation({
    mutationFn: async () => {
      if (mode === 'signup') await authApi.signup({ name, email, password });
      else await authApi.login({ email, password });
      // Whatever a previous user left in the cache is not this person's. The session query stays
      // (the page observes it) and gets the new user.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'invitation' && q.queryKey[0] !== queryKeys.me[0] });
      queryClient.setQueryData(queryKeys.me, await authApi.me());
    },
  });
  const errors = fieldErrors(submit.error, ['name', 'password']);
  const taken = isApiError(submit.error) && submit.error.code === 'EMAIL_TAKEN';
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        submit.mutate();
      }}
    >
      {taken ? (
        <Alert kind="info">
          {t('teams:invitePage.haveAccount')}{' '}
          <button type="button" className="link-button" onClick={() => (submit.reset(), onMode('login'))}>
            {t('pages:auth.login.submit')}
          </button>
        </Alert>
      ) : (
        errors.rest && <Alert kind="error">{errors.rest}</Alert>
      )}
      {mode === 'signup' && (
        <Field label={t('pages:auth.name')} htmlFor="name" error={errors.byField.name}>
          <input
            id="name"
            className="input"
            autoComplete="name"
            required
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
      )}
      <Field label={t('pages:auth.email')} htmlFor="email" hint={t('teams:invitePage.emailFixed')}>
        <input id="email" className="input" type="email" autoComplete="email" readOnly aria-readonly="true" value={email} />
      </Field>
      <Field
        label={t('pages:auth.password')}
        htmlFor="password"
        hint={mode === 'signup' ? t('pages:auth.signup.passwordHint') : undefined}
        error={errors.byField.password}
      >
        <input
          id="password"
          className="input"
          type="password"
          autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
          required
          autoFocus={mode === 'login'}
          minLength={mode === 'signup' ? 8 : undefined}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      <Button type="submit" variant="primary" loading={submit.isPending}>
        {mode === 'signup' ? t('pages:auth.signup.submit') : t('pages:auth.login.submit')}
      </Button>
    </form>
  );
}
