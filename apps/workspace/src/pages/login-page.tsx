import { useEffect, useState } from 'react';
import { ApiError, HttpClient } from '@baton/client';
import { Brand } from '../components/brand';
import { SubmitButton } from '../components/kit/buttons';
import { InputField } from '../components/kit/fields';
import { useSubmit } from '../components/kit/use-busy';
import { API_BASE, type Session } from '../session';
import { unlockAudio } from '../sound';

/** Signing in: a wrong email or password is said once, for both fields (which one is not told). */
export function LoginPage({ onSignedIn }: { onSignedIn(s: Session): void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.title = 'Sign in · Baton';
  }, []);

  const submit = useSubmit(async () => {
    unlockAudio();
    setError(null);
    try {
      const r = await new HttpClient({ baseUrl: API_BASE }).login(email.trim(), password);
      onSignedIn({ token: r.token, agent: r.agent });
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? 'That email and password do not match an agent.' : err instanceof Error ? err.message : String(err));
    }
  });
  const invalid = error ? { 'aria-invalid': true as const, 'aria-describedby': 'login-error' } : {};

  return (
    <main id="main" className="login-page">
      <div className="login-card">
        <Brand large />
        <h1>Sign in to the workspace</h1>
        <p className="muted">Pick up conversations the assistant handed over, with the full brief.</p>
        <form onSubmit={submit.onSubmit} noValidate>
          <InputField id="login-email" label="Email" type="email" autoComplete="username" required value={email} onChange={setEmail} {...invalid} />
          <InputField id="login-password" label="Password" type="password" autoComplete="current-password" required value={password} onChange={setPassword} {...invalid} />
          {error ? (
            <p id="login-error" className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          <SubmitButton busy={submit.busy} busyText="Signing in…" className="btn btn-primary btn-block" disabled={!email || !password}>
            Sign in
          </SubmitButton>
        </form>
      </div>
    </main>
  );
}
