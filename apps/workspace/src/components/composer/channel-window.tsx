import { useEffect, useState } from 'react';
import type { TChannelState } from '@baton/contracts';
import { formatTime } from '../../hooks';
import { useWorkspace } from '../../workspace';

const CHANNEL = { whatsapp: 'WhatsApp', messenger: 'Messenger', instagram: 'Instagram' } as Record<string, string>;
const MODE = { free: 'Replies go as typed', template: 'Replies wait: a template asks the customer to write back', human_agent: 'Your reply goes tagged HUMAN_AGENT', held: 'Replies wait for the customer to write again' } as const;

/**
 * Above the composer, on WhatsApp, Messenger and Instagram: the 24-hour window, when it closes,
 * and what a reply will do now and why (docs/channels.md). Rechecked every minute, as the window
 * closes on its own; nothing on the web and by email, which have no window.
 */
export function ChannelWindow({ conversationId, refreshKey }: { conversationId: string; refreshKey: number }) {
  const { api } = useWorkspace();
  const [state, setState] = useState<TChannelState | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => void api.get<TChannelState>(`/channels/conversations/${conversationId}`).then((s) => live && setState(s), () => live && setState(null));
    load();
    const timer = setInterval(load, 60_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, conversationId, refreshKey]);
  if (!state || !CHANNEL[state.channel]) return null;
  const open = state.mode === 'free';
  return (
    <div className={`notice ${open ? 'notice-ok' : 'notice-warn'} channel-window`} role="status" data-testid="channel-window" data-mode={state.mode}>
      <strong>
        {CHANNEL[state.channel]}: {MODE[state.mode]}
        {open && state.windowClosesAt ? ` until ${formatTime(state.windowClosesAt)}` : ''}.
      </strong>{' '}
      {open ? null : <span>{state.why}</span>}
      {state.threadOwner && state.threadOwner !== 'baton' ? <span> The thread is held by another app (a person in the Page Inbox); a reply from here takes it back.</span> : null}
    </div>
  );
}
