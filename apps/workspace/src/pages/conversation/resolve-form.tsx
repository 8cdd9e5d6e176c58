import { useState } from 'react';
import { SubmitButton } from '../../components/kit/buttons';
import { InputField, Radio, SelectField, TextAreaField } from '../../components/kit/fields';
import { useSubmit } from '../../components/kit/use-busy';
import { useFormError } from '../../components/kit/use-form-error';
import { humanize } from '../../hooks';
import type { THandoff as Handoff } from '@baton/contracts';
import { useWorkspace } from '../../workspace';

const CATEGORIES = ['orders', 'billing', 'account', 'technical', 'shipping', 'returns', 'security', 'legal', 'sales', 'general'];
const OUTCOMES = ['solved', 'workaround', 'not_solved', 'duplicate', 'escalated_elsewhere'] as const;
const VERDICTS = [
  ['needed', 'Needed a human'],
  ['unnecessary', 'Unnecessary (AI could have solved it)'],
  ['too_late', 'Too late (should have come sooner)'],
  ['wrong_team', 'Wrong team'],
] as const;

/**
 * The category the handoff is already known by, so the agent only confirms it: the routing
 * category it was sent under (Billing for a duplicate charge, orders for a late parcel), else a
 * topic, team or reason that names one of the categories, "general" last; empty (the agent picks)
 * when nothing does.
 */
export function knownCategory(h: Handoff): string {
  const known = [h.brief.category, ...(h.brief.intent?.topics ?? []), h.team ?? h.brief.headline?.team, ...h.reasons.map((r) => r.code)];
  const listed = known.map((c) => (c ?? '').toLowerCase()).filter((c) => CATEGORIES.includes(c));
  return listed.find((c) => c !== 'general') ?? listed[0] ?? '';
}

/** Resolves the handoff: category, outcome, the verdict on the handoff itself, and a note. */
export function ResolveForm({ handoff, onDone }: { handoff: Handoff; onDone(h: Handoff): void }) {
  const { api } = useWorkspace();
  const [category, setCategory] = useState(() => knownCategory(handoff));
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>('solved');
  const [verdict, setVerdict] = useState<(typeof VERDICTS)[number][0]>('needed');
  const [note, setNote] = useState('');
  const form = useFormError('resolve');
  const submit = useSubmit(async () => {
    form.clear();
    try {
      onDone((await api.post<{ handoff: Handoff }>(`/handoffs/${handoff.id}/resolve`, { category, outcome, verdict, ...(note.trim() ? { note } : {}) })).handoff);
    } catch (err) {
      form.place(err, ['category', 'outcome', 'verdict', 'note']);
    }
  });
  return (
    <form onSubmit={submit.onSubmit} className="dialog-form">
      <InputField id="resolve-category" label="Category" list="resolve-categories" required value={category} onChange={setCategory} error={form.at('category')} {...form.invalid('category')} />
      <datalist id="resolve-categories">
        {CATEGORIES.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <SelectField id="resolve-outcome" label="Outcome" value={outcome} onChange={(v) => setOutcome(v as typeof outcome)} error={form.at('outcome')} {...form.invalid('outcome')}>
        {OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {humanize(o)}
          </option>
        ))}
      </SelectField>
      <fieldset className="field">
        <legend>Was the handoff…</legend>
        <div className="radio-col">
          {VERDICTS.map(([v, label]) => (
            <Radio key={v} name="verdict" value={v} checked={verdict === v} onSelect={() => setVerdict(v)}>
              {label}
            </Radio>
          ))}
        </div>
        {form.at('verdict')}
      </fieldset>
      <TextAreaField id="resolve-note" label="Note (optional)" rows={2} value={note} onChange={setNote} error={form.at('note')} {...form.invalid('note')} />
      {form.at('form')}
      <div className="dialog-actions">
        <SubmitButton busy={submit.busy} className="btn btn-success" disabled={!category.trim()}>
          Resolve
        </SubmitButton>
      </div>
    </form>
  );
}
