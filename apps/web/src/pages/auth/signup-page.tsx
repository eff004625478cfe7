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

export function SignupPage() {
  const session = useSession();
  const redirect = useAuthRedirect();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signup = useMutation({ mutationFn: () => authApi.signup({ name, email, password }), onSuccess: redirect.done });

  if (session.data) return <Navigate to={redirect.target} replace />;
  return (
    <AuthCard
      title="Create your account"
      subtitle="Build LLM bots on a canvas. They run on your own provider keys."
      footer={
        <>
          Already have an account? <Link to="/login">Log in</Link>
        </>
      }
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          signup.mutate();
        }}
      >
        <ErrorAlert error={signup.error} />
        <Field label="Name" htmlFor="name">
          <input id="name" className="input" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Email" htmlFor="email">
          <input id="email" className="input" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label="Password" htmlFor="password" hint="At least 8 characters.">
          <input id="password" className="input" type="password" autoComplete="new-password" required minLength={8} value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <Button type="submit" variant="primary" loading={signup.isPending}>
          Create account
        </Button>
      </form>
    </AuthCard>
  );
}
