import type { ReactNode } from 'react';
import { useState } from 'react';
import { DataTable } from '../../components/kit/data-table';
import { Panel } from '../../components/kit/panel';
import { Segmented } from '../../components/kit/segmented';
import { humanize } from '../../hooks';
import type { RecurringEscalationsReport, RecurringGroup } from '../../metrics-types';
import { Trend } from './trend';

type Grouping = 'byReason' | 'byTopic' | 'byReasonAndTopic';
const TABS: [Grouping, string, string][] = [
  ['byReason', 'By reason', 'Reason'],
  ['byTopic', 'By topic', 'Topic'],
  ['byReasonAndTopic', 'Reason and topic', 'Reason · topic'],
];

/** Escalations that keep coming back, grouped by reason, topic or both, with their trend. */
export function RecurringPanel({ report, error, canSeeReports, days }: { report: RecurringEscalationsReport | null; error: string | null; canSeeReports: boolean; days: number }) {
  const [tab, setTab] = useState<Grouping>('byReason');
  const tabs = canSeeReports ? <Segmented<Grouping> small label="Group recurring escalations" options={TABS.map(([k, l]) => [k, l] as const)} value={tab} onChange={setTab} /> : null;
  return (
    <Panel level={3} headingId="recurring-h" title="Recurring escalations" actions={tabs} testId="recurring">
      {!canSeeReports ? (
        <p className="empty">Recurring escalations and KB gaps are reports for supervisors.</p>
      ) : error ? (
        <p className="form-error" role="alert">
          Could not load the reports: {error}
        </p>
      ) : !report ? (
        <p className="muted">Loading…</p>
      ) : (
        <RecurringTable groups={report[tab]} groupLabel={TABS.find(([k]) => k === tab)![2]} days={days} empty={<p className="empty">Nothing recurs yet. A reason or topic is listed here once it causes at least {report.minCount} handoffs in the period, with its trend against the {days} days before.</p>} />
      )}
    </Panel>
  );
}

function RecurringTable({ groups, groupLabel, days, empty }: { groups: RecurringGroup[]; groupLabel: string; days: number; empty: ReactNode }) {
  return (
    <DataTable<RecurringGroup>
      className="recurring-table"
      caption={`Escalations that recur, this period against the ${days} days before`}
      rows={groups}
      rowKey={(g) => `${g.reason ?? ''}|${g.topic ?? ''}`}
      empty={empty}
      columns={[
        {
          header: groupLabel,
          rowHeader: true,
          cell: (g) => (
            <>
              {[g.reason ? humanize(g.reason) : null, g.topic ? humanize(g.topic) : null].filter(Boolean).join(' · ')}
              {g.example ? <span className="muted small block">{g.example}</span> : null}
            </>
          ),
        },
        { header: 'Handoffs', headerClassName: 'num', cellClassName: 'num', cell: (g) => g.count },
        { header: 'Trend', cell: (g) => <Trend g={g} /> },
        { header: 'Latest cases', cellClassName: 'small', cell: (g) => g.examples.join(', ') },
      ]}
    />
  );
}
