import { useCallback, useEffect, useState } from 'react';
import { Panel } from '../../components/kit/panel';
import { useNow } from '../../hooks';
import type { THandoff as Handoff } from '@baton/contracts';
import { byQueueOrder } from '../../queue-order';
import { useWorkspace } from '../../workspace';
import { AgentsLoadTable } from './agents-load-table';
import { AtRiskList } from './at-risk-list';
import { QueuesTable } from './queues-table';

const AT_RISK_MS = 5 * 60_000;

/** Queues per team, each agent's load, and what is about to miss (or missed) its SLA. */
export function SupervisorPage() {
  const { api, waiting, subscribe, refreshDirectory } = useWorkspace();
  const [assigned, setAssigned] = useState<Handoff[]>([]);
  const now = useNow(5000);

  const loadAssigned = useCallback(async () => {
    try {
      setAssigned((await api.get<{ handoffs: Handoff[] }>('/handoffs?status=assigned')).handoffs);
    } catch {
      /* retried on the next event */
    }
  }, [api]);

  useEffect(() => {
    void loadAssigned();
    void refreshDirectory();
    return subscribe((e) => {
      if (e.type.startsWith('handoff.')) void loadAssigned();
    });
  }, [loadAssigned, refreshDirectory, subscribe]);

  const atRisk = [...waiting, ...assigned.filter((h) => !h.firstHumanReplyAt)].filter((h) => new Date(h.slaDueAt).getTime() - now < AT_RISK_MS).sort(byQueueOrder);

  return (
    <div className="page">
      <div className="page-head">
        <h1>Supervisor</h1>
      </div>
      <Panel headingId="queues-h" title="Queues">
        <QueuesTable />
      </Panel>
      <div className="two-col">
        <Panel headingId="agents-h" title="Agents">
          <AgentsLoadTable />
        </Panel>
        <Panel headingId="risk-h" title={<>SLA at risk <span className="count">{atRisk.length}</span></>}>
          <AtRiskList handoffs={atRisk} />
        </Panel>
      </div>
    </div>
  );
}
