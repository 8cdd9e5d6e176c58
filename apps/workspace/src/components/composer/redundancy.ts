import { useEffect, useRef, useState } from 'react';
import type { HttpClient as Api } from '@baton/client';
import type { TRedundancyCheck } from '@baton/contracts';

/** What `POST /conversations/:id/redundancy-check` found: the draft asks for something the brief holds. */
export type RedundantAsk = NonNullable<TRedundancyCheck['match']>;

const CHECK_DEBOUNCE_MS = 400;

const FIELD_NAMES: Record<string, string> = {
  order_number: 'order number',
  invoice_number: 'invoice number',
  tracking_number: 'tracking number',
  email: 'email address',
  phone: 'phone number',
  account_id: 'account ID',
  error_code: 'error code',
  version: 'version',
  browser: 'browser',
  device: 'device',
  name: 'name',
};

/** "The brief already has the order number: #4821." */
export function redundancyText(m: RedundantAsk): string {
  const numbered = (m.field === 'order_number' || m.field === 'invoice_number') && /^\d+$/.test(m.value);
  return `The brief already has the ${FIELD_NAMES[m.field] ?? m.field.replace(/_/g, ' ')}: ${numbered ? `#${m.value}` : m.value}.`;
}

export async function checkRedundancy(api: Api, conversationId: string, text: string): Promise<RedundantAsk | null> {
  const r = await api.post<TRedundancyCheck>(`/conversations/${conversationId}/redundancy-check`, { text });
  return r.redundant && r.match ? r.match : null;
}

/**
 * The redundant ask found in a reply, checked while the agent types (debounced; a stale answer, for
 * a draft that has changed since, is dropped). `flag` records one found by the check before sending.
 */
export function useRedundancyWarning(api: Api, conversationId: string, reply: string, active: boolean) {
  const [warning, setWarning] = useState<{ text: string; match: RedundantAsk } | null>(null);
  const checkSeq = useRef(0);

  useEffect(() => {
    if (!active || !reply.trim()) return;
    const seq = ++checkSeq.current;
    const t = setTimeout(() => {
      checkRedundancy(api, conversationId, reply).then(
        (match) => {
          if (seq !== checkSeq.current) return;
          setWarning(match ? { text: reply, match } : null);
        },
        () => {
          /* the check is advice: without it the agent can still send */
        },
      );
    }, CHECK_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [api, conversationId, active, reply]);

  const flag = (text: string, match: RedundantAsk) => {
    checkSeq.current++;
    setWarning({ text, match });
  };
  /** Shown only for the reply it was found in. */
  const shown = active && warning && warning.text === reply ? warning.match : null;
  return { shown, flag, clear: () => setWarning(null) };
}
