import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
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
  const [email, setEmail] = useState(redirect.initialEmail);
  const [password, setPassword] = useState('');
  const login = useMutation({ mutationFn: () => authApi.login({ email, password }), onSuccess: redirect.done });

  if (session.data) return <Navigate to={redirect.target} replace />;
  return (
    <AuthCard
      title="Welcome back"
      subtitle="Log in to build and run your bots."
      footer={
        <>
          New here? <Link to={redirect.linkTo('/signup', email)}>Create an account</Link>
        </>
      }
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          login.mutate();
        }}
      >
        <ErrorAlert error={login.error} />
        <Field label="Email" htmlFor="email">
          <input id="email" className="input" type="email" autoComplete="email" required autoFocus={!email} value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label="Password" htmlFor="password">
          <input id="password" className="input" type="password" autoComplete="current-password" required autoFocus={Boolean(email)} value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <Button type="submit" variant="primary" loading={login.isPending}>
          Log in
        </Button>
      </form>
    </AuthCard>
  );
}
