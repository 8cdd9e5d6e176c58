import { useEffect, useRef } from 'react';
import { formatTime } from '../hooks';
import type { TMessage as Message } from '@baton/contracts';
import { AttachmentLinks } from './attachment-links';

const LABEL = { customer: 'Customer', ai: 'AI', agent: 'Agent', system: 'System' } as const;
/** How far a message got on WhatsApp, Messenger or Instagram, as the provider reported it. */
const DELIVERY = { pending: 'Sending', held: 'Waiting for the customer', sent: 'Sent', delivered: 'Delivered', read: 'Read', failed: 'Not delivered', skipped: 'Not sent' } as const;

/** The conversation as agents see it, private notes included. Text is always rendered as text. */
export function Transcript({ messages }: { messages: Message[] }) {
  const ref = useRef<HTMLOListElement>(null);
  const lastId = messages.at(-1)?.id;
  // Keep the newest message in view inside the transcript, without scrolling the page off the brief.
  useEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lastId]);
  return (
    <ol ref={ref} className="transcript" aria-label="Transcript" data-testid="transcript" tabIndex={0}>
      {messages.map((m) => (
        <li key={m.id} id={`m-${m.id}`} className={`msg msg-${m.author.kind}${m.private ? ' msg-private' : ''}`} data-testid="message" data-private={m.private ? 'true' : undefined}>
          <div className="msg-head">
            <span className={`role role-${m.author.kind}`}>{m.private ? 'Private note' : LABEL[m.author.kind]}</span>
            {m.author.name ? <span className="msg-name">{m.author.name}</span> : null}
            <time className="msg-time" dateTime={m.createdAt}>
              {formatTime(m.createdAt)}
            </time>
          </div>
          {m.text.trim() ? <p className="msg-text">{m.text}</p> : null}
          {m.attachments?.length ? <AttachmentLinks files={m.attachments} /> : null}
          {m.delivery ? (
            <p className={`msg-delivery msg-delivery-${m.delivery.status}`} data-testid="delivery">
              {DELIVERY[m.delivery.status]}
              {m.delivery.detail ? `: ${m.delivery.detail}` : ''}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
