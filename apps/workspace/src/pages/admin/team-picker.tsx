import type { TTeam as Team } from '@baton/contracts';

/** Which team the editor shows. */
export function TeamPicker({ teams, value, onSelect }: { teams: Team[]; value: string; onSelect(id: string): void }) {
  return (
    <div className="filter">
      <label htmlFor="team-edit-select">Team to edit</label>
      <select id="team-edit-select" value={value} onChange={(e) => onSelect(e.target.value)}>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </div>
  );
}
