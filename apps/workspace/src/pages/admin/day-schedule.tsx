import { SmallButton } from '../../components/kit/buttons';
import type { FormError } from '../../components/kit/use-form-error';
import type { TWeekday as Weekday } from '@baton/contracts';
import { patchById, range } from './team-draft';
import type { DayDraft, Range } from './team-draft';

/** One day of the weekly schedule: open or closed, and its opening ranges. */
export function DaySchedule({ day: { key, label }, value: day, setDay, form }: { day: { key: Weekday; label: string }; value: DayDraft; setDay(f: (v: DayDraft) => DayDraft): void; form: FormError }) {
  return (
    <div className={`day${day.open ? '' : ' day-closed'}`} data-testid={`day-${key}`}>
      <label className="check day-name">
        <input type="checkbox" checked={day.open} onChange={(e) => setDay((v) => ({ ...v, open: e.target.checked }))} aria-label={`Open on ${label}`} /> {label}
      </label>
      {day.open ? (
        <div className="day-ranges">
          {day.ranges.map((r, i) => (
            <RangeRow key={r.id} label={label} base={`hours.weekly.${key}.${i}`} n={day.ranges.length > 1 ? i + 1 : null} range={r} setDay={setDay} form={form} />
          ))}
          <SmallButton className="btn-ghost btn-add" onClick={() => setDay((v) => ({ ...v, ranges: [...v.ranges, range('13:00', '17:00')] }))} aria-label={`Add hours on ${label}`}>
            Add hours
          </SmallButton>
        </div>
      ) : (
        <span className="muted small day-closed-text">Closed</span>
      )}
      <div className="day-error">{form.at(`hours.weekly.${key}`)}</div>
    </div>
  );
}

/** One opening range of a day; `n` numbers it when the day has several. */
function RangeRow({ label, base, n, range: r, setDay, form }: { label: string; base: string; n: number | null; range: Range; setDay(f: (v: DayDraft) => DayDraft): void; form: FormError }) {
  const suffix = n ? ` (hours ${n})` : '';
  const setRange = (patch: Partial<Range>) => setDay((v) => ({ ...v, ranges: patchById(v.ranges, r.id, patch) }));
  return (
    <div className="range-row">
      <div className="range">
        <input className="input-time" aria-label={`${label} opens${suffix}`} value={r.start} onChange={(e) => setRange({ start: e.target.value })} placeholder="09:00" inputMode="numeric" maxLength={5} {...form.invalid(`${base}.start`)} {...(form.error?.key === base ? form.invalid(base) : {})} />
        <span aria-hidden="true">–</span>
        <input className="input-time" aria-label={`${label} closes${suffix}`} value={r.end} onChange={(e) => setRange({ end: e.target.value })} placeholder="17:00" inputMode="numeric" maxLength={5} {...form.invalid(`${base}.end`)} />
        {n ? (
          <SmallButton className="btn-ghost" onClick={() => setDay((v) => ({ ...v, ranges: v.ranges.filter((x) => x.id !== r.id) }))} aria-label={`Remove ${label} hours ${n}`}>
            Remove
          </SmallButton>
        ) : null}
      </div>
      {form.at(base, `${base}.start`, `${base}.end`)}
    </div>
  );
}
