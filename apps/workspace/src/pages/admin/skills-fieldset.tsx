import { SmallButton } from '../../components/kit/buttons';
import { actionsColumn, DataTable } from '../../components/kit/data-table';
import type { FormError } from '../../components/kit/use-form-error';
import { uid } from '../../uid';
import { patchById } from './team-draft';
import type { Edit, SkillRow } from './team-draft';

const SKILL_KINDS = ['category', 'language', 'channel'] as const;
const PLACEHOLDER: Record<string, string> = { language: 'en', channel: 'email' };

/** The team's skills, one row each, with the kind, value and proficiency editable in place. */
export function SkillsFieldset({ skills, edit, form }: { skills: SkillRow[]; edit: Edit; form: FormError }) {
  const setSkill = (id: string, patch: Partial<SkillRow>) => edit((d) => ({ ...d, skills: patchById(d.skills, id, patch) }));
  return (
    <fieldset className="field">
      <legend>Skills</legend>
      <p className="hint" id="skills-hint">
        Handoffs are routed to the team whose skills match the category, language and channel best. Proficiency from 1 (basic) to 5 (expert).
      </p>
      <DataTable<SkillRow>
        testId="skills"
        compact
        rows={skills}
        rowKey={(s) => s.id}
        rowProps={() => ({ 'data-testid': 'skill-row' })}
        empty={<p className="muted small">No skills: this team only gets handoffs as the default team or by transfer.</p>}
        columns={[
          {
            header: 'Kind',
            cell: (s, i) => (
              <select aria-label={`Skill ${i + 1} kind`} value={s.kind} onChange={(e) => setSkill(s.id, { kind: e.target.value })} {...form.invalid(`skills.${i}.kind`)}>
                {SKILL_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            ),
          },
          {
            header: 'Value',
            cell: (s, i) => (
              <>
                <input aria-label={`Skill ${i + 1} value`} value={s.value} onChange={(e) => setSkill(s.id, { value: e.target.value })} placeholder={PLACEHOLDER[s.kind] ?? 'billing'} {...form.invalid(`skills.${i}.value`)} />
                {form.at(`skills.${i}`, `skills.${i}.kind`, `skills.${i}.value`, `skills.${i}.proficiency`)}
              </>
            ),
          },
          {
            header: 'Proficiency',
            cell: (s, i) => (
              <input aria-label={`Skill ${i + 1} proficiency`} type="number" min="1" max="5" step="1" inputMode="numeric" value={s.proficiency} onChange={(e) => setSkill(s.id, { proficiency: e.target.value })} className="input-narrow" {...form.invalid(`skills.${i}.proficiency`)} />
            ),
          },
          actionsColumn((s, i) => (
            <SmallButton className="btn-ghost" onClick={() => edit((d) => ({ ...d, skills: d.skills.filter((x) => x.id !== s.id) }))} aria-label={`Remove skill ${i + 1}${s.value ? ` (${s.value})` : ''}`}>
              Remove
            </SmallButton>
          )),
        ]}
      />
      {form.at('skills')}
      <div>
        <SmallButton onClick={() => edit((d) => ({ ...d, skills: [...d.skills, { id: uid(), kind: 'category', value: '', proficiency: '3' }] }))}>Add skill</SmallButton>
      </div>
    </fieldset>
  );
}
