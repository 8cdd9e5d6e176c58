import { useState } from 'react';
import { ApiError } from '@baton/client';
import { SmallButton, SubmitButton } from '../../components/kit/buttons';
import { actionsColumn, DataTable } from '../../components/kit/data-table';
import { InputField } from '../../components/kit/fields';
import { MaybeNotice } from '../../components/kit/notice';
import { Panel } from '../../components/kit/panel';
import { useSubmit } from '../../components/kit/use-busy';
import { useFormError } from '../../components/kit/use-form-error';
import { humanize } from '../../hooks';
import type { TTeam as Team } from '@baton/contracts';
import { useWorkspace } from '../../workspace';
import { hoursSummary } from './team-draft';

/** The teams, each with an Edit button that opens it in the team editor, and a form for a new one. */
export function TeamsSettings({ onEdit }: { onEdit(id: string): void }) {
  const { teams } = useWorkspace();
  return (
    <Panel headingId="teams-h" title="Teams">
      <DataTable<Team>
        testId="teams"
        rows={teams}
        rowKey={(t) => t.id}
        columns={[
          {
            header: 'Team',
            rowHeader: true,
            cell: (t) => (
              <>
                {t.name}
                {t.isDefault ? <span className="chip chip-small">default</span> : null}
              </>
            ),
          },
          { header: 'Skills', cellClassName: 'small', cell: (t) => t.skills.map((s) => `${s.value}`).join(', ') || '—' },
          { header: 'Hours', cellClassName: 'small', cell: (t) => <span data-testid="team-hours">{hoursSummary(t.hours)}</span> },
          actionsColumn((t) => (
            <SmallButton onClick={() => onEdit(t.id)} aria-label={`Edit ${t.name}`}>
              Edit
            </SmallButton>
          )),
        ]}
      />
      <NewTeamForm />
    </Panel>
  );
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function NewTeamForm() {
  const { api, refreshDirectory } = useWorkspace();
  const [name, setName] = useState('');
  const [categories, setCategories] = useState('');
  const [languages, setLanguages] = useState('en');
  const [ok, setOk] = useState<string | null>(null);
  const form = useFormError('new-team');
  const submit = useSubmit(async () => {
    form.clear();
    setOk(null);
    try {
      await api.post('/teams', { name, skills: [...list(categories).map((value) => ({ kind: 'category', value, proficiency: 4 })), ...list(languages).map((value) => ({ kind: 'language', value, proficiency: 5 }))] });
      setOk(`Team ${name} created.`);
      setName('');
      setCategories('');
      await refreshDirectory();
    } catch (err) {
      form.place(err, ['name']);
      // Skills are built from two inputs: name the field the server refused.
      if (err instanceof ApiError && err.field && !err.field.startsWith('name')) form.setError({ key: 'form', text: `${humanize(err.field)}: ${err.message}` });
    }
  });
  return (
    <form className="inline-form" onSubmit={submit.onSubmit} aria-labelledby="new-team-h" noValidate>
      <h3 id="new-team-h" className="subhead">
        New team
      </h3>
      <InputField id="team-name" label="Name" value={name} onChange={setName} required error={form.at('name')} {...form.invalid('name')} />
      <InputField id="team-categories" label="Categories" value={categories} onChange={setCategories} placeholder="billing, refunds" />
      <InputField id="team-languages" label="Languages" value={languages} onChange={setLanguages} placeholder="en, fr" />
      {form.at('form')}
      <MaybeNotice kind="ok" text={ok} />
      <SubmitButton busy={submit.busy} disabled={!name.trim()}>
        Create team
      </SubmitButton>
    </form>
  );
}
