import type { TBusinessHours as BusinessHours, TPriority as Priority, TTeam as Team, TWeekday as Weekday } from '@baton/contracts';
import { PRIORITIES } from '../../queue-order';
import { uid } from '../../uid';
import { localZone } from './time-zones';

export const DAYS: { key: Weekday; label: string }[] = [
  { key: 'mon', label: 'Monday' },
  { key: 'tue', label: 'Tuesday' },
  { key: 'wed', label: 'Wednesday' },
  { key: 'thu', label: 'Thursday' },
  { key: 'fri', label: 'Friday' },
  { key: 'sat', label: 'Saturday' },
  { key: 'sun', label: 'Sunday' },
];

export interface SkillRow {
  id: string;
  kind: string;
  value: string;
  proficiency: string;
}
export interface Range {
  id: string;
  start: string;
  end: string;
}
export interface HolidayRow {
  id: string;
  date: string;
}
export type DayDraft = { open: boolean; ranges: Range[] };

/** A team's settings as the editor holds them: numbers as typed, rows with ids for React keys. */
export interface Draft {
  skills: SkillRow[];
  tiers: string;
  isDefault: boolean;
  sla: Record<Priority, string>;
  alwaysOpen: boolean;
  timeZone: string;
  weekly: Record<Weekday, DayDraft>;
  holidays: HolidayRow[];
}

/** A change to the draft, as a function of the previous one. */
export type Edit = (f: (d: Draft) => Draft) => void;

export const range = (start = '09:00', end = '17:00'): Range => ({ id: uid(), start, end });

export function draftOf(t: Team): Draft {
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

/** Blank holiday rows are not sent, so the server's indices count only the filled ones. */
export const sentHolidays = (d: Draft) => d.holidays.filter((h) => h.date.trim() !== '');

/** The PATCH /teams/:id body for a draft. */
export function teamBody(draft: Draft, team: Team) {
  const hours: BusinessHours | null = draft.alwaysOpen
    ? null
    : {
        timeZone: draft.timeZone.trim(),
        weekly: Object.fromEntries(DAYS.filter(({ key }) => draft.weekly[key].open).map(({ key }) => [key, draft.weekly[key].ranges.map((r) => ({ start: r.start.trim(), end: r.end.trim() }))])),
        holidays: sentHolidays(draft).map((h) => h.date.trim()),
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
}

/** Every place an error can be shown, so `placeError` picks the nearest one. */
export function errorKeys(draft: Draft): string[] {
  return [
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
    ...sentHolidays(draft).map((_, i) => `hours.holidays.${i}`),
  ];
}

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

/** `items` with the one whose id is `id` patched. */
export const patchById = <T extends { id: string }>(items: T[], id: string, patch: Partial<T>): T[] => items.map((x) => (x.id === id ? { ...x, ...patch } : x));
