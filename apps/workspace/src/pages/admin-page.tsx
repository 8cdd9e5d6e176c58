import type { FormEvent } from 'react';
import { useCallback, useEffect, useState } from 'react';
import type { TPolicyInput } from '@baton/contracts';
import { ApiError, errorText } from '../api';
import { DeadLettersPanel } from '../components/dead-letters-panel';
import { PolicyPreviewPanel } from '../components/policy-preview';
import { formatTime, humanize } from '../hooks';
import type { PolicyPreview } from '../metrics-types';
import type { Agent, Role } from '../types';
import { useWorkspace } from '../workspace';
import { KnowledgeBaseSettings } from './admin-kb';
import { NotificationSettings } from './admin-notifications';
import { TeamEditor, focusTeamEditor, hoursSummary } from './admin-teams';

interface TopicDef {
  id: string;
  label: string;
  enabled: boolean;
  [k: string]: unknown;
}

/** The resolved policy, as far as this page edits it. */
interface ResolvedPolicy {
  customerRequest: { enabled: boolean; offerChoiceForSimple: boolean };
  keywords: { enabled: boolean; words: string[] };
  topics: { enabled: boolean; definitions: TopicDef[] };
  confidence: { threshold: number };
  amount: { enabled: boolean; threshold: number };
}

interface PolicyResponse {
  version: number;
  policy: ResolvedPolicy;
  input: TPolicyInput;
}

interface PolicyVersion {
  version: number;
  createdBy: string;
  createdAt: string;
}

export function AdminPage() {
  const [teamId, setTeamId] = useState<string | null>(null);
  return (
    <div className="page admin">
      <div className="page-head">
        <h1>Settings</h1>
        <nav aria-label="Settings sections">
          <ul className="section-nav">
            <li>
              <a href="#policy">Escalation policy</a>
            </li>
            <li>
              <a href="#teams">Teams</a>
            </li>
            <li>
              <a href="#notifications">Notifications</a>
            </li>
            <li>
              <a href="#kb">Knowledge base</a>
            </li>
          </ul>
        </nav>
      </div>
      <PolicySettings />
      <div className="two-col" id="teams">
        <TeamsSettings
          onEdit={(id) => {
            setTeamId(id);
            requestAnimationFrame(focusTeamEditor);
          }}
        />
        <AgentsSettings />
      </div>
      <div className="admin-gap" />
      <TeamEditor selected={teamId} onSelect={setTeamId} />
      <NotificationSettings />
      <DeadLettersPanel />
      <KnowledgeBaseSettings />
    </div>
  );
}

/** Which form control an error's `field` path belongs to. */
function fieldKey(field: string | undefined): string {
  if (!field) return 'form';
  if (field.startsWith('confidence.threshold')) return 'threshold';
  if (field.startsWith('keywords')) return 'keywords';
  if (field.startsWith('topics')) return 'topics';
  if (field.startsWith('customerRequest')) return 'offerChoice';
  if (field.startsWith('amount')) return 'amount';
  if (field === 'version') return 'version';
  return 'form';
}

