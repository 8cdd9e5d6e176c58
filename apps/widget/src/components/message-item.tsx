import type { ComponentChildren, VNode } from 'preact';
import { h } from 'preact';
import { renderMarkdown } from '@baton/client';
import type { Strings } from '../i18n.js';
import type { TMessage as Message } from '@baton/contracts';
import { AttachmentList } from './attachment-list.js';
import { attachmentStringsFor } from './attachment-strings.js';
import { HandoffCard } from './handoff-card.js';

export interface HandoffLive {
  caseNumber: string | null;
  waitMinutes: number | null;
  position: number | null;
  /** The customer is still in the queue (the card shows the live position). */
  waiting: boolean;
}

interface Props {
  message: Message;
  t: Strings;
  lang: string;
  /** Given for the latest handoff notice only. */
  handoff: HandoffLive | null;
  /** A form under the message: the after-hours choice under the latest offer, or the code entry under the latest request to confirm identity. */
  choice?: ComponentChildren;
  /** Given while the message's quick replies are still open (it is the latest message): sends a button's label. */
  onQuickReply?: (label: string) => void;
  /** Where a file of the conversation loads from. */
  fileUrl?: (a: { url: string }, download?: boolean) => string;
}

/** Who wrote it, in words: the AI is always "Assistant", a person is named. */
export function authorName(m: Message, t: Strings): string {
  switch (m.author.kind) {
    case 'customer':
      return t.you;
    case 'ai':
      return t.assistant;
    case 'agent':
      return m.author.name ?? t.agent;
    case 'system':
      return t.support;
  }
}

/** The messages that may carry a form under them. */
const CHOICE_ACTIONS = new Set(['offer_callback', 'verify_identity', 'verify_address']);

/** The bubble's content: a customer's text as typed; the assistant's and agents' as safe Markdown (no HTML, safe links only). */
function Body({ m }: { m: Message }) {
  if (m.author.kind === 'customer') return <div class="bubble">{m.text}</div>;
  return h('div', { class: 'bubble md' }, ...renderMarkdown<VNode>(m.text, (type, props, ...children) => h(type, props, ...children)));
}

/** One message. Text is never rendered as markup: Markdown becomes elements, HTML stays text. */
export function MessageItem({ message: m, t, lang, handoff, choice, onQuickReply, fileUrl }: Props) {
  const time = formatTime(m.createdAt, lang);
  if (m.action === 'escalate') return <HandoffCard message={m} t={t} time={time} live={handoff} />;
  if (m.author.kind === 'system') {
    return (
      <div class={`sys${m.action === 'agent_joined' ? ' sys-joined' : ''}`}>
        <span class="sr-only">{t.saidBy(t.support)} </span>
        {m.text}
      </div>
    );
  }
  const who = authorName(m, t);
  const mine = m.author.kind === 'customer';
  return (
    <div class={`row ${mine ? 'mine' : 'theirs'}`}>
      {!mine && (
        <span class={`avatar ${m.author.kind}`} aria-hidden="true">
          {m.author.kind === 'ai' ? 'AI' : initial(who)}
        </span>
      )}
      <div class="col">
        <div class="meta">
          <span class="who">{who}</span>
          {m.author.kind === 'ai' && <span class="badge">{t.aiBadge}</span>}
          <span class="time">{time}</span>
        </div>
        {m.text.trim() !== '' && <Body m={m} />}
        {m.attachments?.length && fileUrl ? <AttachmentList files={m.attachments} s={attachmentStringsFor(lang)} lang={lang} urlOf={fileUrl} /> : null}
        {CHOICE_ACTIONS.has(m.action ?? '') && choice}
        {onQuickReply && m.quickReplies?.length ? (
          <div class="quick" role="group" aria-label={t.quickReplies}>
            {m.quickReplies.map((q) => (
              <button key={q.id} type="button" class={`quick-btn quick-${q.id}`} onClick={() => onQuickReply(q.label)}>
                {q.label}
              </button>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}

function initial(name: string): string {
  return (name.trim()[0] ?? '?').toUpperCase();
}

export function formatTime(iso: string, lang: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
}
