import { useState } from 'react';
import type { TEndpoint } from '@baton/contracts';
import { SmallButton } from '../../components/kit/buttons';
import { actionsColumn, DataTable } from '../../components/kit/data-table';
import { InlineError } from '../../components/kit/notice';
import { kindInfo } from './endpoint-kinds';

interface RowActions {
  onEdit(e: TEndpoint): void;
  onRotate(e: TEndpoint): void;
  onDelete(e: TEndpoint): void;
  /** The last failed row action, shown on its row. */
  rowError: { id: string; text: string } | null;
}

/** The endpoints with what they receive, and per-row edit, rotate (webhooks) and a confirmed delete. */
export function EndpointsTable({ endpoints, ...actions }: RowActions & { endpoints: TEndpoint[] | null }) {
  return (
    <DataTable<TEndpoint>
      testId="endpoints"
      rows={endpoints}
      rowKey={(e) => e.id}
      rowProps={(e) => ({ 'data-endpoint-id': e.id })}
      loading={<p className="muted">Loading endpoints…</p>}
      empty={<p className="empty">No endpoints yet. Add one to be told about new handoffs outside the workspace.</p>}
      columns={[
        {
          header: 'Endpoint',
          rowHeader: true,
          cell: (e) => (
            <>
              {e.name} <span className="chip chip-small">{kindInfo(e.kind).label}</span>
              <span className="muted small block target">{e.target}</span>
              {e.hasSecret ? <span className="muted small block target">Secret set</span> : null}
            </>
          ),
        },
        { header: 'Events', cellClassName: 'small', cell: (e) => (e.events.length ? e.effectiveEvents.join(', ') : <span title={e.effectiveEvents.join(', ')}>Default ({e.effectiveEvents.length})</span>) },
        { header: 'Priority', cellClassName: 'small', cell: (e) => (e.minPriority ? `${e.minPriority} and above` : 'Any') },
        { header: 'State', cell: (e) => <span className={`status ${e.active ? 'status-resolved' : ''}`}>{e.active ? 'Active' : 'Paused'}</span> },
        actionsColumn((e) => <EndpointActions endpoint={e} {...actions} />),
      ]}
    />
  );
}

function EndpointActions({ endpoint: e, onEdit, onRotate, onDelete, rowError }: RowActions & { endpoint: TEndpoint }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      {confirming ? (
        <span className="confirm" role="group" aria-label={`Delete ${e.name}?`}>
          <span className="small">Delete?</span>
          <SmallButton className="btn-danger" onClick={() => onDelete(e)}>
            Delete {e.name}
          </SmallButton>
          <SmallButton onClick={() => setConfirming(false)}>Cancel</SmallButton>
        </span>
      ) : (
        <span className="row-actions">
          <SmallButton onClick={() => onEdit(e)} aria-label={`Edit ${e.name}`}>
            Edit
          </SmallButton>
          {e.kind === 'webhook' ? (
            <SmallButton onClick={() => onRotate(e)} aria-label={`Rotate secret of ${e.name}`}>
              Rotate secret
            </SmallButton>
          ) : null}
          <SmallButton onClick={() => setConfirming(true)} aria-label={`Delete ${e.name}`}>
            Delete
          </SmallButton>
        </span>
      )}
      <InlineError text={rowError?.id === e.id ? rowError.text : null} />
    </>
  );
}
