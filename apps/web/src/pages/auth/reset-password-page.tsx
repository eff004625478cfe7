import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { fieldErrors } from '../../api/api-error';
import { authApi } from '../../api/auth';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Alert } from '../../ui/states';
import { AuthCard } from './auth-card';

/** `/reset-password/:token`: the link an owner or admin made; a new password signs in here and out everywhere else. */
export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({
    mutationFn: () => authApi.resetPassword({ token, newPassword: password }),
    onSuccess: async () => {
      // Whoever was signed in on this browser before is not the one now.
      queryClient.removeQueries();
      await queryClient.fetchQuery({ queryKey: queryKeys.me, queryFn: authApi.me });
      navigate('/', { replace: true });
    },
  });
  const errors = fieldErrors(reset.error, ['newPassword']);

  return (
    <AuthCard
      title={t('pages:auth.reset.title')}
      subtitle={t('pages:auth.reset.subtitle')}
      footer={<Trans i18nKey="pages:auth.reset.backToLogin" components={{ a: <Link to="/login" /> }} />}
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (password !== repeat) return setMismatch(true);
          reset.mutate();
        }}
      >
        {errors.rest && <Alert kind="error">{errors.rest}</Alert>}
        <Field
          label={t('pages:auth.reset.newPassword')}
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
            autoFocus
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              setMismatch(false);
              if (reset.error) reset.reset();
            }}
          />
        </Field>
        <Field label={t('pages:auth.reset.repeat')} htmlFor="repeat-password" error={mismatch ? t('pages:auth.reset.mismatch') : undefined}>
          <input
            id="repeat-password"
            className="input"
            type="password"
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(e) => {
              setRepeat(e.target.value);
              setMismatch(false);
            }}
          />
        </Field>
        <Button type="submit" variant="primary" loading={reset.isPending}>
          {t('pages:auth.reset.submit')}
        </Button>
      </form>
    </AuthCard>
  );
}
