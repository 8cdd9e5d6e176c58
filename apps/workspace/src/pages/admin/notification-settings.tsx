import { useCallback, useEffect, useState } from 'react';
import type { TEndpoint } from '@baton/contracts';
import { errorText } from '@baton/client';
import { MaybeNotice } from '../../components/kit/notice';
import { Panel } from '../../components/kit/panel';
import { useWorkspace } from '../../workspace';
import { DeliveryLog } from './delivery-log';
import { endpointPath } from './endpoint-kinds';
import { EndpointForm } from './endpoint-form';
import { EndpointsTable } from './endpoints-table';
import { SecretOnce } from './secret-once';

/** Endpoints and the delivery log (admin). */
export function NotificationSettings() {
  const { api } = useWorkspace();
  const [endpoints, setEndpoints] = useState<TEndpoint[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<TEndpoint | 'new' | null>(null);
  const [revealed, setRevealed] = useState<{ name: string; secret: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [rowError, setRowError] = useState<{ id: string; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      setEndpoints((await api.get<{ endpoints: TEndpoint[] }>('/notifications/endpoints')).endpoints);
      setLoadError(null);
    } catch (err) {
      setLoadError(errorText(err));
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  /** Runs a row's action; a failure is shown on that row. */
  const onRow = (e: TEndpoint, action: () => Promise<void>) => {
    setRowError(null);
    action().catch((err: unknown) => setRowError({ id: e.id, text: errorText(err) }));
  };
  const rotate = (e: TEndpoint) =>
    onRow(e, async () => {
      setNotice(null);
      const r = await api.patch<{ endpoint: TEndpoint }>(endpointPath(e.id), { rotateSecret: true });
      if (r.endpoint.secret) setRevealed({ name: r.endpoint.name, secret: r.endpoint.secret });
      await load();
    });
  const remove = (e: TEndpoint) =>
    onRow(e, async () => {
      await api.del(endpointPath(e.id));
      setNotice(`${e.name} deleted.`);
      if (editing !== 'new' && editing?.id === e.id) setEditing(null);
      await load();
    });
  const edit = (e: TEndpoint | 'new') => {
    setEditing(e);
    setNotice(null);
  };

  const add =
    editing === null ? (
      <button type="button" className="btn btn-primary btn-small" onClick={() => edit('new')}>
        Add endpoint
      </button>
    ) : null;
  return (
    <>
      <Panel id="notifications" headingId="endpoints-h" title="Notification endpoints" actions={add}>
        <p className="hint section-note">Baton tells other systems when a handoff needs a person: signed webhooks, Slack, SMS for critical handoffs, and email.</p>
        {revealed ? <SecretOnce {...revealed} onDone={() => setRevealed(null)} /> : null}
        <MaybeNotice kind="ok" text={notice} />
        <MaybeNotice kind="error" text={loadError} />
        <EndpointsTable endpoints={endpoints} onEdit={edit} onRotate={rotate} onDelete={remove} rowError={rowError} />
        {editing !== null ? (
          <EndpointForm
            key={editing === 'new' ? 'new' : editing.id}
            endpoint={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={async (e, created) => {
              setEditing(null);
              if (e.secret) setRevealed({ name: e.name, secret: e.secret });
              setNotice(created ? `${e.name} added.` : `${e.name} saved.`);
              await load();
            }}
          />
        ) : null}
      </Panel>
      <DeliveryLog endpoints={endpoints ?? []} />
    </>
  );
}
