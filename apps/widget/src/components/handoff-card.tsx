import type { Strings } from '../i18n.js';
import type { TMessage as Message } from '@baton/contracts';
import type { HandoffLive } from './message-item.js';

interface Props {
  message: Message;
  t: Strings;
  time: string;
  live: HandoffLive | null;
}

/** The handoff notice (DESIGN §6): why, what to expect, the case number, and the live queue position. */
export function HandoffCard({ message, t, time, live }: Props) {
  return (
    <div class="handoff" role="group" aria-label={t.handoffTitle}>
      <div class="handoff-head">
        <span class="handoff-icon" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
            <path d="M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2" />
            <circle cx="9" cy="7" r="4" />
            <path d="M19 8v6M22 11h-6" />
          </svg>
        </span>
        <strong>{t.handoffTitle}</strong>
        <span class="time">{time}</span>
      </div>
      <p class="handoff-text">
        <span class="sr-only">{t.saidBy(t.assistant)} </span>
        {message.text}
      </p>
      {live && (
        <dl class="facts">
          {live.caseNumber && (
            <div>
              <dt>{t.caseNumber}</dt>
              <dd class="case">{live.caseNumber}</dd>
            </div>
          )}
          {live.waiting && live.waitMinutes !== null && (
            <div>
              <dt>{t.expectedWait}</dt>
              <dd>{t.minutes(live.waitMinutes)}</dd>
            </div>
          )}
          {live.waiting && (
            <div>
              <dt>{t.queuePosition}</dt>
              <dd class="position">{live.position ?? t.checking}</dd>
            </div>
          )}
        </dl>
      )}
    </div>
  );
}
