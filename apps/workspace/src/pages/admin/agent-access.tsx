import type { FormEvent } from 'react';
import { useState } from 'react';
import { ApiError, errorText } from '@baton/client';
import type { TAgent as Agent, TAgentRole as Role } from '@baton/contracts';
import { useWorkspace } from '../../workspace';

/**
 * The admin's account actions on agents: a new role, disable or enable, a new password. Each
 * ends every session of the agent on the server, so they sign in again with what they now may
 * do; a disabled agent's conversations go back to the queue.
 */
export function AgentAccessSettings() {
  const { api, agents, me, refreshDirectory } = useWorkspace();
  const [resetting, setResetting] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ agentId: string; field?: string; text: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const act = async (agent: Agent, what: string, call: () => Promise<unknown>) => {
    setError(null);
    setDone(null);
    try {
      await call();
      setDone(`${agent.name}: ${what}. Their sessions have ended.`);
      await refreshDirectory();
      return true;
    } catch (err) {
      setError({ agentId: agent.id, ...(err instanceof ApiError && err.field ? { field: err.field } : {}), text: errorText(err) });
      return false;
    }
  };
  const setRole = (a: Agent, role: Role) => act(a, `now ${role}`, () => api.patch(`/agents/${a.id}`, { role }));
  const setDisabled = (a: Agent, disabled: boolean) => act(a, disabled ? 'disabled' : 'enabled', () => api.patch(`/agents/${a.id}`, { disabled }));
  const submitPassword = async (e: FormEvent, a: Agent) => {
    e.preventDefault();
    if (await act(a, 'new password set', () => api.post(`/agents/${a.id}/password`, { password }))) {
      setResetting(null);
      setPassword('');
    }
  };

  /** The last error on this agent's row: beside the password field when it names it, else under the name. */
  const errorOf = (a: Agent, passwordField: boolean) =>
    error?.agentId === a.id && (error.field === 'password') === passwordField ? (
      <p className="field-error" role="alert">
        {error.text}
      </p>
    ) : null;

  return (
    <section className="panel" aria-labelledby="agent-access-h" data-testid="agent-access">
      <h2 id="agent-access-h" className="panel-title">
        Agent accounts
      </h2>
      {done ? (
        <p className="notice notice-ok" role="status">
          {done}
        </p>
      ) : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Role</th>
            <th scope="col">Account</th>
            <th scope="col">Password</th>
          </tr>
        </thead>
        <tbody>
          {agents.map((a) => (
            <tr key={a.id} data-agent={a.email}>
              <th scope="row">
                {a.name}
                <span className="muted small block">{a.email}</span>
                {errorOf(a, false)}
              </th>
              <td>
                <select aria-label={`Role of ${a.name}`} value={a.role} disabled={a.id === me.id} onChange={(e) => void setRole(a, e.target.value as Role)}>
                  <option value="agent">Agent</option>
                  <option value="supervisor">Supervisor</option>
                  <option value="admin">Admin</option>
                </select>
              </td>
              <td>
                {a.disabledAt ? <span className="muted small block">Disabled</span> : null}
                <button type="button" className="btn btn-small" disabled={a.id === me.id} onClick={() => void setDisabled(a, !a.disabledAt)}>
                  {a.disabledAt ? `Enable ${a.name}` : `Disable ${a.name}`}
                </button>
              </td>
              <td>
                {resetting === a.id ? (
                  <form onSubmit={(e) => void submitPassword(e, a)} noValidate>
                    <label htmlFor={`reset-${a.id}`}>New password for {a.name}</label>
                    <input id={`reset-${a.id}`} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" aria-describedby={`reset-${a.id}-hint`} />
                    <p id={`reset-${a.id}-hint`} className="hint">
                      At least 12 characters, not a common password, not their name or email.
                    </p>
                    {errorOf(a, true)}
                    <button type="submit" className="btn btn-small">
                      Set password
                    </button>
                  </form>
                ) : (
                  <button type="button" className="btn btn-small" onClick={() => (setResetting(a.id), setPassword(''), setError(null))}>
                    Reset password…
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
