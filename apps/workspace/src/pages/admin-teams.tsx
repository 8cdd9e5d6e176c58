import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { ErrorAt, invalidProps, placeError } from '../components/field-errors';
import type { PlacedError } from '../components/field-errors';
import type { TBusinessHours as BusinessHours, TPriority as Priority, TTeam as Team, TWeekday as Weekday } from '@baton/contracts';
import { PRIORITIES } from '../queue-order';
import { uid } from '../uid';
import { useWorkspace } from '../workspace';

const DAYS: { key: Weekday; label: string }[] = [
  { key: 'mon', label: 'Monday' },
  { key: 'tue', label: 'Tuesday' },
  { key: 'wed', label: 'Wednesday' },
  { key: 'thu', label: 'Thursday' },
  { key: 'fri', label: 'Friday' },
  { key: 'sat', label: 'Saturday' },
  { key: 'sun', label: 'Sunday' },
];

/** Suggestions only: the server accepts any IANA zone its ICU knows. */
export const COMMON_TIME_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Amsterdam',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Europe/Athens',
  'Europe/Istanbul',
  'Africa/Johannesburg',
  'Africa/Lagos',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
  'America/Sao_Paulo',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Toronto',
  'America/Mexico_City',
];

const SKILL_KINDS = ['category', 'language', 'channel'] as const;

interface SkillRow {
  id: string;
  kind: string;
  value: string;
  proficiency: string;
}
interface Range {
  id: string;
  start: string;
  end: string;
}
interface HolidayRow {
  id: string;
  date: string;
}
interface Draft {
  skills: SkillRow[];
  tiers: string;
  isDefault: boolean;
  sla: Record<Priority, string>;
  alwaysOpen: boolean;
  timeZone: string;
  weekly: Record<Weekday, { open: boolean; ranges: Range[] }>;
  holidays: HolidayRow[];
}

const range = (start = '09:00', end = '17:00'): Range => ({ id: uid(), start, end });

function localZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function draftOf(t: Team): Draft {
  const h = t.hours ?? null;
  const weekly = Object.fromEntries(
    DAYS.map(({ key }) => {
      if (!h) return [key, { open: !['sat', 'sun'].includes(key), ranges: [range()] }];
      const rs = h.weekly[key] ?? [];
      return [key, { open: rs.length > 0, ranges: rs.length ? rs.map((r) => range(r.start, r.end)) : [range()] }];
    }),
  ) as Draft['weekly'];
  return {
    skills: t.skills.map((s) => ({ id: uid(), kind: s.kind, value: s.value, proficiency: String(s.proficiency) })),
    tiers: (t.tiers ?? []).join(', '),
    isDefault: Boolean(t.isDefault),
    sla: Object.fromEntries(PRIORITIES.map((p) => [p, t.sla?.[p] !== undefined ? String(t.sla[p]) : ''])) as Record<Priority, string>,
    alwaysOpen: !h,
    timeZone: h?.timeZone ?? localZone(),
    weekly,
    holidays: (h?.holidays ?? []).map((date) => ({ id: uid(), date })),
  };
}

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

/** A one-line summary of a team's hours, for the teams table. */
export function hoursSummary(h: BusinessHours | null | undefined): string {
  if (!h) return 'Always open';
  const open = DAYS.filter((d) => (h.weekly[d.key] ?? []).length > 0);
  if (!open.length) return `Closed (${h.timeZone})`;
  const first = h.weekly[open[0]!.key]!.map((r) => `${r.start}–${r.end}`).join(', ');
  const same = open.every((d) => h.weekly[d.key]!.map((r) => `${r.start}–${r.end}`).join(', ') === first);
  const days = open.map((d) => d.label.slice(0, 3)).join(' ');
  return same ? `${days} ${first} (${h.timeZone})` : `${days}, varying (${h.timeZone})`;
}

