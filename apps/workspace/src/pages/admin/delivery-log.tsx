import { useCallback, useEffect, useState } from 'react';
import type { TDelivery, TDeliveryStatus, TEndpoint } from '@baton/contracts';
import { errorText } from '@baton/client';
import { SmallButton } from '../../components/kit/buttons';
import { FilterSelect } from '../../components/kit/filter-select';
import { MaybeNotice } from '../../components/kit/notice';
import { Panel } from '../../components/kit/panel';
import { useWorkspace } from '../../workspace';
import { DeliveriesTable } from './deliveries-table';
import { STATUS_LABEL } from './endpoint-kinds';

const STATUSES = (Object.keys(STATUS_LABEL) as TDeliveryStatus[]).map((s) => ({ value: s, label: STATUS_LABEL[s] }));

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
      <FilterSelect label="Status" value={status} onChange={(v) => setStatus(v as '' | TDeliveryStatus)} all="All" options={STATUSES} />
      <FilterSelect label="Endpoint" value={endpoint} onChange={setEndpoint} all="All" options={endpoints.map((e) => ({ value: e.id, label: e.name }))} />
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
