import { useState } from 'react';
import { SubmitButton } from '../../components/kit/buttons';
import { MaybeNotice } from '../../components/kit/notice';
import { Panel } from '../../components/kit/panel';
import { useSubmit } from '../../components/kit/use-busy';
import { useFormError } from '../../components/kit/use-form-error';
import type { TTeam as Team } from '@baton/contracts';
import { useWorkspace } from '../../workspace';
import { HoursFieldset } from './hours-fieldset';
import { RoutingFields } from './routing-fields';
import { SkillsFieldset } from './skills-fieldset';
import { draftOf, errorKeys, teamBody } from './team-draft';
import type { Draft } from './team-draft';
import { TeamPicker } from './team-picker';

/** Edits one team: skills, tiers, SLA minutes, default, and business hours (PATCH /teams/:id). */
export function TeamEditor({ selected, onSelect }: { selected: string | null; onSelect(id: string): void }) {
  const { teams } = useWorkspace();
  const team = teams.find((t) => t.id === selected) ?? teams.find((t) => t.isDefault) ?? teams[0] ?? null;
  if (!team) {
    return (
      <Panel id="team-editor" headingId="team-editor-h" title="Team settings">
        <p className="muted">Loading teams…</p>
      </Panel>
    );
  }
  // A new form only when another team is picked (the directory refreshes on every handoff event).
  return (
    <Panel id="team-editor" headingId="team-editor-h" title="Team settings" focusable actions={<TeamPicker teams={teams} value={team.id} onSelect={onSelect} />}>
      <TeamForm key={team.id} team={team} />
    </Panel>
  );
}

function TeamForm({ team }: { team: Team }) {
  const { api, refreshDirectory } = useWorkspace();
  const [draft, setDraft] = useState<Draft>(() => draftOf(team));
  const [saved, setSaved] = useState<string | null>(null);
  const form = useFormError('team');
  const edit = (f: (d: Draft) => Draft) => {
    setDraft(f);
    setSaved(null);
  };
  const save = useSubmit(async () => {
    form.clear();
    setSaved(null);
    try {
      const r = await api.patch<{ team: Team }>(`/teams/${encodeURIComponent(team.id)}`, teamBody(draft, team));
      setDraft(draftOf(r.team));
      setSaved(`${r.team.name} saved.`);
      await refreshDirectory();
    } catch (err) {
      form.place(err, errorKeys(draft));
    }
  });
  const discard = () => {
    setDraft(draftOf(team));
    form.clear();
    setSaved(null);
  };
  return (
    <form onSubmit={save.onSubmit} noValidate aria-label={`Settings of ${team.name}`} data-testid="team-editor">
      <div className="team-grid">
        <div>
          <SkillsFieldset skills={draft.skills} edit={edit} form={form} />
          <RoutingFields team={team} draft={draft} edit={edit} form={form} />
        </div>
        <HoursFieldset draft={draft} edit={edit} form={form} />
      </div>
      {form.at('form')}
      <MaybeNotice kind="ok" text={saved} />
      <div className="form-actions">
        <SubmitButton busy={save.busy} busyText="Saving…">{`Save ${team.name}`}</SubmitButton>
        <button type="button" className="btn" disabled={save.busy} onClick={discard}>
          Discard changes
        </button>
      </div>
    </form>
  );
}

/** Focuses the team editor's heading (after "Edit" in the teams table). */
export function focusTeamEditor(): void {
  const h = document.getElementById('team-editor-h');
  h?.scrollIntoView({ block: 'start' });
  h?.focus();
}