/** Edits one team: skills, tiers, SLA minutes, default, and business hours (PATCH /teams/:id). */
export function TeamEditor({ selected, onSelect }: { selected: string | null; onSelect(id: string): void }) {
  const { api, teams, refreshDirectory } = useWorkspace();
  const team = teams.find((t) => t.id === selected) ?? teams.find((t) => t.isDefault) ?? teams[0] ?? null;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [draftFor, setDraftFor] = useState<string | null>(null);
  const [error, setError] = useState<PlacedError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headRef = useRef<HTMLHeadingElement>(null);

  // A new draft only when another team is picked (the directory refreshes on every handoff event).
  useEffect(() => {
    if (team && team.id !== draftFor) {
      setDraft(draftOf(team));
      setDraftFor(team.id);
      setError(null);
      setSaved(null);
    }
  }, [team, draftFor]);

  if (!team || !draft) {
    return (
      <section className="panel" id="team-editor" aria-labelledby="team-editor-h">
        <h2 id="team-editor-h" className="panel-title">
          Team settings
        </h2>
        <p className="muted">Loading teams…</p>
      </section>
    );
  }

  const S = 'team';
  const edit = (f: (d: Draft) => Draft) => {
    setDraft((d) => (d ? f(d) : d));
    setSaved(null);
  };
  const setDay = (day: Weekday, f: (v: Draft['weekly'][Weekday]) => Draft['weekly'][Weekday]) => edit((d) => ({ ...d, weekly: { ...d.weekly, [day]: f(d.weekly[day]) } }));

  // Every place an error can be shown, so `placeError` picks the nearest one.
  const holidaySent = draft.holidays.filter((h) => h.date.trim() !== '');
  const keys = [
    'skills',
    ...draft.skills.flatMap((_, i) => [`skills.${i}`, `skills.${i}.kind`, `skills.${i}.value`, `skills.${i}.proficiency`]),
    'tiers',
    'isDefault',
    'sla',
    ...PRIORITIES.map((p) => `sla.${p}`),
    'hours',
    'hours.timeZone',
    'hours.weekly',
    ...DAYS.flatMap(({ key }) => [`hours.weekly.${key}`, ...draft.weekly[key].ranges.flatMap((_, i) => [`hours.weekly.${key}.${i}`, `hours.weekly.${key}.${i}.start`, `hours.weekly.${key}.${i}.end`])]),
    'hours.holidays',
    ...holidaySent.map((_, i) => `hours.holidays.${i}`),
  ];
  /** The holiday row an index of the sent list came from (blank rows are not sent). */
  const holidayKey = (rowId: string) => `hours.holidays.${holidaySent.findIndex((h) => h.id === rowId)}`;

  const body = () => {
    const hours: BusinessHours | null = draft.alwaysOpen
      ? null
      : {
          timeZone: draft.timeZone.trim(),
          weekly: Object.fromEntries(DAYS.filter(({ key }) => draft.weekly[key].open).map(({ key }) => [key, draft.weekly[key].ranges.map((r) => ({ start: r.start.trim(), end: r.end.trim() }))])),
          holidays: holidaySent.map((h) => h.date.trim()),
        };
    return {
      skills: draft.skills.map((s) => ({ kind: s.kind, value: s.value.trim(), proficiency: num(s.proficiency) })),
      tiers: draft.tiers
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
      ...(draft.isDefault !== Boolean(team.isDefault) ? { isDefault: draft.isDefault } : {}),
      sla: Object.fromEntries(PRIORITIES.map((p) => [p, num(draft.sla[p])])),
      hours,
    };
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const r = await api.patch<{ team: Team }>(`/teams/${encodeURIComponent(team.id)}`, body());
      setDraft(draftOf(r.team));
      setSaved(`${r.team.name} saved.`);
      await refreshDirectory();
    } catch (err) {
      setError(placeError(err, keys));
    } finally {
      setBusy(false);
    }
  };

  const inv = (key: string) => invalidProps(error, S, key);
  const errs = (...k: string[]) => <ErrorAt error={error} scope={S} keys={k} />;

  return (
    <section className="panel" id="team-editor" aria-labelledby="team-editor-h">
      <div className="panel-head">
        <h2 id="team-editor-h" className="panel-title" ref={headRef} tabIndex={-1}>
          Team settings
        </h2>
        <div className="filter">
          <label htmlFor="team-edit-select">Team to edit</label>
          <select id="team-edit-select" value={team.id} onChange={(e) => onSelect(e.target.value)}>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <form onSubmit={(e) => void save(e)} noValidate aria-label={`Settings of ${team.name}`} data-testid="team-editor">
        <div className="team-grid">
          <div>
            <fieldset className="field">
              <legend>Skills</legend>
              <p className="hint" id="skills-hint">
                Handoffs are routed to the team whose skills match the category, language and channel best. Proficiency from 1 (basic) to 5 (expert).
              </p>
              {draft.skills.length ? (
                <table className="table table-compact" data-testid="skills">
                  <thead>
                    <tr>
                      <th scope="col">Kind</th>
                      <th scope="col">Value</th>
                      <th scope="col">Proficiency</th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {draft.skills.map((s, i) => {
                      const setSkill = (patch: Partial<SkillRow>) => edit((d) => ({ ...d, skills: d.skills.map((x) => (x.id === s.id ? { ...x, ...patch } : x)) }));
                      const n = i + 1;
                      return (
                        <tr key={s.id} data-testid="skill-row">
                          <td>
                            <select aria-label={`Skill ${n} kind`} value={s.kind} onChange={(e) => setSkill({ kind: e.target.value })} {...inv(`skills.${i}.kind`)}>
                              {SKILL_KINDS.map((k) => (
                                <option key={k} value={k}>
                                  {k}
                                </option>
                              ))}
                            </select>
                          </td>
                          <td>
                            <input aria-label={`Skill ${n} value`} value={s.value} onChange={(e) => setSkill({ value: e.target.value })} placeholder={s.kind === 'language' ? 'en' : s.kind === 'channel' ? 'email' : 'billing'} {...inv(`skills.${i}.value`)} />
                            {errs(`skills.${i}`, `skills.${i}.kind`, `skills.${i}.value`, `skills.${i}.proficiency`)}
                          </td>
                          <td>
                            <input aria-label={`Skill ${n} proficiency`} type="number" min="1" max="5" step="1" inputMode="numeric" value={s.proficiency} onChange={(e) => setSkill({ proficiency: e.target.value })} className="input-narrow" {...inv(`skills.${i}.proficiency`)} />
                          </td>
                          <td className="cell-actions">
                            <button type="button" className="btn btn-small btn-ghost" onClick={() => edit((d) => ({ ...d, skills: d.skills.filter((x) => x.id !== s.id) }))} aria-label={`Remove skill ${n}${s.value ? ` (${s.value})` : ''}`}>
                              Remove
                            </button>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              ) : (
                <p className="muted small">No skills: this team only gets handoffs as the default team or by transfer.</p>
              )}
              {errs('skills')}
              <div>
                <button type="button" className="btn btn-small" onClick={() => edit((d) => ({ ...d, skills: [...d.skills, { id: uid(), kind: 'category', value: '', proficiency: '3' }] }))}>
                  Add skill
                </button>
              </div>
            </fieldset>

            <div className="field">
              <label htmlFor="team-tiers">Customer tiers</label>
              <input id="team-tiers" value={draft.tiers} onChange={(e) => edit((d) => ({ ...d, tiers: e.target.value }))} placeholder="vip, business" aria-describedby="team-tiers-hint" {...inv('tiers')} />
              <p id="team-tiers-hint" className="hint">
                Comma-separated. Customers of these tiers prefer this team; leave empty for all.
              </p>
              {errs('tiers')}
            </div>

            <fieldset className="field">
              <legend>SLA: minutes to accept, by priority</legend>
              <div className="sla-grid">
                {PRIORITIES.map((p) => (
                  <div key={p} className="field">
                    <label htmlFor={`team-sla-${p}`}>{p.charAt(0).toUpperCase() + p.slice(1)}</label>
                    <input id={`team-sla-${p}`} type="number" min="1" step="1" inputMode="numeric" value={draft.sla[p]} onChange={(e) => edit((d) => ({ ...d, sla: { ...d.sla, [p]: e.target.value } }))} {...inv(`sla.${p}`)} />
                    {errs(`sla.${p}`)}
                  </div>
                ))}
              </div>
              {errs('sla')}
            </fieldset>

            <div className="field">
              <label className="check">
                <input type="checkbox" checked={draft.isDefault} onChange={(e) => edit((d) => ({ ...d, isDefault: e.target.checked }))} {...inv('isDefault')} /> Default team: gets handoffs no other team's skills match
              </label>
              {team.isDefault && !draft.isDefault ? <p className="hint">Without a default team, unmatched handoffs wait unassigned to a team.</p> : null}
              {errs('isDefault')}
            </div>
          </div>

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
            {errs('hours')}
            {draft.alwaysOpen ? (
              <p className="hint hours-note">Customers can reach a person at any time. Outside business hours, customers are offered a callback or an email reply instead.</p>
            ) : (
              <>
                <div className="field hours-zone">
                  <label htmlFor="team-timezone">Time zone</label>
                  <input id="team-timezone" list="team-timezones" value={draft.timeZone} onChange={(e) => edit((d) => ({ ...d, timeZone: e.target.value }))} autoComplete="off" spellCheck={false} aria-describedby="team-timezone-hint" {...inv('hours.timeZone')} />
                  <datalist id="team-timezones">
                    {COMMON_TIME_ZONES.map((z) => (
                      <option key={z} value={z} />
                    ))}
                  </datalist>
                  <p id="team-timezone-hint" className="hint">
                    An IANA zone such as Europe/London. The schedule and holidays are read in this zone, across daylight saving.
                  </p>
                  {errs('hours.timeZone')}
                </div>
                <div className="week" role="group" aria-label="Weekly schedule">
                  {errs('hours.weekly')}
                  {DAYS.map(({ key, label }) => {
                    const day = draft.weekly[key];
                    return (
                      <div key={key} className={`day${day.open ? '' : ' day-closed'}`} data-testid={`day-${key}`}>
                        <label className="check day-name">
                          <input type="checkbox" checked={day.open} onChange={(e) => setDay(key, (v) => ({ ...v, open: e.target.checked }))} aria-label={`Open on ${label}`} /> {label}
                        </label>
                        {day.open ? (
                          <div className="day-ranges">
                            {day.ranges.map((r, i) => {
                              const base = `hours.weekly.${key}.${i}`;
                              const suffix = day.ranges.length > 1 ? ` (hours ${i + 1})` : '';
                              const setRange = (patch: Partial<Range>) => setDay(key, (v) => ({ ...v, ranges: v.ranges.map((x) => (x.id === r.id ? { ...x, ...patch } : x)) }));
                              return (
                                <div key={r.id} className="range-row">
                                  <div className="range">
                                    <input className="input-time" aria-label={`${label} opens${suffix}`} value={r.start} onChange={(e) => setRange({ start: e.target.value })} placeholder="09:00" inputMode="numeric" maxLength={5} {...inv(`${base}.start`)} {...(error?.key === base ? inv(base) : {})} />
                                    <span aria-hidden="true">–</span>
                                    <input className="input-time" aria-label={`${label} closes${suffix}`} value={r.end} onChange={(e) => setRange({ end: e.target.value })} placeholder="17:00" inputMode="numeric" maxLength={5} {...inv(`${base}.end`)} />
                                    {day.ranges.length > 1 ? (
                                      <button type="button" className="btn btn-small btn-ghost" onClick={() => setDay(key, (v) => ({ ...v, ranges: v.ranges.filter((x) => x.id !== r.id) }))} aria-label={`Remove ${label} hours ${i + 1}`}>
                                        Remove
                                      </button>
                                    ) : null}
                                  </div>
                                  {errs(base, `${base}.start`, `${base}.end`)}
                                </div>
                              );
                            })}
                            <button type="button" className="btn btn-small btn-ghost btn-add" onClick={() => setDay(key, (v) => ({ ...v, ranges: [...v.ranges, range('13:00', '17:00')] }))} aria-label={`Add hours on ${label}`}>
                              Add hours
                            </button>
                          </div>
                        ) : (
                          <span className="muted small day-closed-text">Closed</span>
                        )}
                        <div className="day-error">{errs(`hours.weekly.${key}`)}</div>
                      </div>
                    );
                  })}
                </div>
                <p className="hint">24-hour clock, HH:MM. A range ends before its closing time; use 24:00 for midnight. For a late shift, add a range on the next day.</p>
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
                            <input type="date" aria-label={`Holiday ${i + 1}`} value={h.date} onChange={(e) => edit((d) => ({ ...d, holidays: d.holidays.map((x) => (x.id === h.id ? { ...x, date: e.target.value } : x)) }))} {...inv(holidayKey(h.id))} />
                            <button type="button" className="btn btn-small btn-ghost" onClick={() => edit((d) => ({ ...d, holidays: d.holidays.filter((x) => x.id !== h.id) }))} aria-label={`Remove holiday ${i + 1}${h.date ? ` (${h.date})` : ''}`}>
                              Remove
                            </button>
                          </div>
                          {errs(holidayKey(h.id))}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted small">No holidays.</p>
                  )}
                  {errs('hours.holidays')}
                  <div>
                    <button type="button" className="btn btn-small" onClick={() => edit((d) => ({ ...d, holidays: [...d.holidays, { id: uid(), date: '' }] }))}>
                      Add holiday
                    </button>
                  </div>
                </div>
              </>
            )}
          </fieldset>
        </div>
        {errs('form')}
        {saved ? (
          <p className="notice notice-ok" role="status">
            {saved}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Saving…' : `Save ${team.name}`}
          </button>
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => {
              setDraft(draftOf(team));
              setError(null);
              setSaved(null);
            }}
          >
            Discard changes
          </button>
        </div>
      </form>
    </section>
  );
}

/** Focuses the team editor's heading (after "Edit" in the teams table). */
export function focusTeamEditor(): void {
  const h = document.getElementById('team-editor-h');
  h?.scrollIntoView({ block: 'start' });
  h?.focus();
}
