import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatController, ChatState } from '../chat-controller.js';
import type { Lang, Strings } from '../i18n.js';
import { CallbackChoice } from './callback-choice.js';
import { CsatForm } from './csat-form.js';
import { IdentityCheck } from './identity-check.js';
import { attachmentStringsFor } from './attachment-strings.js';
import { Composer } from './composer.js';
import type { HandoffLive } from './message-item.js';
import { MessageItem } from './message-item.js';

interface Props {
  controller: ChatController;
  t: Strings;
  lang: Lang;
  /** The name the host page gave (`data-customer-name`), if any. */
  customerName: string | null;
}

function useChatState(c: ChatController): ChatState {
  const [, tick] = useState(0);
  useEffect(() => {
    const off = c.subscribe(() => tick((n) => n + 1));
    return () => void off();
  }, [c]);
  return c.state;
}

/** The launcher and the panel. */
export function App({ controller, t, lang, customerName }: Props) {
  const s = useChatState(controller);
  const launcher = useRef<HTMLButtonElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(s.open);
  const { unseen, onScroll, toBottom } = useStickToBottom(scroller, [s.open, s.messages.length, s.pending.length, s.awaitingReply, s.agentTyping, s.draft?.text, s.csat], s.pending.length);

  // Focus moves into the panel on open and back to the launcher on close.
  useEffect(() => {
    if (s.open && !wasOpen.current) scroller.current?.closest('.panel')?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
    if (!s.open && wasOpen.current) launcher.current?.focus();
    wasOpen.current = s.open;
  }, [s.open]);

  const lastEscalation = findLast(s.messages, (m) => m.action === 'escalate')?.id;
  const lastOffer = findLast(s.messages, (m) => m.action === 'offer_callback')?.id;
  // The code entry stays under the latest request to confirm identity, until the server confirms it.
  const verifyAsk = s.messages.some((m) => m.action === 'identity_verified') ? undefined : findLast(s.messages, (m) => m.action === 'verify_identity' || m.action === 'verify_address');
  // Quick replies stay open only on the latest message: once the customer answers, they go.
  const latest = s.messages.at(-1);
  const quickOpen = latest?.quickReplies?.length && s.pending.length === 0 ? latest.id : null;
  const live: HandoffLive = {
    caseNumber: s.caseNumber,
    waitMinutes: s.queue?.waitMinutes ?? s.handoffWait,
    position: s.queue?.position ?? null,
    waiting: s.status === 'waiting',
  };
  const close = () => controller.setOpen(false);
  const name = firstName(customerName ?? s.customerName);
  // A person is on the way or in the chat, or the case is closed: asking again would only add noise.
  const mayAskForPerson = s.status === null || s.status === 'ai';

  return (
    <div
      class="root"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && s.open) {
          e.stopPropagation();
          close();
        }
      }}
    >
      {s.open && (
        <section
          id="baton-panel"
          class="panel"
          role="dialog"
          aria-labelledby="baton-title"
        >
          <header class="head">
            <div class="head-text">
              <h2 id="baton-title">{s.agent ? s.agent.name : t.title}</h2>
              <p class="sub">{[s.agent ? t.withAgent(s.agent.team) : null, s.caseNumber ? t.caseLabel(s.caseNumber) : null].filter(Boolean).join(' · ') || t.subtitle}</p>
            </div>
            <button type="button" class="icon-btn" aria-label={t.closeChat} onClick={close}>
              <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round">
                <path d="M6 6l12 12M18 6L6 18" />
              </svg>
            </button>
          </header>
          {s.resumeFailed && (
            <p class="banner" role="status">
              {s.resumeFailed === 'used' ? t.resumeUsed : s.resumeFailed === 'expired' ? t.resumeExpired : t.resumeFailed}
            </p>
          )}
          {!s.live && (
            <p class="banner" role="status">
              {t.reconnecting}
            </p>
          )}
          {/* Focusable so keyboard users can scroll the history. */}
          <div class="scroll" ref={scroller} tabIndex={0} role="region" aria-label={t.history} onScroll={onScroll}>
            <AssistantRow className="greeting" t={t} text={name ? t.greetingNamed(name) : t.greeting} />
            <div class="log" role="log" aria-live="polite" aria-label={t.conversation}>
              {s.messages.map((m) => (
                <MessageItem
                  key={m.id}
                  message={m}
                  t={t}
                  lang={lang}
                  handoff={m.id === lastEscalation ? live : null}
                  choice={
                    m.id === lastOffer ? (
                      <CallbackChoice t={t} controller={controller} active={s.status === 'waiting'} />
                    ) : m.id === verifyAsk?.id ? (
                      <IdentityCheck controller={controller} lang={lang} needsAddress={m.action === 'verify_address'} />
                    ) : null
                  }
                  {...(m.id === quickOpen ? { onQuickReply: (label: string) => controller.send(label) } : {})}
                  fileUrl={(a, download) => controller.fileUrl(a, download)}
                />
              ))}
              {s.pending.map((p) => (
                <div key={p.clientMessageId} class={`row mine pending ${p.state}`}>
                  <div class="col">
                    <div class="meta">
                      <span class="who">{t.you}</span>
                    </div>
                    <div class="bubble">{p.text}</div>
                    <div class="note">
                      {p.state === 'sending' ? t.sending : p.state === 'retrying' ? t.retrying : t.failed}
                      {p.state === 'failed' && (
                        <button type="button" class="link" onClick={() => controller.retry(p.clientMessageId)}>
                          {t.retry}
                        </button>
                      )}
                    </div>
                  </div>
                </div>
              ))}
            </div>
            {s.draft && <AssistantRow className="draft" t={t} text={s.draft.text} busy />}
            {s.awaitingReply && !s.draft && (
              <div class="typing" role="status">
                <span class="sr-only">{t.typing}</span>
                <span class="dots" aria-hidden="true">
                  <i />
                  <i />
                  <i />
                </span>
              </div>
            )}
            {s.agentTyping && !s.awaitingReply && (
              <div class="typing agent-typing" role="status">
                <span class="dots" aria-hidden="true">
                  <i />
                  <i />
                  <i />
                </span>
                <span class="typing-who">{t.agentTyping(s.agentTyping)}</span>
              </div>
            )}
            {s.csat !== 'hidden' && <CsatForm t={t} state={s.csat} onSubmit={(score, comment) => void controller.submitCsat(score, comment)} />}
          </div>
          {/* A zero-height anchor, always there, so the pill coming and going never moves the history. */}
          <div class="pill-anchor">
            {unseen && (
              <button type="button" class="new-pill" onClick={toBottom}>
                {t.newMessages}
                <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round">
                  <path d="M12 5v14M6 13l6 6 6-6" />
                </svg>
              </button>
            )}
          </div>
          <Composer
            t={t}
            mayAskForPerson={mayAskForPerson}
            busy={s.pending.some((p) => p.state === 'sending')}
            cooldownUntil={s.talkCooldownUntil}
            onSend={(text) => controller.send(text)}
            onTyping={() => controller.noteTyping()}
            onAskForPerson={() => controller.askForPerson(t.talkToPersonText)}
            files={attachmentStringsFor(lang)}
            upload={s.upload}
            onFile={(file) => void controller.sendFile(file)}
          />
        </section>
      )}
      <button
        ref={launcher}
        type="button"
        class={`launcher${s.open ? ' is-open' : ''}`}
        aria-expanded={s.open}
        aria-controls="baton-panel"
        aria-label={s.open ? t.closeChat : t.openChat}
        onClick={() => controller.setOpen(!s.open)}
      >
        {s.open ? (
          <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round">
            <path d="M6 9l6 6 6-6" />
          </svg>
        ) : (
          <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round">
            <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12z" />
          </svg>
        )}
      </button>
    </div>
  );
}

