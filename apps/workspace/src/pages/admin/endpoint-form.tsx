import { useState } from 'react';
import type { TEndpoint, TNotificationKind } from '@baton/contracts';
import { NOTIFICATION_EVENTS } from '@baton/contracts/event-names';
import { SubmitButton } from '../../components/kit/buttons';
import { Checkbox, CheckList, InputField, SelectField, toggled } from '../../components/kit/fields';
import { useSubmit } from '../../components/kit/use-busy';
import { useFormError } from '../../components/kit/use-form-error';
import { PRIORITIES } from '../../queue-order';
import { useWorkspace } from '../../workspace';
import { draftOf, endpointBody, endpointPath, KINDS, kindInfo } from './endpoint-kinds';
import type { EndpointDraft } from './endpoint-kinds';

/** The outbound events, from the contracts' zod-free entry so the bundle does not pull in zod. */
const EVENT_OPTIONS = NOTIFICATION_EVENTS.map((ev) => ({ value: ev, label: <code>{ev}</code> }));
const KEYS = ['kind', 'name', 'target', 'secret', 'events', 'minPriority', 'active'];

/** Adds an endpoint (`endpoint` null) or edits one; the kind is fixed once created. */
export function EndpointForm({ endpoint, onCancel, onSaved }: { endpoint: TEndpoint | null; onCancel(): void; onSaved(e: TEndpoint, created: boolean): Promise<void> }) {
  const { api } = useWorkspace();
  const [f, setF] = useState<EndpointDraft>(() => draftOf(endpoint));
  const form = useFormError('endpoint');
  const info = kindInfo(f.kind);
  const set = <K extends keyof EndpointDraft>(k: K) => (v: EndpointDraft[K]) => setF((x) => ({ ...x, [k]: v }));
  const field = (k: string) => ({ error: form.at(k), ...form.invalid(k) });

  const submit = useSubmit(async () => {
    form.clear();
    try {
      const body = endpointBody(f, endpoint !== null);
      const r = endpoint ? await api.patch<{ endpoint: TEndpoint }>(endpointPath(endpoint.id), body) : await api.post<{ endpoint: TEndpoint }>('/notifications/endpoints', body);
      await onSaved(r.endpoint, endpoint === null);
    } catch (err) {
      form.place(err, KEYS);
    }
  });

  return (
    <form className="inline-form endpoint-form" onSubmit={submit.onSubmit} noValidate aria-labelledby="endpoint-form-h" data-testid="endpoint-form">
      <h3 id="endpoint-form-h" className="subhead">
        {endpoint ? `Edit ${endpoint.name}` : 'New endpoint'}
      </h3>
      <div className="form-grid">
        <SelectField id="endpoint-kind" label="Kind" value={f.kind} disabled={Boolean(endpoint)} onChange={(v) => set('kind')(v as TNotificationKind)} hint={endpoint ? 'The kind cannot change; add another endpoint instead.' : undefined} {...field('kind')}>
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </SelectField>
        <InputField id="endpoint-name" label="Endpoint name" value={f.name} onChange={set('name')} placeholder="On-call pager" autoComplete="off" {...field('name')} />
        <SelectField id="endpoint-priority" label="Minimum priority" value={f.minPriority} onChange={(v) => set('minPriority')(v as EndpointDraft['minPriority'])} hint={endpoint ? undefined : 'Default: SMS critical only, email high and above, others any.'} {...field('minPriority')}>
          {endpoint ? null : <option value="">Default for the kind</option>}
          <option value="any">Any priority</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p.charAt(0).toUpperCase() + p.slice(1)} and above
            </option>
          ))}
        </SelectField>
        <InputField id="endpoint-target" label="Target" className="field-wide" value={f.target} onChange={set('target')} placeholder={info.placeholder} autoComplete="off" spellCheck={false} hint={info.target} {...field('target')} />
        {info.secret ? (
          <InputField
            id="endpoint-secret"
            label={endpoint ? `${info.secretShort ?? 'New secret'} (leave blank to keep ${endpoint.hasSecret ? 'the current one' : 'none'})` : info.secret}
            className="field-wide"
            type="password"
            value={f.secret}
            onChange={set('secret')}
            autoComplete="new-password"
            {...field('secret')}
          />
        ) : null}
        <fieldset className="field field-wide">
          <legend>Events</legend>
          <p className="hint">None ticked: the default events for this kind.</p>
          <CheckList options={EVENT_OPTIONS} isChecked={(ev) => f.events.includes(ev)} onToggle={(ev, on) => set('events')(toggled(f.events, ev, on))} />
          {form.at('events')}
        </fieldset>
        <div className="field field-wide">
          <Checkbox checked={f.active} onChange={set('active')}>
            Active: send notifications to this endpoint
          </Checkbox>
          {form.at('active')}
        </div>
      </div>
      {form.at('form')}
      <div className="form-actions">
        <SubmitButton busy={submit.busy} busyText="Saving…" disabled={!f.name.trim() || !f.target.trim()}>
          {endpoint ? 'Save endpoint' : 'Add endpoint'}
        </SubmitButton>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
