import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import { ApiError, HttpClient } from '@baton/client';
import { API_BASE, type Session } from '../session';
import { unlockAudio } from '../sound';

export function LoginPage({ onSignedIn }: { onSignedIn(s: Session): void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = 'Sign in · Baton';
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    unlockAudio();
    setBusy(true);
    setError(null);
    try {
      const r = await new HttpClient({ baseUrl: API_BASE }).login(email.trim(), password);
      onSignedIn({ token: r.token, agent: r.agent });
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? 'That email and password do not match an agent.' : err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <main id="main" className="login-page">
      <div className="login-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            B
          </span>
          <span className="brand-name">Baton</span>
        </div>
        <h1>Sign in to the workspace</h1>
        <p className="muted">Pick up conversations the assistant handed over, with the full brief.</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <div className="field">
            <label htmlFor="login-email">Email</label>
            <input id="login-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'login-error' : undefined} />
          </div>
          <div className="field">
            <label htmlFor="login-password">Password</label>
            <input id="login-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'login-error' : undefined} />
          </div>
          {error ? (
            <p id="login-error" className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" className="btn btn-primary btn-block" disabled={busy || !email || !password}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
