import { useState } from 'react';
import type { TDelivery, TEndpoint } from '@baton/contracts';
import { errorText } from '@baton/client';
import { SmallButton } from '../../components/kit/buttons';
import { actionsColumn, DataTable } from '../../components/kit/data-table';
import { InlineError } from '../../components/kit/notice';
import { useBusy } from '../../components/kit/use-busy';
import { formatTime } from '../../hooks';
import { useWorkspace } from '../../workspace';
import { STATUS_LABEL } from './endpoint-kinds';

function LastResponse({ d }: { d: TDelivery }) {
  return (
    <>
      {d.lastStatus !== null ? <span className="nowrap">HTTP {d.lastStatus}</span> : null}
      {d.lastError ? <span className="block delivery-error">{d.lastError}</span> : null}
      {d.lastStatus === null && !d.lastError ? <span className="muted">—</span> : null}
    </>
  );
}

function DeliveryStatus({ d }: { d: TDelivery }) {
  return (
    <>
      <span className={`delivery-status delivery-${d.status}`} data-testid="delivery-status">
        <span className="delivery-dot" aria-hidden="true" />
        {STATUS_LABEL[d.status]}
      </span>
      {d.status === 'failed' && d.nextAttemptAt ? <span className="muted small block">Next try {formatTime(d.nextAttemptAt)}</span> : null}
    </>
  );
}

/** The deliveries, one row each, with a Retry for the dead ones. */
export function DeliveriesTable({ rows, endpoints, filtered, onRetried }: { rows: TDelivery[] | null; endpoints: TEndpoint[]; filtered: boolean; onRetried(d: TDelivery): void }) {
  const { api } = useWorkspace();
  const [retrying, setRetrying] = useState<string | null>(null);
  const [retryError, setRetryError] = useState<{ id: string; text: string } | null>(null);
  const { run } = useBusy();
  const nameOf = (id: string) => endpoints.find((e) => e.id === id)?.name ?? 'Deleted endpoint';
  const retry = (d: TDelivery) =>
    run(async () => {
      setRetrying(d.id);
      setRetryError(null);
      try {
        onRetried((await api.post<{ delivery: TDelivery }>(`/notifications/deliveries/${encodeURIComponent(d.id)}/retry`)).delivery);
      } catch (err) {
        setRetryError({ id: d.id, text: errorText(err) });
      } finally {
        setRetrying(null);
      }
    });
  return (
    <DataTable<TDelivery>
      testId="deliveries"
      rows={rows}
      rowKey={(d) => d.id}
      rowProps={(d) => ({ 'data-delivery-id': d.id, 'data-status': d.status })}
      loading={<p className="muted">Loading deliveries…</p>}
      empty={<p className="empty">{filtered ? 'No deliveries match these filters.' : 'No deliveries yet. They appear here as events are sent to the endpoints.'}</p>}
      columns={[
        { header: 'Time', cellClassName: 'nowrap small', cell: (d) => formatTime(d.deliveredAt ?? d.createdAt) },
        { header: 'Endpoint', cell: (d) => nameOf(d.endpointId) },
        { header: 'Event', cell: (d) => <code className="small">{d.eventType}</code> },
        { header: 'Status', cell: (d) => <DeliveryStatus d={d} /> },
        { header: 'Attempts', headerClassName: 'num', cellClassName: 'num', cell: (d) => d.attempts },
        { header: 'Last response', cellClassName: 'small last-response', cell: (d) => <LastResponse d={d} /> },
        actionsColumn((d) => (
          <>
            {d.status === 'dead' ? (
              <SmallButton disabled={retrying === d.id} onClick={() => void retry(d)} aria-label={`Retry ${d.eventType} to ${nameOf(d.endpointId)}`}>
                {retrying === d.id ? 'Retrying…' : 'Retry'}
              </SmallButton>
            ) : null}
            <InlineError text={retryError?.id === d.id ? retryError.text : null} />
          </>
        )),
      ]}
    />
  );
}
