import { useEffect, useState } from 'react';
import { errorText } from '@baton/client';
import type { THistoryResponse } from '@baton/contracts';
import { useWorkspace } from '../../workspace';
import { ConversationSummaryRow } from '../search/conversation-summary-row';

/** The customer's earlier conversations and how each ended, beside the brief. */
export function CustomerHistory({ handoffId }: { handoffId: string }) {
  const { api } = useWorkspace();
  const [history, setHistory] = useState<THistoryResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api
      .get<THistoryResponse>(`/handoffs/${encodeURIComponent(handoffId)}/history`)
      .then((h) => live && setHistory(h))
      .catch((err: unknown) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [api, handoffId]);
  return (
    <section className="panel" aria-labelledby="history-h" data-testid="customer-history">
      <h2 id="history-h" className="panel-title">
        Customer history
      </h2>
      {error ? <p className="form-error">{error}</p> : null}
      {!history && !error ? <p className="muted small">Loading…</p> : null}
      {history ? (
        history.conversations.length ? (
          <ul className="plain summary-list">
            {history.conversations.map((c) => (
              <ConversationSummaryRow key={c.id} c={c} showCustomer={false} />
            ))}
          </ul>
        ) : (
          <p className="muted small">No earlier conversations with this customer.</p>
        )
      ) : null}
    </section>
  );
}
