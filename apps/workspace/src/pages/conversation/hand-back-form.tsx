import { useState } from 'react';
import { SubmitButton } from '../../components/kit/buttons';
import { Radio, TextAreaField } from '../../components/kit/fields';
import { useSubmit } from '../../components/kit/use-busy';
import { useFormError } from '../../components/kit/use-form-error';
import type { THandoff as Handoff } from '@baton/contracts';
import { useWorkspace } from '../../workspace';

const VERDICTS = [
  ['', 'No verdict'],
  ['unnecessary', 'Unnecessary (the AI could have solved it)'],
  ['needed', 'Needed a human'],
  ['too_late', 'Too late (should have come sooner)'],
  ['wrong_team', 'Wrong team'],
] as const;

/** Hands the conversation back to the AI assistant, with an optional note and a verdict only if the agent gives one. */
export function HandBackForm({ handoff, onDone }: { handoff: Handoff; onDone(h: Handoff): void }) {
  const { api } = useWorkspace();
  const [note, setNote] = useState('');
  const [verdict, setVerdict] = useState<(typeof VERDICTS)[number][0]>('');
  const form = useFormError('handback');
  const submit = useSubmit(async () => {
    form.clear();
    try {
      onDone((await api.post<{ handoff: Handoff }>(`/handoffs/${handoff.id}/hand-back`, { ...(note.trim() ? { note } : {}), ...(verdict ? { verdict } : {}) })).handoff);
    } catch (err) {
      form.place(err, ['note', 'verdict']);
    }
  });
  return (
    <form onSubmit={submit.onSubmit} className="dialog-form">
      <p className="muted">The assistant takes the conversation back. The customer can ask for a person again at any time.</p>
      <fieldset className="field">
        <legend>Was the handoff…</legend>
        <div className="radio-col">
          {VERDICTS.map(([v, label]) => (
            <Radio key={v || 'none'} name="handback-verdict" value={v} checked={verdict === v} onSelect={() => setVerdict(v)}>
              {label}
            </Radio>
          ))}
        </div>
        {form.at('verdict')}
      </fieldset>
      <TextAreaField id="handback-note" label="Note (optional)" rows={2} value={note} onChange={setNote} error={form.at('note')} {...form.invalid('note')} />
      {form.at('form')}
      <div className="dialog-actions">
        <SubmitButton busy={submit.busy}>Hand back</SubmitButton>
      </div>
    </form>
  );
}
