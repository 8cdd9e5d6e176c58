import { DataTable, Named } from '../../components/kit/data-table';
import type { TAgent as Agent } from '@baton/contracts';
import { useWorkspace } from '../../workspace';

function Load({ load, capacity }: { load: number; capacity: number }) {
  return (
    <span className="load">
      <span className="load-bar" aria-hidden="true">
        <span style={{ width: `${capacity ? Math.min(100, (load / capacity) * 100) : 0}%` }} className={load >= capacity ? 'full' : ''} />
      </span>
      {load}/{capacity}
    </span>
  );
}

/** Each agent's presence and load against their capacity. */
export function AgentsLoadTable() {
  const { agents } = useWorkspace();
  return (
    <DataTable<Agent>
      testId="agents"
      rows={agents}
      rowKey={(a) => a.id}
      columns={[
        { header: 'Agent', rowHeader: true, cell: (a) => <Named name={a.name} detail={a.role} /> },
        {
          header: 'Presence',
          cell: (a) => (
            <span className={`presence-pill presence-${a.presence}`}>
              <span className="presence-dot" aria-hidden="true" />
              {a.presence}
            </span>
          ),
        },
        { header: 'Load', cell: (a) => <Load load={a.load ?? 0} capacity={a.capacity} /> },
      ]}
    />
  );
}
