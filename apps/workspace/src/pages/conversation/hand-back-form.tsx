import { useState } from 'react';
import { SubmitButton } from '../../components/kit/buttons';
import { TextAreaField } from '../../components/kit/fields';
import { useSubmit } from '../../components/kit/use-busy';
import { useFormError } from '../../components/kit/use-form-error';
import type { THandoff as Handoff } from '@baton/contracts';
import { useWorkspace } from '../../workspace';

/** Hands the conversation back to the AI assistant, with an optional note. */
export function HandBackForm({ handoff, onDone }: { handoff: Handoff; onDone(h: Handoff): void }) {
  const { api } = useWorkspace();
  const [note, setNote] = useState('');
  const form = useFormError('handback');
  const submit = useSubmit(async () => {
    form.clear();
    try {
      onDone((await api.post<{ handoff: Handoff }>(`/handoffs/${handoff.id}/hand-back`, note.trim() ? { note } : {})).handoff);
    } catch (err) {
      form.place(err, ['note']);
    }
  });
  return (
    <form onSubmit={submit.onSubmit} className="dialog-form">
      <p className="muted">The assistant takes the conversation back. The customer can ask for a person again at any time.</p>
      <TextAreaField id="handback-note" label="Note (optional)" rows={2} value={note} onChange={setNote} error={form.at('note')} {...form.invalid('note')} />
      {form.at('form')}
      <div className="dialog-actions">
        <SubmitButton busy={submit.busy}>Hand back</SubmitButton>
      </div>
    </form>
  );
}
