import { Checkbox, CheckList, InputField, TextAreaField } from '../../components/kit/fields';
import type { FormError } from '../../components/kit/use-form-error';
import type { PolicyDraft, PolicyResponse } from './policy-draft';

/** The editable parts of the escalation policy: thresholds, simple requests, keywords and topics. */
export function PolicyFields({ draft, edit, topics, form }: { draft: PolicyDraft; edit(patch: Partial<PolicyDraft>): void; topics: PolicyResponse['policy']['topics']['definitions']; form: FormError }) {
  return (
    <div className="form-grid">
      <InputField
        id="policy-threshold"
        label="Confidence threshold"
        type="number"
        inputMode="decimal"
        step="0.01"
        value={draft.threshold}
        onChange={(threshold) => edit({ threshold })}
        hint="Between 0 and 1. Below this, the assistant does not answer on its own."
        error={form.at('threshold')}
        {...form.invalid('threshold')}
      />
      <div className="field">
        <label htmlFor="policy-amount">Amount threshold</label>
        <input id="policy-amount" type="number" inputMode="decimal" min="0" step="1" value={draft.amount} onChange={(e) => edit({ amount: e.target.value })} {...form.invalid('amount')} />
        <Checkbox checked={draft.amountEnabled} onChange={(amountEnabled) => edit({ amountEnabled })}>
          Escalate when a customer mentions an amount above this
        </Checkbox>
        {form.at('amount')}
      </div>
      <div className="field">
        <span className="label">Simple requests</span>
        <Checkbox checked={draft.offerChoice} onChange={(offerChoice) => edit({ offerChoice })} {...form.invalid('offerChoice')}>
          When a customer asks for a person about something simple, offer the answer first
        </Checkbox>
        {form.at('offerChoice')}
      </div>
      <TextAreaField id="policy-keywords" label="Escalation keywords" className="field-wide" rows={5} value={draft.keywords} onChange={(keywords) => edit({ keywords })} hint="One word or phrase per line." error={form.at('keywords')} {...form.invalid('keywords')} />
      <fieldset className="field field-wide">
        <legend>Sensitive topics</legend>
        <Checkbox checked={draft.topicsEnabled} onChange={(topicsEnabled) => edit({ topicsEnabled })}>
          Escalate on sensitive topics
        </Checkbox>
        <CheckList
          options={topics.map((t) => ({ value: t.id, label: t.label }))}
          disabled={!draft.topicsEnabled}
          isChecked={(id) => draft.topicStates[id] ?? topics.find((t) => t.id === id)?.enabled ?? false}
          onToggle={(id, on) => edit({ topicStates: { ...draft.topicStates, [id]: on } })}
        />
        {form.at('topics')}
      </fieldset>
    </div>
  );
}
