import { SmallButton } from '../../components/kit/buttons';
import { FilterSelect } from '../../components/kit/filter-select';
import { Segmented } from '../../components/kit/segmented';
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
      <Segmented label="Period" options={PERIODS.map((d) => [d, `${d} days`] as const)} value={filters.days} onChange={(days) => onChange({ days })} />
      <FilterSelect label="Team" value={filters.team} onChange={(team) => onChange({ team })} all="All teams" options={teams.map((t) => ({ value: t.name, label: t.name }))} />
      <FilterSelect label="Channel" value={filters.channel} onChange={(channel) => onChange({ channel })} all="All channels" options={CHANNELS.map((c) => ({ value: c, label: humanize(c) }))} />
      <SmallButton onClick={onRefresh} disabled={loading}>
        {loading ? 'Updating…' : 'Refresh'}
      </SmallButton>
    </div>
  );
}
