import { useState } from 'react';
import { SubmitButton } from '../../components/kit/buttons';
import { DataTable, Named } from '../../components/kit/data-table';
import { CheckList, InputField, SelectField, toggled } from '../../components/kit/fields';
import { MaybeNotice } from '../../components/kit/notice';
import { Panel } from '../../components/kit/panel';
import { useSubmit } from '../../components/kit/use-busy';
import { useFormError } from '../../components/kit/use-form-error';
import type { TAgent as Agent, TAgentRole as Role } from '@baton/contracts';
import { useWorkspace } from '../../workspace';

/** The agents with their role, teams and capacity, and a form for a new one. */
export function AgentsSettings() {
  const { agents, teams } = useWorkspace();
  const teamName = (id: string) => teams.find((t) => t.id === id)?.name ?? id;
  return (
    <Panel headingId="agents-admin-h" title="Agents">
      <DataTable<Agent>
        testId="agents-admin"
        rows={agents}
        rowKey={(a) => a.id}
        columns={[
          { header: 'Agent', rowHeader: true, cell: (a) => <Named name={a.name} detail={a.email} block /> },
          { header: 'Role', cell: (a) => a.role },
          { header: 'Teams', cellClassName: 'small', cell: (a) => a.teamIds.map(teamName).join(', ') || '—' },
          { header: 'Capacity', cell: (a) => a.capacity },
        ]}
      />
      <NewAgentForm />
    </Panel>
  );
}

const BLANK = { name: '', email: '', password: '', role: 'agent' as Role, capacity: '3' };
const FIELDS = ['name', 'email', 'password', 'role', 'teams', 'capacity'];

function NewAgentForm() {
  const { api, teams, refreshDirectory } = useWorkspace();
  const [f, setF] = useState(BLANK);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [ok, setOk] = useState<string | null>(null);
  const form = useFormError('new-agent');
  const set = (k: keyof typeof BLANK) => (value: string) => setF((x) => ({ ...x, [k]: value }));
  const field = (k: string) => ({ error: form.at(k), ...form.invalid(k) });
  const submit = useSubmit(async () => {
    form.clear();
    setOk(null);
    try {
      const r = await api.post<{ agent: Agent }>('/agents', { name: f.name, email: f.email, password: f.password, role: f.role, teams: teamIds, capacity: Number(f.capacity) });
      setOk(`${r.agent.name} can now sign in.`);
      setF(BLANK);
      setTeamIds([]);
      await refreshDirectory();
    } catch (err) {
      form.place(err, FIELDS);
    }
  });
  return (
    <form className="inline-form" onSubmit={submit.onSubmit} aria-labelledby="new-agent-h" noValidate>
      <h3 id="new-agent-h" className="subhead">
        New agent
      </h3>
      <InputField id="agent-name" label="Name" value={f.name} onChange={set('name')} autoComplete="off" {...field('name')} />
      <InputField id="agent-email" label="Email" type="email" value={f.email} onChange={set('email')} autoComplete="off" {...field('email')} />
      <InputField id="agent-password" label="Initial password" type="password" value={f.password} onChange={set('password')} autoComplete="new-password" hint="At least 12 characters, not a common password." {...field('password')} />
      <div className="field-row">
        <SelectField id="agent-role" label="Role" value={f.role} onChange={set('role')} {...field('role')}>
          <option value="agent">Agent</option>
          <option value="supervisor">Supervisor</option>
          <option value="admin">Admin</option>
        </SelectField>
        <InputField id="agent-capacity" label="Capacity" type="number" min="0" max="50" value={f.capacity} onChange={set('capacity')} {...field('capacity')} />
      </div>
      <fieldset className="field">
        <legend>Teams</legend>
        <CheckList options={teams.map((t) => ({ value: t.id, label: t.name }))} isChecked={(id) => teamIds.includes(id)} onToggle={(id, on) => setTeamIds((ids) => toggled(ids, id, on))} />
        {form.at('teams')}
      </fieldset>
      {form.at('form')}
      <MaybeNotice kind="ok" text={ok} />
      <SubmitButton busy={submit.busy} disabled={!f.name.trim() || !f.email.trim()}>
        Create agent
      </SubmitButton>
    </form>
  );
}