function PolicySettings() {
  const { api, subscribe } = useWorkspace();
  const [loaded, setLoaded] = useState<PolicyResponse | null>(null);
  const [versions, setVersions] = useState<PolicyVersion[]>([]);
  const [threshold, setThreshold] = useState('');
  const [keywords, setKeywords] = useState('');
  const [topicsEnabled, setTopicsEnabled] = useState(true);
  const [topicStates, setTopicStates] = useState<Record<string, boolean>>({});
  const [offerChoice, setOfferChoice] = useState(false);
  const [amountEnabled, setAmountEnabled] = useState(true);
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<{ key: string; text: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const [previewed, setPreviewed] = useState<{ result: PolicyPreview; input: string; at: string } | null>(null);

  const load = useCallback(async () => {
    const r = await api.get<PolicyResponse>('/policy');
    setLoaded(r);
    setThreshold(String(r.policy.confidence.threshold));
    setKeywords(r.policy.keywords.words.join('\n'));
    setTopicsEnabled(r.policy.topics.enabled);
    setTopicStates(Object.fromEntries(r.policy.topics.definitions.map((d) => [d.id, d.enabled])));
    setOfferChoice(r.policy.customerRequest.offerChoiceForSimple);
    setAmountEnabled(r.policy.amount.enabled);
    setAmount(String(r.policy.amount.threshold));
    try {
      setVersions((await api.get<{ versions: PolicyVersion[] }>('/policy/versions')).versions);
    } catch {
      setVersions([]);
    }
  }, [api]);

  useEffect(() => {
    load().catch((err: unknown) => setError({ key: 'form', text: errorText(err) }));
    return subscribe((e) => {
      if (e.type === 'policy.updated') void api.get<{ versions: PolicyVersion[] }>('/policy/versions').then((r) => setVersions(r.versions), () => {});
    });
  }, [load, subscribe, api]);

  if (!loaded) return <section className="panel" aria-label="Escalation policy"><p className="muted">Loading the policy…</p></section>;

  /** The policy input as the form stands: the loaded input with the edited fields laid over it. */
  const buildInput = (): Record<string, unknown> => {
    const input: Record<string, unknown> = structuredClone(loaded.input) as Record<string, unknown>;
    const section = (k: string) => ({ ...((input[k] as Record<string, unknown> | undefined) ?? {}) });
    input.confidence = { ...section('confidence'), threshold: threshold.trim() === '' ? Number.NaN : Number(threshold) };
    input.keywords = {
      ...section('keywords'),
      words: keywords
        .split(/[\n,]/)
        .map((w) => w.trim())
        .filter(Boolean),
    };
    input.customerRequest = { ...section('customerRequest'), offerChoiceForSimple: offerChoice };
    input.amount = { ...section('amount'), enabled: amountEnabled, threshold: amount.trim() === '' ? Number.NaN : Number(amount) };
    const topicsChanged = loaded.policy.topics.definitions.some((d) => topicStates[d.id] !== d.enabled);
    input.topics = { ...section('topics'), enabled: topicsEnabled, ...(topicsChanged ? { definitions: loaded.policy.topics.definitions.map((d) => ({ ...d, enabled: topicStates[d.id] ?? d.enabled })) } : {}) };
    return input;
  };

  const preview = async () => {
    setPreviewing(true);
    setError(null);
    setSaved(null);
    const input = buildInput();
    try {
      const r = await api.post<PolicyPreview>('/policy/preview', { policy: input });
      setPreviewed({ result: r, input: JSON.stringify(input), at: new Date().toISOString() });
    } catch (err) {
      setPreviewed(null);
      setError({ key: err instanceof ApiError ? fieldKey(err.field) : 'form', text: errorText(err) });
    } finally {
      setPreviewing(false);
    }
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    const input = buildInput();
    try {
      const r = await api.put<{ version: number }>('/policy', { version: loaded.version, policy: input });
      await load();
      setPreviewed(null);
      setSaved(`Saved as version ${r.version}.`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'POLICY_ERR_VERSION_CONFLICT') setError({ key: 'version', text: 'Someone else changed the policy since you opened it. Reload to see their version, then make your change again.' });
      else setError({ key: err instanceof ApiError ? fieldKey(err.field) : 'form', text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  const errFor = (key: string) =>
    error?.key === key ? (
      <p id={`err-${key}`} className="field-error" role="alert" data-testid={`error-${key}`}>
        {error.text}
      </p>
    ) : null;
  const invalid = (key: string) => (error?.key === key ? { 'aria-invalid': true as const, 'aria-describedby': `err-${key}` } : {});

  return (
    <section className="panel" id="policy" aria-labelledby="policy-h">
      <div className="panel-head">
        <h2 id="policy-h" className="panel-title">
          Escalation policy
        </h2>
        <span className="chip" data-testid="policy-version">
          Version {loaded.version}
        </span>
      </div>
      <form className="policy-form" onSubmit={(e) => void save(e)} noValidate>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="policy-threshold">Confidence threshold</label>
            <input id="policy-threshold" type="number" inputMode="decimal" step="0.01" value={threshold} onChange={(e) => setThreshold(e.target.value)} {...invalid('threshold')} />
            <p className="hint">Between 0 and 1. Below this, the assistant does not answer on its own.</p>
            {errFor('threshold')}
          </div>
          <div className="field">
            <label htmlFor="policy-amount">Amount threshold</label>
            <input id="policy-amount" type="number" inputMode="decimal" min="0" step="1" value={amount} onChange={(e) => setAmount(e.target.value)} {...invalid('amount')} />
            <label className="check">
              <input type="checkbox" checked={amountEnabled} onChange={(e) => setAmountEnabled(e.target.checked)} /> Escalate when a customer mentions an amount above this
            </label>
            {errFor('amount')}
          </div>
          <div className="field">
            <span className="label">Simple requests</span>
            <label className="check">
              <input type="checkbox" checked={offerChoice} onChange={(e) => setOfferChoice(e.target.checked)} {...invalid('offerChoice')} /> When a customer asks for a person about something simple, offer the answer first
            </label>
            {errFor('offerChoice')}
          </div>
          <div className="field field-wide">
            <label htmlFor="policy-keywords">Escalation keywords</label>
            <textarea id="policy-keywords" rows={5} value={keywords} onChange={(e) => setKeywords(e.target.value)} {...invalid('keywords')} />
            <p className="hint">One word or phrase per line.</p>
            {errFor('keywords')}
          </div>
          <fieldset className="field field-wide">
            <legend>Sensitive topics</legend>
            <label className="check">
              <input type="checkbox" checked={topicsEnabled} onChange={(e) => setTopicsEnabled(e.target.checked)} /> Escalate on sensitive topics
            </label>
            <div className="topic-grid">
              {loaded.policy.topics.definitions.map((d) => (
                <label key={d.id} className="check">
                  <input type="checkbox" disabled={!topicsEnabled} checked={topicStates[d.id] ?? d.enabled} onChange={(e) => setTopicStates((s) => ({ ...s, [d.id]: e.target.checked }))} /> {d.label}
                </label>
              ))}
            </div>
            {errFor('topics')}
          </fieldset>
        </div>
        {errFor('form')}
        {error?.key === 'version' ? (
          <div className="notice notice-error" role="alert" data-testid="error-version">
            {error.text}{' '}
            <button type="button" className="btn btn-small" onClick={() => void load().then(() => setError(null))}>
              Reload
            </button>
          </div>
        ) : null}
        {saved ? (
          <p className="notice notice-ok" role="status">
            {saved}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save policy'}
          </button>
          <button type="button" className="btn" disabled={busy || previewing} onClick={() => void preview()} aria-describedby="preview-hint">
            {previewing ? 'Replaying conversations…' : 'Preview this change'}
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => void load().then(() => (setError(null), setSaved(null), setPreviewed(null)))}>
            Discard changes
          </button>
          <p id="preview-hint" className="hint form-actions-hint">
            Preview replays the last 30 days of conversations through the current and the edited policy. Nothing is saved.
          </p>
        </div>
      </form>
      {previewed ? <PolicyPreviewPanel preview={previewed.result} at={previewed.at} stale={previewed.input !== JSON.stringify(buildInput())} /> : null}
      <h3 className="subhead">Version history</h3>
      {versions.length ? (
        <table className="table" data-testid="policy-versions">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Changed by</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {versions
              .slice()
              .sort((a, b) => b.version - a.version)
              .map((v) => (
                <tr key={v.version}>
                  <td>v{v.version}</td>
                  <td>{v.createdBy}</td>
                  <td>{formatTime(v.createdAt)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : (
        <p className="muted small">No changes yet: the policy comes from the configuration file or the defaults.</p>
      )}
    </section>
  );
}

function TeamsSettings({ onEdit }: { onEdit(id: string): void }) {
  const { api, teams, refreshDirectory } = useWorkspace();
  const [name, setName] = useState('');
  const [categories, setCategories] = useState('');
  const [languages, setLanguages] = useState('en');
  const [error, setError] = useState<{ field?: string; text: string } | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const list = (s: string) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setOk(null);
    try {
      await api.post('/teams', { name, skills: [...list(categories).map((value) => ({ kind: 'category', value, proficiency: 4 })), ...list(languages).map((value) => ({ kind: 'language', value, proficiency: 5 }))] });
      setOk(`Team ${name} created.`);
      setName('');
      setCategories('');
      await refreshDirectory();
    } catch (err) {
      setError({ ...(err instanceof ApiError && err.field ? { field: err.field } : {}), text: errorText(err) });
    }
  };
  return (
    <section className="panel" aria-labelledby="teams-h">
      <h2 id="teams-h" className="panel-title">
        Teams
      </h2>
      <table className="table" data-testid="teams">
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Skills</th>
            <th scope="col">Hours</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {teams.map((t) => (
            <tr key={t.id}>
              <th scope="row">
                {t.name}
                {t.isDefault ? <span className="chip chip-small">default</span> : null}
              </th>
              <td className="small">{t.skills.map((s) => `${s.value}`).join(', ') || '—'}</td>
              <td className="small" data-testid="team-hours">
                {hoursSummary(t.hours)}
              </td>
              <td className="cell-actions">
                <button type="button" className="btn btn-small" onClick={() => onEdit(t.id)} aria-label={`Edit ${t.name}`}>
                  Edit
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={(e) => void submit(e)} aria-labelledby="new-team-h" noValidate>
        <h3 id="new-team-h" className="subhead">
          New team
        </h3>
        <div className="field">
          <label htmlFor="team-name">Name</label>
          <input id="team-name" value={name} onChange={(e) => setName(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="team-categories">Categories</label>
          <input id="team-categories" value={categories} onChange={(e) => setCategories(e.target.value)} placeholder="billing, refunds" />
        </div>
        <div className="field">
          <label htmlFor="team-languages">Languages</label>
          <input id="team-languages" value={languages} onChange={(e) => setLanguages(e.target.value)} placeholder="en, fr" />
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {error.field ? `${humanize(error.field)}: ` : ''}
            {error.text}
          </p>
        ) : null}
        {ok ? (
          <p className="notice notice-ok" role="status">
            {ok}
          </p>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={!name.trim()}>
          Create team
        </button>
      </form>
    </section>
  );
}

function AgentsSettings() {
  const { api, agents, teams, refreshDirectory } = useWorkspace();
  const [form, setForm] = useState({ name: '', email: '', password: '', role: 'agent' as Role, capacity: '3' });
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [error, setError] = useState<{ field?: string; text: string } | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setOk(null);
    try {
      const r = await api.post<{ agent: Agent }>('/agents', { name: form.name, email: form.email, password: form.password, role: form.role, teams: teamIds, capacity: Number(form.capacity) });
      setOk(`${r.agent.name} can now sign in.`);
      setForm({ name: '', email: '', password: '', role: 'agent', capacity: '3' });
      setTeamIds([]);
      await refreshDirectory();
    } catch (err) {
      setError({ ...(err instanceof ApiError && err.field ? { field: err.field } : {}), text: errorText(err) });
    }
  };
  const teamName = (id: string) => teams.find((t) => t.id === id)?.name ?? id;
  const errFor = (f: string) =>
    error && error.field === f ? (
      <p className="field-error" role="alert">
        {error.text}
      </p>
    ) : null;
  return (
    <section className="panel" aria-labelledby="agents-admin-h">
      <h2 id="agents-admin-h" className="panel-title">
        Agents
      </h2>
      <table className="table" data-testid="agents-admin">
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Role</th>
            <th scope="col">Teams</th>
            <th scope="col">Capacity</th>
          </tr>
        </thead>
        <tbody>
          {agents.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                {a.name}
                <span className="muted small block">{a.email}</span>
              </th>
              <td>{a.role}</td>
              <td className="small">{a.teamIds.map(teamName).join(', ') || '—'}</td>
              <td>{a.capacity}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={(e) => void submit(e)} aria-labelledby="new-agent-h" noValidate>
        <h3 id="new-agent-h" className="subhead">
          New agent
        </h3>
        <div className="field">
          <label htmlFor="agent-name">Name</label>
          <input id="agent-name" value={form.name} onChange={set('name')} autoComplete="off" />
          {errFor('name')}
        </div>
        <div className="field">
          <label htmlFor="agent-email">Email</label>
          <input id="agent-email" type="email" value={form.email} onChange={set('email')} autoComplete="off" />
          {errFor('email')}
        </div>
        <div className="field">
          <label htmlFor="agent-password">Initial password</label>
          <input id="agent-password" type="password" value={form.password} onChange={set('password')} autoComplete="new-password" aria-describedby="agent-password-hint" />
          <p id="agent-password-hint" className="hint">
            At least 10 characters.
          </p>
          {errFor('password')}
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="agent-role">Role</label>
            <select id="agent-role" value={form.role} onChange={set('role')}>
              <option value="agent">Agent</option>
              <option value="supervisor">Supervisor</option>
              <option value="admin">Admin</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="agent-capacity">Capacity</label>
            <input id="agent-capacity" type="number" min="0" max="50" value={form.capacity} onChange={set('capacity')} />
            {errFor('capacity')}
          </div>
        </div>
        <fieldset className="field">
          <legend>Teams</legend>
          <div className="topic-grid">
            {teams.map((t) => (
              <label key={t.id} className="check">
                <input type="checkbox" checked={teamIds.includes(t.id)} onChange={(e) => setTeamIds((ids) => (e.target.checked ? [...ids, t.id] : ids.filter((x) => x !== t.id)))} /> {t.name}
              </label>
            ))}
          </div>
        </fieldset>
        {error && !['name', 'email', 'password', 'capacity'].includes(error.field ?? '') ? (
          <p className="field-error" role="alert">
            {error.text}
          </p>
        ) : null}
        {ok ? (
          <p className="notice notice-ok" role="status">
            {ok}
          </p>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={!form.name.trim() || !form.email.trim()}>
          Create agent
        </button>
      </form>
    </section>
  );
}
