import { SmallButton } from '../../components/kit/buttons';
import type { FormError } from '../../components/kit/use-form-error';
import { uid } from '../../uid';
import { patchById, sentHolidays } from './team-draft';
import type { Draft, Edit } from './team-draft';

/** Local dates the team is closed all day. */
export function HolidaysField({ draft, edit, form }: { draft: Draft; edit: Edit; form: FormError }) {
  const sent = sentHolidays(draft);
  /** The error key of a row: its index among the rows sent (blank rows are not sent). */
  const keyOf = (rowId: string) => `hours.holidays.${sent.findIndex((h) => h.id === rowId)}`;
  return (
    <div className="field holidays">
      <span className="label" id="holidays-label">
        Holidays
      </span>
      <p className="hint">Closed all day on these local dates, whatever the weekly schedule says.</p>
      {draft.holidays.length ? (
        <ul className="plain holiday-list" aria-labelledby="holidays-label">
          {draft.holidays.map((h, i) => (
            <li key={h.id}>
              <div className="range">
                <input type="date" aria-label={`Holiday ${i + 1}`} value={h.date} onChange={(e) => edit((d) => ({ ...d, holidays: patchById(d.holidays, h.id, { date: e.target.value }) }))} {...form.invalid(keyOf(h.id))} />
                <SmallButton className="btn-ghost" onClick={() => edit((d) => ({ ...d, holidays: d.holidays.filter((x) => x.id !== h.id) }))} aria-label={`Remove holiday ${i + 1}${h.date ? ` (${h.date})` : ''}`}>
                  Remove
                </SmallButton>
              </div>
              {form.at(keyOf(h.id))}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No holidays.</p>
      )}
      {form.at('hours.holidays')}
      <div>
        <SmallButton onClick={() => edit((d) => ({ ...d, holidays: [...d.holidays, { id: uid(), date: '' }] }))}>Add holiday</SmallButton>
      </div>
    </div>
  );
}