/** The first word of a name, for a friendly greeting; null when there is none. */
function firstName(name: string | null | undefined): string | null {
  return name?.trim().split(/\s+/)[0] || null;
}

/** How close to the end (px) still counts as "reading the newest message". */
const NEAR_BOTTOM_PX = 48;

/**
 * Keeps the newest message in view while the customer is at the end of the history. Once they
 * scroll up to read, new messages do not pull them down: a "new messages" pill says there is more,
 * and takes them there. What they send themselves always scrolls to the end.
 */
function useStickToBottom(ref: { current: HTMLDivElement | null }, deps: unknown[], sent: number) {
  const [unseen, setUnseen] = useState(false);
  const atBottom = useRef(true);
  const lastTop = useRef(0);
  const lastSent = useRef(sent);
  const toBottom = () => {
    const el = ref.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    lastTop.current = el.scrollTop;
    atBottom.current = true;
    setUnseen(false);
  };
  useEffect(() => {
    const mine = sent > lastSent.current;
    lastSent.current = sent;
    if (atBottom.current || mine) toBottom();
    else setUnseen(true);
  }, deps);
  // Only the reader moves the view up: new content makes the history taller without moving it,
  // so a scroll event that arrives after it must not count as "scrolled away".
  const onScroll = () => {
    const el = ref.current;
    if (!el) return;
    const near = el.scrollHeight - el.scrollTop - el.clientHeight <= NEAR_BOTTOM_PX;
    if (near) {
      atBottom.current = true;
      setUnseen(false);
    } else if (el.scrollTop < lastTop.current) atBottom.current = false;
    lastTop.current = el.scrollTop;
  };
  return { unseen, onScroll, toBottom };
}

function findLast<T>(xs: T[], pred: (x: T) => boolean): T | undefined {
  for (let i = xs.length - 1; i >= 0; i--) if (pred(xs[i]!)) return xs[i];
  return undefined;
}

/** A bubble from the assistant that is not a stored message: the greeting, or a reply still being written. */
function AssistantRow({ className, t, text, busy }: { className: string; t: Strings; text: string; busy?: boolean }) {
  return (
    <div class={`row theirs ${className}`} aria-busy={busy ? 'true' : undefined}>
      <span class="avatar ai" aria-hidden="true">
        AI
      </span>
      <div class="col">
        <div class="meta">
          <span class="who">{t.assistant}</span>
          <span class="badge">{t.aiBadge}</span>
        </div>
        <div class="bubble">{text}</div>
      </div>
    </div>
  );
}
