import { useCallback, useEffect, useRef, useState } from 'react';
import type { TConversationState } from '@baton/contracts';
import { useWorkspace } from '../../workspace';

/** The customer's "typing…" stays this long after their last keystroke signal. */
const TYPING_SHOWN_MS = 5000;
/** This agent's "typing" goes to the customer at most this often. */
const TYPING_EVERY_MS = 2000;

/**
 * What the customer is doing right now in one conversation, from the stream's signals: typing,
 * and how far they have read (agents see "Seen" under their messages up to it, also after a
 * reload). `noteTyping` tells the customer this agent is typing, rate-limited.
 */
export function useCustomerActivity(conversationId: string | undefined) {
  const { api, subscribeSignals, sendFrame } = useWorkspace();
  const [readSeq, setReadSeq] = useState(0);
  const [typing, setTyping] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastSent = useRef(0);

  useEffect(() => {
    if (!conversationId) return;
    let live = true;
    api
      .get<TConversationState>(`/conversations/${conversationId}`)
      .then((r) => live && setReadSeq((old) => Math.max(old, r.conversation.customerReadSeq)))
      .catch(() => {});
    const off = subscribeSignals((s) => {
      if (s.conversationId !== conversationId) return;
      if (s.type === 'seen') setReadSeq((old) => Math.max(old, s.seq));
      else if (s.who.kind === 'customer') {
        setTyping(true);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => setTyping(false), TYPING_SHOWN_MS);
      }
    });
    return () => {
      live = false;
      off();
      clearTimeout(timer.current);
    };
  }, [api, conversationId, subscribeSignals]);

  const noteTyping = useCallback(() => {
    const now = Date.now();
    if (!conversationId || now - lastSent.current < TYPING_EVERY_MS) return;
    if (sendFrame({ type: 'typing', conversationId })) lastSent.current = now;
  }, [conversationId, sendFrame]);

  /** A message from the customer ends their typing. */
  const stopTyping = useCallback(() => setTyping(false), []);

  return { readSeq, typing, noteTyping, stopTyping };
}
