import type { ReactNode } from 'react';
import { createElement, useEffect, useRef } from 'react';
import { renderMarkdown } from '@baton/client';
import { formatTime } from '../hooks';
import type { TMessage as Message } from '@baton/contracts';
import { AttachmentLinks } from './attachment-links';

const LABEL = { customer: 'Customer', ai: 'AI', agent: 'Agent', system: 'System' } as const;
/** How far a message got on WhatsApp, Messenger or Instagram, as the provider reported it. */
const DELIVERY = { pending: 'Sending', held: 'Waiting for the customer', sent: 'Sent', delivered: 'Delivered', read: 'Read', failed: 'Not delivered', skipped: 'Not sent' } as const;

/** A message's text: the customer's as typed; the AI's and agents' as safe Markdown (no HTML, safe links only). */
function MessageText({ m }: { m: Message }) {
  if (m.author.kind === 'customer' || m.private) return <p className="msg-text">{m.text}</p>;
  return createElement('div', { className: 'msg-text md' }, ...renderMarkdown<ReactNode>(m.text, (type, props, ...children) => createElement(type, props, ...children)));
}

/** The conversation as agents see it, private notes included. Text is never rendered as markup. */
export function Transcript({ messages, seenUpTo = 0 }: { messages: Message[]; /** The customer has read up to this message seq: "Seen" goes under the last agent reply they have seen. */ seenUpTo?: number }) {
  const ref = useRef<HTMLOListElement>(null);
  const seenId = messages.findLast((m) => m.author.kind === 'agent' && !m.private && m.seq <= seenUpTo)?.id;
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
          {m.text.trim() ? <MessageText m={m} /> : null}
          {m.attachments?.length ? <AttachmentLinks files={m.attachments} /> : null}
          {m.delivery ? (
            <p className={`msg-delivery msg-delivery-${m.delivery.status}`} data-testid="delivery">
              {DELIVERY[m.delivery.status]}
              {m.delivery.detail ? `: ${m.delivery.detail}` : ''}
            </p>
          ) : null}
          {m.id === seenId ? (
            <p className="msg-seen" data-testid="seen">
              Seen
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
