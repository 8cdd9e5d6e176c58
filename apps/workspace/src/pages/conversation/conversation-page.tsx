import { useEffect, useState } from 'react';
import { ApiError, errorText } from '@baton/client';
import { BriefPanel } from '../../components/brief/brief-panel';
import { ChannelWindow } from '../../components/composer/channel-window';
import { formatTime } from '../../hooks';
import { Composer } from '../../components/composer/composer';
import { Dialog } from '../../components/dialog';
import { Notice } from '../../components/kit/notice';
import { useBusy } from '../../components/kit/use-busy';
import { Transcript } from '../../components/transcript';
import type { THandoff as Handoff } from '@baton/contracts';
import { useWorkspace } from '../../workspace';
import { CallbackCard } from './callback-card';
import { ConversationBar } from './conversation-bar';
import type { ActionDialog } from './conversation-bar';
import { ConversationSide } from './conversation-side';
import { HandoffPending } from './handoff-pending';
import { HandBackForm } from './hand-back-form';
import { ResolveForm } from './resolve-form';
import { TransferForm } from './transfer-form';
import { useCustomerActivity } from './use-customer-activity';
import { useHandoff } from './use-handoff';

type NoticeState = { kind: 'ok' | 'error'; text: string; overCapacity?: boolean } | null;

/** One handoff: the brief, the transcript with the composer, the KB side, and the actions. */
export function ConversationPage({ handoffId }: { handoffId: string }) {
  const { api, me, refresh } = useWorkspace();
  const { handoff, setHandoff, messages, addMessages, loadError, reload } = useHandoff(handoffId);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [dialog, setDialog] = useState<ActionDialog | null>(null);
  const accepting = useBusy();
  const activity = useCustomerActivity(handoff?.conversationId);
  const lastCustomerSeq = messages.findLast((m) => m.author.kind === 'customer')?.seq;
  const { stopTyping } = activity;
  useEffect(() => stopTyping(), [lastCustomerSeq, stopTyping]);

  if (loadError || !handoff) return <HandoffPending error={loadError} />;

  const canAct = handoff.status === 'assigned' && (handoff.agentId === me.id || me.role !== 'agent');
  const replyBlockedReason =
    handoff.status === 'waiting'
      ? 'Accept the handoff to reply to the customer.'
      : handoff.status === 'assigned'
        ? 'Another agent holds this conversation.'
        : handoff.status === 'callback'
          ? `The customer booked ${handoff.callback?.kind === 'email' ? 'an email reply' : 'a callback'}: take it to reply.`
          : `This handoff is ${handoff.status}.`;

  const accept = (override = false) =>
    accepting.run(async () => {
      setNotice(null);
      try {
        setHandoff((await api.post<{ handoff: Handoff }>(`/handoffs/${handoff.id}/accept`, override ? { override: true } : {})).handoff);
        setNotice({ kind: 'ok', text: override ? 'You accepted this conversation beyond your capacity. The customer has been told you joined.' : 'You accepted this conversation. The customer has been told you joined.' });
        refresh();
      } catch (err) {
        if (err instanceof ApiError && err.code === 'HANDOFF_ERR_AGENT_AT_CAPACITY') {
          // Nothing changed on the server: the handoff still waits, so the page stays as it is.
          const supervisor = me.role !== 'agent';
          setNotice({
            kind: 'error',
            text: `You are at your capacity (${me.capacity} open conversations). Resolve, hand back or transfer one first${supervisor ? ', or accept this one beyond your capacity.' : ', or ask a supervisor to take it.'}`,
            overCapacity: supervisor,
          });
          return;
        }
        const taken = err instanceof ApiError && err.status === 409;
        setNotice({ kind: 'error', text: taken && err.code === 'HANDOFF_ERR_ALREADY_ACCEPTED' && !err.message.startsWith('you') ? 'Another agent took this one.' : errorText(err) });
        if (taken) reload();
      }
    });
  const done = (h: Handoff, text: string) => {
    setHandoff(h);
    setDialog(null);
    setNotice({ kind: 'ok', text });
    refresh();
  };

  return (
    <div className="page conversation">
      <ConversationBar handoff={handoff} canAct={canAct} accepting={accepting.busy} onAccept={() => void accept()} onOpen={setDialog} />
      {notice ? (
        <Notice kind={notice.kind} testId="notice">
          {notice.text}
          {notice.overCapacity && handoff.status === 'waiting' ? (
            <>
              {' '}
              <button type="button" className="btn btn-small" disabled={accepting.busy} onClick={() => void accept(true)}>
                Accept beyond capacity
              </button>
            </>
          ) : null}
        </Notice>
      ) : null}
      <CallbackCard
        handoff={handoff}
        onWorked={(h, outcome) =>
          done(
            h,
            outcome === 'call_now'
              ? 'It is yours: the customer is waiting for your call.'
              : outcome === 'done'
                ? 'Callback done. Resolve the conversation when you have finished.'
                : h.status === 'resolved'
                  ? 'No answer again: the callback is closed as unreachable and the customer was told.'
                  : `No answer recorded. The next try is booked for ${formatTime(h.callback?.at ?? undefined)}, and the customer was told.`,
          )
        }
      />
      <BriefPanel handoff={handoff} />
      <div className="conv-body">
        <section className="panel conv-transcript" aria-labelledby="transcript-h">
          <h2 id="transcript-h" className="panel-title">
            Conversation
          </h2>
          <Transcript messages={messages} seenUpTo={activity.readSeq} />
          <ChannelWindow conversationId={handoff.conversationId} refreshKey={messages.length} />
          {activity.typing ? (
            <p className="customer-typing" role="status" data-testid="customer-typing">
              The customer is typing…
            </p>
          ) : null}
          <Composer
            key={handoff.id}
            conversationId={handoff.conversationId}
            suggestedReply={handoff.brief.suggestedReply ?? ''}
            canReply={canAct}
            replyBlockedReason={replyBlockedReason}
            vars={{ customerName: handoff.brief.headline?.customerName, caseNumber: handoff.brief.caseNumber, agentName: me.name }}
            onTyping={activity.noteTyping}
            onSent={(m) => {
              addMessages([m]);
              if (!m.private) reload();
            }}
          />
        </section>
        <ConversationSide handoff={handoff} messages={messages} />
      </div>
      <Dialog open={dialog === 'transfer'} title="Transfer conversation" onClose={() => setDialog(null)}>
        <TransferForm handoff={handoff} onDone={(h, to) => done(h, `Transferred to ${to}. It is waiting in their queue.`)} />
      </Dialog>
      <Dialog open={dialog === 'handback'} title="Hand back to the AI" onClose={() => setDialog(null)}>
        <HandBackForm handoff={handoff} onDone={(h) => done(h, 'Handed back to the AI assistant.')} />
      </Dialog>
      <Dialog open={dialog === 'resolve'} title="Resolve conversation" onClose={() => setDialog(null)}>
        <ResolveForm handoff={handoff} onDone={(h) => done(h, 'Resolved. Thank you!')} />
      </Dialog>
    </div>
  );
}
