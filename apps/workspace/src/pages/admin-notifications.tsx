import type { FormEvent } from 'react';
import { useCallback, useEffect, useState } from 'react';
import type { TDelivery, TDeliveryStatus, TEndpoint, TNotificationEvent, TNotificationKind, TPriority as Priority } from '@baton/contracts';
import { NOTIFICATION_EVENTS } from '@baton/contracts/event-names';
import { errorText } from '@baton/client';
import { ErrorAt, invalidProps, placeError } from '../components/field-errors';
import type { PlacedError } from '../components/field-errors';
import { formatTime } from '../hooks';
import { PRIORITIES } from '../queue-order';
import { useWorkspace } from '../workspace';

/** The outbound events: the contracts' catalogue, from its zod-free entry so the bundle does not pull in zod. */
const EVENTS = NOTIFICATION_EVENTS;

const KINDS: { value: TNotificationKind; label: string; target: string; placeholder: string; secret: string | null; secretShort?: string }[] = [
  { value: 'webhook', label: 'Webhook', target: 'An http:// or https:// URL. Requests are signed JSON (Baton-Signature).', placeholder: 'https://hooks.example.com/baton', secret: 'Signing secret (optional: leave blank to generate one)', secretShort: 'New signing secret' },
  { value: 'slack', label: 'Slack', target: 'A Slack incoming-webhook URL. The URL is the credential.', placeholder: 'https://hooks.slack.com/services/…', secret: null },
  { value: 'sms', label: 'SMS', target: "The provider's URL with To and From numbers as query parameters (encode + as %2B).", placeholder: 'https://sms.example.com/send?To=%2B447700900123&From=Baton', secret: 'Provider credentials (user:password, optional)', secretShort: 'New provider credentials' },
  { value: 'email', label: 'Email', target: 'mailto:ADDRESS (the server’s SMTP), or smtp(s)://host:port/?to=ADDRESS.', placeholder: 'mailto:oncall@example.com', secret: 'SMTP password (optional)', secretShort: 'New SMTP password' },
];
const kindInfo = (k: TNotificationKind) => KINDS.find((x) => x.value === k) ?? KINDS[0]!;

const STATUS_LABEL: Record<TDeliveryStatus, string> = { pending: 'Pending', delivered: 'Delivered', failed: 'Failed, will retry', dead: 'Dead' };

interface FormState {
  kind: TNotificationKind;
  name: string;
  target: string;
  secret: string;
  events: TNotificationEvent[];
  /** '' = the kind's default (create only); 'any' = null. */
  minPriority: '' | 'any' | Priority;
  active: boolean;
}
const EMPTY: FormState = { kind: 'webhook', name: '', target: '', secret: '', events: [], minPriority: '', active: true };

