import { InputField } from '../../components/kit/fields';
import type { FormError } from '../../components/kit/use-form-error';
import type { TWeekday as Weekday } from '@baton/contracts';
import { DaySchedule } from './day-schedule';
import { HolidaysField } from './holidays-field';
import { DAYS } from './team-draft';
import type { DayDraft, Draft, Edit } from './team-draft';
import { COMMON_TIME_ZONES } from './time-zones';

/** Business hours: always open, or a weekly schedule in a time zone with holidays. */
export function HoursFieldset({ draft, edit, form }: { draft: Draft; edit: Edit; form: FormError }) {
  const setDay = (day: Weekday) => (f: (v: DayDraft) => DayDraft) => edit((d) => ({ ...d, weekly: { ...d.weekly, [day]: f(d.weekly[day]) } }));
  return (
    <fieldset className="field hours" data-testid="hours">
      <legend>Business hours</legend>
      <div className="radio-col">
        <label>
          <input type="radio" name="team-hours-mode" checked={draft.alwaysOpen} onChange={() => edit((d) => ({ ...d, alwaysOpen: true }))} /> Always open
        </label>
        <label>
          <input type="radio" name="team-hours-mode" checked={!draft.alwaysOpen} onChange={() => edit((d) => ({ ...d, alwaysOpen: false }))} /> Open on a weekly schedule
        </label>
      </div>
      {form.at('hours')}
      {draft.alwaysOpen ? (
        <p className="hint hours-note">Customers can reach a person at any time. Outside business hours, customers are offered a callback or an email reply instead.</p>
      ) : (
        <>
          <InputField
            id="team-timezone"
            label="Time zone"
            className="hours-zone"
            list="team-timezones"
            value={draft.timeZone}
            onChange={(timeZone) => edit((d) => ({ ...d, timeZone }))}
            autoComplete="off"
            spellCheck={false}
            hint="An IANA zone such as Europe/London. The schedule and holidays are read in this zone, across daylight saving."
            error={form.at('hours.timeZone')}
            {...form.invalid('hours.timeZone')}
          />
          <datalist id="team-timezones">
            {COMMON_TIME_ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <div className="week" role="group" aria-label="Weekly schedule">
            {form.at('hours.weekly')}
            {DAYS.map((day) => (
              <DaySchedule key={day.key} day={day} value={draft.weekly[day.key]} setDay={setDay(day.key)} form={form} />
            ))}
          </div>
          <p className="hint">24-hour clock, HH:MM. A range ends before its closing time; use 24:00 for midnight. For a late shift, add a range on the next day.</p>
          <HolidaysField draft={draft} edit={edit} form={form} />
        </>
      )}
    </fieldset>
  );
}
