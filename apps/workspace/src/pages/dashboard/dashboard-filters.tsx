import { SmallButton } from '../../components/kit/buttons';
import { humanize } from '../../hooks';
import { useWorkspace } from '../../workspace';

export const PERIODS = [7, 30, 90] as const;
const CHANNELS = ['web', 'email', 'whatsapp', 'messenger', 'api'] as const;

export interface Filters {
  days: (typeof PERIODS)[number];
  /** A team's name, or '' for all. */
  team: string;
  /** A channel, or '' for all. */
  channel: string;
}

/** The period, team and channel the dashboard shows, and a refresh. */
export function DashboardFilters({ filters, onChange, loading, onRefresh }: { filters: Filters; onChange(patch: Partial<Filters>): void; loading: boolean; onRefresh(): void }) {
  const { teams } = useWorkspace();
  return (
    <div className="filters" role="group" aria-label="Filters">
      <div className="segmented" role="group" aria-label="Period">
        {PERIODS.map((d) => (
          <button key={d} type="button" aria-pressed={filters.days === d} onClick={() => onChange({ days: d })}>
            {d} days
          </button>
        ))}
      </div>
      <label className="filter">
        <span>Team</span>
        <select value={filters.team} onChange={(e) => onChange({ team: e.target.value })}>
          <option value="">All teams</option>
          {teams.map((t) => (
            <option key={t.id} value={t.name}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>Channel</span>
        <select value={filters.channel} onChange={(e) => onChange({ channel: e.target.value })}>
          <option value="">All channels</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {humanize(c)}
            </option>
          ))}
        </select>
      </label>
      <SmallButton onClick={onRefresh} disabled={loading}>
        {loading ? 'Updating…' : 'Refresh'}
      </SmallButton>
    </div>
  );
}
