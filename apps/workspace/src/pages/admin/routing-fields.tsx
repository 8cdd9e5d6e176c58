import { Checkbox, InputField } from '../../components/kit/fields';
import type { FormError } from '../../components/kit/use-form-error';
import type { TTeam as Team } from '@baton/contracts';
import { PRIORITIES } from '../../queue-order';
import type { Draft, Edit } from './team-draft';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Who the team serves and how fast: customer tiers, SLA minutes by priority, default team. */
export function RoutingFields({ team, draft, edit, form }: { team: Team; draft: Draft; edit: Edit; form: FormError }) {
  return (
    <>
      <InputField id="team-tiers" label="Customer tiers" value={draft.tiers} onChange={(tiers) => edit((d) => ({ ...d, tiers }))} placeholder="vip, business" hint="Comma-separated. Customers of these tiers prefer this team; leave empty for all." error={form.at('tiers')} {...form.invalid('tiers')} />
      <fieldset className="field">
        <legend>SLA: minutes to accept, by priority</legend>
        <div className="sla-grid">
          {PRIORITIES.map((p) => (
            <InputField key={p} id={`team-sla-${p}`} label={capital(p)} type="number" min="1" step="1" inputMode="numeric" value={draft.sla[p]} onChange={(v) => edit((d) => ({ ...d, sla: { ...d.sla, [p]: v } }))} error={form.at(`sla.${p}`)} {...form.invalid(`sla.${p}`)} />
          ))}
        </div>
        {form.at('sla')}
      </fieldset>
      <div className="field">
        <Checkbox checked={draft.isDefault} onChange={(isDefault) => edit((d) => ({ ...d, isDefault }))} {...form.invalid('isDefault')}>
          Default team: gets handoffs no other team's skills match
        </Checkbox>
        {team.isDefault && !draft.isDefault ? <p className="hint">Without a default team, unmatched handoffs wait unassigned to a team.</p> : null}
        {form.at('isDefault')}
      </div>
    </>
  );
}
