import { DataTable } from '../../components/kit/data-table';
import type { Column } from '../../components/kit/data-table';
import { PriorityBadge } from '../../components/priority-badge';
import type { THandoff as Handoff, TPriority as Priority } from '@baton/contracts';
import { PRIORITIES } from '../../queue-order';
import { useWorkspace } from '../../workspace';

interface Queue {
  id: string | null;
  name: string;
  waiting: Handoff[];
}

const count = (q: Queue, p: Priority) => q.waiting.filter((h) => h.priority === p).length;

const COLUMNS: Column<Queue>[] = [
  { header: 'Team', rowHeader: true, cell: (q) => q.name },
  ...PRIORITIES.map(
    (p): Column<Queue> => ({
      header: <PriorityBadge priority={p} />,
      headerClassName: 'num',
      cellClassName: (q) => (count(q, p) ? 'num' : 'num muted'),
      cell: (q) => count(q, p),
    }),
  ),
  { header: 'Total', headerClassName: 'num', cellClassName: 'num', cell: (q) => <strong>{q.waiting.length}</strong> },
];

/** Waiting handoffs per team (and unrouted ones), by priority. */
export function QueuesTable() {
  const { waiting, teams } = useWorkspace();
  const queues: Queue[] = [...teams.map((t) => ({ id: t.id as string | null, name: t.name })), ...(waiting.some((h) => !h.teamId) ? [{ id: null, name: 'Unrouted' }] : [])].map((q) => ({ ...q, waiting: waiting.filter((h) => h.teamId === q.id) }));
  return <DataTable testId="queues" caption="Waiting handoffs per team, by priority" rows={queues} rowKey={(q) => q.id ?? 'none'} columns={COLUMNS} />;
}
