import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, errorText } from '@baton/client';
import type { THandoff as Handoff, TMessage as Message } from '@baton/contracts';
import { useWorkspace } from '../../workspace';

/**
 * One handoff and its conversation's messages, kept current from the stream; what was said while
 * the stream was down is read again when it comes back. Opening it records that the brief was read.
 */
export function useHandoff(handoffId: string) {
  const { api, subscribe, streamStatus } = useWorkspace();
  const [handoff, setHandoff] = useState<Handoff | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const opened = useRef(false);

  const loadHandoff = useCallback(async () => {
    const r = await api.get<{ handoff: Handoff }>(`/handoffs/${handoffId}`);
    setHandoff(r.handoff);
    return r.handoff;
  }, [api, handoffId]);

  const addMessages = useCallback((ms: Message[]) => {
    setMessages((old) => {
      const byId = new Map(old.map((m) => [m.id, m]));
      for (const m of ms) byId.set(m.id, m);
      return [...byId.values()].sort((a, b) => a.seq - b.seq);
    });
  }, []);

  const loadMessages = useCallback(async (conversationId: string) => addMessages((await api.get<{ messages: Message[] }>(`/conversations/${conversationId}/messages`)).messages), [api, addMessages]);

  useEffect(() => {
    let live = true;
    loadHandoff()
      .then(async (h) => {
        if (!live) return;
        await loadMessages(h.conversationId);
        if (!opened.current) {
          opened.current = true;
          await api.post(`/handoffs/${h.id}/brief-opened`).catch(() => {});
        }
      })
      .catch((err: unknown) => live && setLoadError(err instanceof ApiError && err.status === 404 ? 'This handoff does not exist.' : errorText(err)));
    return () => {
      live = false;
    };
  }, [api, loadHandoff, loadMessages]);

  const conversationId = handoff?.conversationId;
  useEffect(() => {
    if (!conversationId) return;
    return subscribe((e) => {
      if (e.type === 'message.created' && e.conversationId === conversationId) {
        const m = e.payload.message as Message | undefined;
        if (m) addMessages([m]);
      } else if (e.handoffId === handoffId && (e.type.startsWith('handoff.') || e.type === 'conversation.status_changed')) {
        void loadHandoff().catch(() => {});
      }
    });
  }, [conversationId, handoffId, subscribe, addMessages, loadHandoff]);

  useEffect(() => {
    if (streamStatus === 'live' && conversationId) {
      void loadMessages(conversationId).catch(() => {});
      void loadHandoff().catch(() => {});
    }
  }, [streamStatus, conversationId, loadMessages, loadHandoff]);

  const reload = useCallback(() => void loadHandoff().catch(() => {}), [loadHandoff]);
  return { handoff, setHandoff, messages, addMessages, loadError, reload };
}
