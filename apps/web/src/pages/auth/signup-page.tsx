import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { fieldErrors, isApiError } from '../../api/api-error';
import { authApi } from '../../api/auth';
import { useSession } from '../../session/use-session';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Alert } from '../../ui/states';
import { AuthCard } from './auth-card';
import { useAuthRedirect } from './use-auth-redirect';

export function SignupPage() {
  const session = useSession();
  const redirect = useAuthRedirect();
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
  return (
    <AuthCard
      title="Create your account"
      subtitle="Build LLM bots on a canvas. They run on your own provider keys."
      footer={
        <>
          Already have an account? <Link to={redirect.linkTo('/login', email)}>Log in</Link>
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
        {errors.rest && <Alert kind="error">{errors.rest}</Alert>}
        <Field label="Name" htmlFor="name" error={errors.byField.name}>
          <input id="name" className={errors.byField.name ? 'input invalid' : 'input'} autoComplete="name" required autoFocus value={name} onChange={edit(setName)} />
        </Field>
        <Field
          label="Email"
          htmlFor="email"
          error={
            taken ? (
              <>
                An account with this email already exists. <Link to={redirect.linkTo('/login', email)}>Log in instead</Link>
              </>
            ) : (
              errors.byField.email
            )
          }
        >
          <input id="email" className={errors.byField.email ? 'input invalid' : 'input'} type="email" autoComplete="email" required value={email} onChange={edit(setEmail)} />
        </Field>
        <Field label="Password" htmlFor="password" hint="At least 8 characters." error={errors.byField.password}>
          <input id="password" className={errors.byField.password ? 'input invalid' : 'input'} type="password" autoComplete="new-password" required minLength={8} value={password} onChange={edit(setPassword)} />
        </Field>
        <Button type="submit" variant="primary" loading={signup.isPending}>
          Create account
        </Button>
      </form>
    </AuthCard>
  );
}
