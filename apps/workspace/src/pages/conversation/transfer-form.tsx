import { useState } from 'react';
import { SubmitButton } from '../../components/kit/buttons';
import { Radio, SelectField, TextAreaField } from '../../components/kit/fields';
import { useSubmit } from '../../components/kit/use-busy';
import { useFormError } from '../../components/kit/use-form-error';
import type { THandoff as Handoff } from '@baton/contracts';
import { useWorkspace } from '../../workspace';

/** Transfers the handoff to another team or agent, with a private note for them. */
export function TransferForm({ handoff, onDone }: { handoff: Handoff; onDone(h: Handoff, to: string): void }) {
  const { api, teams, agents, me } = useWorkspace();
  const [kind, setKind] = useState<'team' | 'agent'>('team');
  const otherTeams = teams.filter((t) => t.id !== handoff.teamId);
  const [teamId, setTeamId] = useState(otherTeams[0]?.id ?? teams[0]?.id ?? '');
  const others = agents.filter((a) => a.id !== me.id);
  const [agentId, setAgentId] = useState(others[0]?.id ?? '');
  const [note, setNote] = useState('');
  const form = useFormError('transfer');
  const submit = useSubmit(async () => {
    form.clear();
    try {
      const r = await api.post<{ handoff: Handoff }>(`/handoffs/${handoff.id}/transfer`, { ...(kind === 'team' ? { teamId } : { agentId }), note });
      onDone(r.handoff, kind === 'team' ? (teams.find((t) => t.id === teamId)?.name ?? 'the team') : (agents.find((a) => a.id === agentId)?.name ?? 'the agent'));
    } catch (err) {
      form.place(err, ['teamId', 'agentId', 'note']);
    }
  });
  return (
    <form onSubmit={submit.onSubmit} className="dialog-form">
      <fieldset className="radio-row">
        <legend>Transfer to</legend>
        <Radio name="transfer-kind" checked={kind === 'team'} onSelect={() => setKind('team')}>
          A team
        </Radio>
        <Radio name="transfer-kind" checked={kind === 'agent'} onSelect={() => setKind('agent')}>
          An agent
        </Radio>
      </fieldset>
      {kind === 'team' ? (
        <SelectField id="transfer-team" label="Team" value={teamId} onChange={setTeamId} error={form.at('teamId')} {...form.invalid('teamId')}>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
              {t.id === handoff.teamId ? ' (current)' : ''}
            </option>
          ))}
        </SelectField>
      ) : (
        <SelectField id="transfer-agent" label="Agent" value={agentId} onChange={setAgentId} error={form.at('agentId')} {...form.invalid('agentId')}>
          {others.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} — {a.presence}, {a.load ?? 0}/{a.capacity}
            </option>
          ))}
        </SelectField>
      )}
      <TextAreaField id="transfer-note" label="Note for them (private)" rows={3} required value={note} onChange={setNote} error={form.at('note')} {...form.invalid('note')} />
      {form.at('form')}
      <div className="dialog-actions">
        <SubmitButton busy={submit.busy} disabled={!note.trim() || (kind === 'team' ? !teamId : !agentId)}>
          Transfer
        </SubmitButton>
      </div>
    </form>
  );
}
