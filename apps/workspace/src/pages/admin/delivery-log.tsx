import { useCallback, useEffect, useState } from 'react';
import type { TDelivery, TDeliveryStatus, TEndpoint } from '@baton/contracts';
import { errorText } from '../../api';
import { SmallButton } from '../../components/kit/buttons';
import { MaybeNotice } from '../../components/kit/notice';
import { Panel } from '../../components/kit/panel';
import { useWorkspace } from '../../workspace';
import { DeliveriesTable } from './deliveries-table';
import { STATUS_LABEL } from './endpoint-kinds';

/** The delivery log: newest first, filtered by status and endpoint, with a retry for dead deliveries. */
export function DeliveryLog({ endpoints }: { endpoints: TEndpoint[] }) {
  const { api } = useWorkspace();
  const [status, setStatus] = useState<'' | TDeliveryStatus>('');
  const [endpoint, setEndpoint] = useState('');
  const [rows, setRows] = useState<TDelivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const q = new URLSearchParams();
    if (status) q.set('status', status);
    if (endpoint) q.set('endpoint', endpoint);
    try {
      const r = await api.get<{ deliveries: TDelivery[] }>(`/notifications/deliveries${q.toString() ? `?${q.toString()}` : ''}`);
      setRows(r.deliveries);
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, [api, status, endpoint]);

  // Deliveries change in the background (attempts, retries): re-read every few seconds while open.
  useEffect(() => {
    void load();
    const t = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, 4000);
    return () => clearInterval(t);
  }, [load]);

  const filters = (
    <div className="filters">
      <label className="filter">
        Status
        <select value={status} onChange={(e) => setStatus(e.target.value as '' | TDeliveryStatus)}>
          <option value="">All</option>
          {(Object.keys(STATUS_LABEL) as TDeliveryStatus[]).map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        Endpoint
        <select value={endpoint} onChange={(e) => setEndpoint(e.target.value)}>
          <option value="">All</option>
          {endpoints.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </label>
      <SmallButton onClick={() => void load()}>Refresh</SmallButton>
    </div>
  );
  return (
    <Panel id="deliveries" headingId="deliveries-h" title="Delivery log" actions={filters}>
      <MaybeNotice kind="error" text={error} />
      <DeliveriesTable rows={rows} endpoints={endpoints} filtered={Boolean(status || endpoint)} onRetried={(d) => setRows((rs) => rs?.map((x) => (x.id === d.id ? d : x)) ?? rs)} />
    </Panel>
  );
}