/** Endpoints and the delivery log (admin). */
export function NotificationSettings() {
  const { api } = useWorkspace();
  const [endpoints, setEndpoints] = useState<TEndpoint[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<TEndpoint | 'new' | null>(null);
  const [revealed, setRevealed] = useState<{ name: string; secret: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [rowError, setRowError] = useState<{ id: string; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      setEndpoints((await api.get<{ endpoints: TEndpoint[] }>('/notifications/endpoints')).endpoints);
      setLoadError(null);
    } catch (err) {
      setLoadError(errorText(err));
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  const rotate = async (e: TEndpoint) => {
    setRowError(null);
    setNotice(null);
    try {
      const r = await api.patch<{ endpoint: TEndpoint }>(`/notifications/endpoints/${encodeURIComponent(e.id)}`, { rotateSecret: true });
      if (r.endpoint.secret) setRevealed({ name: r.endpoint.name, secret: r.endpoint.secret });
      await load();
    } catch (err) {
      setRowError({ id: e.id, text: errorText(err) });
    }
  };
  const remove = async (e: TEndpoint) => {
    setRowError(null);
    try {
      await api.del(`/notifications/endpoints/${encodeURIComponent(e.id)}`);
      setConfirmDelete(null);
      setNotice(`${e.name} deleted.`);
      if (editing !== 'new' && editing?.id === e.id) setEditing(null);
      await load();
    } catch (err) {
      setRowError({ id: e.id, text: errorText(err) });
    }
  };

  return (
    <>
      <section className="panel" id="notifications" aria-labelledby="endpoints-h">
        <div className="panel-head">
          <h2 id="endpoints-h" className="panel-title">
            Notification endpoints
          </h2>
          {editing === null ? (
            <button
              type="button"
              className="btn btn-primary btn-small"
              onClick={() => {
                setEditing('new');
                setNotice(null);
              }}
            >
              Add endpoint
            </button>
          ) : null}
        </div>
        <p className="hint section-note">Baton tells other systems when a handoff needs a person: signed webhooks, Slack, SMS for critical handoffs, and email.</p>
        {revealed ? <SecretOnce {...revealed} onDone={() => setRevealed(null)} /> : null}
        {notice ? (
          <p className="notice notice-ok" role="status">
            {notice}
          </p>
        ) : null}
        {loadError ? (
          <p className="notice notice-error" role="alert">
            {loadError}
          </p>
        ) : null}
        {endpoints === null ? (
          <p className="muted">Loading endpoints…</p>
        ) : endpoints.length === 0 ? (
          <p className="empty">No endpoints yet. Add one to be told about new handoffs outside the workspace.</p>
        ) : (
          <table className="table" data-testid="endpoints">
            <thead>
              <tr>
                <th scope="col">Endpoint</th>
                <th scope="col">Events</th>
                <th scope="col">Priority</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((e) => (
                <tr key={e.id} data-endpoint-id={e.id}>
                  <th scope="row">
                    {e.name} <span className="chip chip-small">{kindInfo(e.kind).label}</span>
                    <span className="muted small block target">{e.target}</span>
                    {e.hasSecret ? <span className="muted small block target">Secret set</span> : null}
                  </th>
                  <td className="small">
                    {e.events.length ? e.effectiveEvents.join(', ') : <span title={e.effectiveEvents.join(', ')}>Default ({e.effectiveEvents.length})</span>}
                  </td>
                  <td className="small">{e.minPriority ? `${e.minPriority} and above` : 'Any'}</td>
                  <td>
                    <span className={`status ${e.active ? 'status-resolved' : ''}`}>{e.active ? 'Active' : 'Paused'}</span>
                  </td>
                  <td className="cell-actions">
                    {confirmDelete === e.id ? (
                      <span className="confirm" role="group" aria-label={`Delete ${e.name}?`}>
                        <span className="small">Delete?</span>
                        <button type="button" className="btn btn-small btn-danger" onClick={() => void remove(e)}>
                          Delete {e.name}
                        </button>
                        <button type="button" className="btn btn-small" onClick={() => setConfirmDelete(null)}>
                          Cancel
                        </button>
                      </span>
                    ) : (
                      <span className="row-actions">
                        <button
                          type="button"
                          className="btn btn-small"
                          onClick={() => {
                            setEditing(e);
                            setNotice(null);
                          }}
                          aria-label={`Edit ${e.name}`}
                        >
                          Edit
                        </button>
                        {e.kind === 'webhook' ? (
                          <button type="button" className="btn btn-small" onClick={() => void rotate(e)} aria-label={`Rotate secret of ${e.name}`}>
                            Rotate secret
                          </button>
                        ) : null}
                        <button type="button" className="btn btn-small" onClick={() => setConfirmDelete(e.id)} aria-label={`Delete ${e.name}`}>
                          Delete
                        </button>
                      </span>
                    )}
                    {rowError?.id === e.id ? (
                      <p className="field-error" role="alert">
                        {rowError.text}
                      </p>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {editing !== null ? (
          <EndpointForm
            key={editing === 'new' ? 'new' : editing.id}
            endpoint={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={async (e, created) => {
              setEditing(null);
              if (e.secret) setRevealed({ name: e.name, secret: e.secret });
              setNotice(created ? `${e.name} added.` : `${e.name} saved.`);
              await load();
            }}
          />
        ) : null}
      </section>
      <DeliveryLog endpoints={endpoints ?? []} />
    </>
  );
}

/** A webhook secret, shown once after creation or rotation, with a copy button. */
function SecretOnce({ name, secret, onDone }: { name: string; secret: string; onDone(): void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Copied to the clipboard.');
    } catch {
      const input = document.getElementById('secret-once-value') as HTMLInputElement | null;
      input?.select();
      setCopied('Selected: press Ctrl+C (⌘C) to copy.');
    }
  };
  return (
    <div className="notice notice-warn secret-once" role="alert" data-testid="secret-once">
      <p>
        <strong>Copy the signing secret of {name} now.</strong> It is shown only this once: Baton keeps it to sign requests but never displays it again. If you lose it, rotate it.
      </p>
      <div className="secret-row">
        <label htmlFor="secret-once-value" className="visually-hidden">
          Signing secret of {name}
        </label>
        <input id="secret-once-value" className="secret-value" readOnly value={secret} onFocus={(e) => e.target.select()} spellCheck={false} data-testid="secret-value" />
        <button type="button" className="btn btn-small" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" className="btn btn-small" onClick={onDone}>
          I have stored it
        </button>
      </div>
      <p className="small" aria-live="polite">
        {copied}
      </p>
    </div>
  );
}

function EndpointForm({ endpoint, onCancel, onSaved }: { endpoint: TEndpoint | null; onCancel(): void; onSaved(e: TEndpoint, created: boolean): Promise<void> }) {
  const { api } = useWorkspace();
  const [f, setF] = useState<FormState>(() =>
    endpoint ? { kind: endpoint.kind, name: endpoint.name, target: endpoint.target, secret: '', events: endpoint.events, minPriority: endpoint.minPriority ?? 'any', active: endpoint.active } : EMPTY,
  );
  const [error, setError] = useState<PlacedError | null>(null);
  const [busy, setBusy] = useState(false);
  const S = 'endpoint';
  const keys = ['kind', 'name', 'target', 'secret', 'events', 'minPriority', 'active'];
  const info = kindInfo(f.kind);
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setF((x) => ({ ...x, [k]: v }));
  const inv = (k: string) => invalidProps(error, S, k);
  const errs = (k: string) => <ErrorAt error={error} scope={S} keys={[k]} />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const minPriority = f.minPriority === '' ? undefined : f.minPriority === 'any' ? null : f.minPriority;
    const secret = info.secret && f.secret !== '' ? f.secret : undefined;
    try {
      if (endpoint) {
        const r = await api.patch<{ endpoint: TEndpoint }>(`/notifications/endpoints/${encodeURIComponent(endpoint.id)}`, {
          name: f.name,
          target: f.target,
          events: f.events,
          minPriority: minPriority ?? null,
          active: f.active,
          ...(secret !== undefined ? { secret } : {}),
        });
        await onSaved(r.endpoint, false);
      } else {
        const r = await api.post<{ endpoint: TEndpoint }>('/notifications/endpoints', {
          kind: f.kind,
          name: f.name,
          target: f.target,
          ...(f.events.length ? { events: f.events } : {}),
          ...(minPriority !== undefined ? { minPriority } : {}),
          active: f.active,
          ...(secret !== undefined ? { secret } : {}),
        });
        await onSaved(r.endpoint, true);
      }
    } catch (err) {
      setError(placeError(err, keys));
    } finally {
      setBusy(false);
    }
  };

  const title = endpoint ? `Edit ${endpoint.name}` : 'New endpoint';
  return (
    <form className="inline-form endpoint-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="endpoint-form-h" data-testid="endpoint-form">
      <h3 id="endpoint-form-h" className="subhead">
        {title}
      </h3>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="endpoint-kind">Kind</label>
          <select id="endpoint-kind" value={f.kind} disabled={Boolean(endpoint)} onChange={(e) => set('kind', e.target.value as TNotificationKind)} {...inv('kind')}>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
          {endpoint ? <p className="hint">The kind cannot change; add another endpoint instead.</p> : null}
          {errs('kind')}
        </div>
        <div className="field">
          <label htmlFor="endpoint-name">Endpoint name</label>
          <input id="endpoint-name" value={f.name} onChange={(e) => set('name', e.target.value)} placeholder="On-call pager" autoComplete="off" {...inv('name')} />
          {errs('name')}
        </div>
        <div className="field">
          <label htmlFor="endpoint-priority">Minimum priority</label>
          <select id="endpoint-priority" value={f.minPriority} onChange={(e) => set('minPriority', e.target.value as FormState['minPriority'])} {...inv('minPriority')}>
            {endpoint ? null : <option value="">Default for the kind</option>}
            <option value="any">Any priority</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p.charAt(0).toUpperCase() + p.slice(1)} and above
              </option>
            ))}
          </select>
          {endpoint ? null : <p className="hint">Default: SMS critical only, email high and above, others any.</p>}
          {errs('minPriority')}
        </div>
        <div className="field field-wide">
          <label htmlFor="endpoint-target">Target</label>
          <input id="endpoint-target" value={f.target} onChange={(e) => set('target', e.target.value)} placeholder={info.placeholder} autoComplete="off" spellCheck={false} aria-describedby="endpoint-target-hint" {...inv('target')} />
          <p id="endpoint-target-hint" className="hint">
            {info.target}
          </p>
          {errs('target')}
        </div>
        {info.secret ? (
          <div className="field field-wide">
            <label htmlFor="endpoint-secret">{endpoint ? `${info.secretShort ?? 'New secret'} (leave blank to keep ${endpoint.hasSecret ? 'the current one' : 'none'})` : info.secret}</label>
            <input id="endpoint-secret" type="password" value={f.secret} onChange={(e) => set('secret', e.target.value)} autoComplete="new-password" {...inv('secret')} />
            {errs('secret')}
          </div>
        ) : null}
        <fieldset className="field field-wide">
          <legend>Events</legend>
          <p className="hint">None ticked: the default events for this kind.</p>
          <div className="topic-grid">
            {EVENTS.map((ev) => (
              <label key={ev} className="check">
                <input type="checkbox" checked={f.events.includes(ev)} onChange={(e) => set('events', e.target.checked ? [...f.events, ev] : f.events.filter((x) => x !== ev))} /> <code>{ev}</code>
              </label>
            ))}
          </div>
          {errs('events')}
        </fieldset>
        <div className="field field-wide">
          <label className="check">
            <input type="checkbox" checked={f.active} onChange={(e) => set('active', e.target.checked)} /> Active: send notifications to this endpoint
          </label>
          {errs('active')}
        </div>
      </div>
      <ErrorAt error={error} scope={S} keys={['form']} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !f.name.trim() || !f.target.trim()}>
          {busy ? 'Saving…' : endpoint ? 'Save endpoint' : 'Add endpoint'}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The delivery log: newest first, filtered by status and endpoint, with a retry for dead deliveries. */
function DeliveryLog({ endpoints }: { endpoints: TEndpoint[] }) {
  const { api } = useWorkspace();
  const [status, setStatus] = useState<'' | TDeliveryStatus>('');
  const [endpoint, setEndpoint] = useState('');
  const [rows, setRows] = useState<TDelivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [retryError, setRetryError] = useState<{ id: string; text: string } | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);

  const load = useCallback(async () => {
    const q = new URLSearchParams();
    if (status) q.set('status', status);
    if (endpoint) q.set('endpoint', endpoint);
    try {
      const r = await api.get<{ deliveries: TDelivery[] }>(`/notifications/deliveries${q.toString() ? `?${q.toString()}` : ''}`);
      setRows(r.deliveries);
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, [api, status, endpoint]);

  // Deliveries change in the background (attempts, retries): re-read every few seconds while open.
  useEffect(() => {
    void load();
    const t = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, 4000);
    return () => clearInterval(t);
  }, [load]);

  const retry = async (d: TDelivery) => {
    setRetrying(d.id);
    setRetryError(null);
    try {
      const r = await api.post<{ delivery: TDelivery }>(`/notifications/deliveries/${encodeURIComponent(d.id)}/retry`);
      setRows((rs) => rs?.map((x) => (x.id === d.id ? r.delivery : x)) ?? rs);
    } catch (err) {
      setRetryError({ id: d.id, text: errorText(err) });
    } finally {
      setRetrying(null);
    }
  };

  const nameOf = (id: string) => endpoints.find((e) => e.id === id)?.name ?? 'Deleted endpoint';

  return (
    <section className="panel" id="deliveries" aria-labelledby="deliveries-h">
      <div className="panel-head">
        <h2 id="deliveries-h" className="panel-title">
          Delivery log
        </h2>
        <div className="filters">
          <label className="filter">
            Status
            <select value={status} onChange={(e) => setStatus(e.target.value as '' | TDeliveryStatus)}>
              <option value="">All</option>
              {(Object.keys(STATUS_LABEL) as TDeliveryStatus[]).map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="filter">
            Endpoint
            <select value={endpoint} onChange={(e) => setEndpoint(e.target.value)}>
              <option value="">All</option>
              {endpoints.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn btn-small" onClick={() => void load()}>
            Refresh
          </button>
        </div>
      </div>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      {rows === null ? (
        <p className="muted">Loading deliveries…</p>
      ) : rows.length === 0 ? (
        <p className="empty">{status || endpoint ? 'No deliveries match these filters.' : 'No deliveries yet. They appear here as events are sent to the endpoints.'}</p>
      ) : (
        <table className="table" data-testid="deliveries">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Endpoint</th>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Attempts
              </th>
              <th scope="col">Last response</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} data-delivery-id={d.id} data-status={d.status}>
                <td className="nowrap small">{formatTime(d.deliveredAt ?? d.createdAt)}</td>
                <td>{nameOf(d.endpointId)}</td>
                <td>
                  <code className="small">{d.eventType}</code>
                </td>
                <td>
                  <span className={`delivery-status delivery-${d.status}`} data-testid="delivery-status">
                    <span className="delivery-dot" aria-hidden="true" />
                    {STATUS_LABEL[d.status]}
                  </span>
                  {d.status === 'failed' && d.nextAttemptAt ? <span className="muted small block">Next try {formatTime(d.nextAttemptAt)}</span> : null}
                </td>
                <td className="num">{d.attempts}</td>
                <td className="small last-response">
                  {d.lastStatus !== null ? <span className="nowrap">HTTP {d.lastStatus}</span> : null}
                  {d.lastError ? <span className="block delivery-error">{d.lastError}</span> : null}
                  {d.lastStatus === null && !d.lastError ? <span className="muted">—</span> : null}
                </td>
                <td className="cell-actions">
                  {d.status === 'dead' ? (
                    <button type="button" className="btn btn-small" disabled={retrying === d.id} onClick={() => void retry(d)} aria-label={`Retry ${d.eventType} to ${nameOf(d.endpointId)}`}>
                      {retrying === d.id ? 'Retrying…' : 'Retry'}
                    </button>
                  ) : null}
                  {retryError?.id === d.id ? (
                    <p className="field-error" role="alert">
                      {retryError.text}
                    </p>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
