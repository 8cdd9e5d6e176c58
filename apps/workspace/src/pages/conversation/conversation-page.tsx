import { useEffect, useState } from 'react';
import { ApiError, errorText } from '@baton/client';
import { BriefPanel } from '../../components/brief/brief-panel';
import { Composer } from '../../components/composer/composer';
import { Dialog } from '../../components/dialog';
import { Notice } from '../../components/kit/notice';
import { useBusy } from '../../components/kit/use-busy';
import { Transcript } from '../../components/transcript';
import type { THandoff as Handoff } from '@baton/contracts';
import { useWorkspace } from '../../workspace';
import { ConversationBar } from './conversation-bar';
import type { ActionDialog } from './conversation-bar';
import { ConversationSide } from './conversation-side';
import { HandoffPending } from './handoff-pending';
import { HandBackForm } from './hand-back-form';
import { ResolveForm } from './resolve-form';
import { TransferForm } from './transfer-form';
import { useCustomerActivity } from './use-customer-activity';
import { useHandoff } from './use-handoff';

type NoticeState = { kind: 'ok' | 'error'; text: string } | null;

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
  const replyBlockedReason = handoff.status === 'waiting' ? 'Accept the handoff to reply to the customer.' : handoff.status === 'assigned' ? 'Another agent holds this conversation.' : `This handoff is ${handoff.status}.`;

  const accept = () =>
    accepting.run(async () => {
      setNotice(null);
      try {
        setHandoff((await api.post<{ handoff: Handoff }>(`/handoffs/${handoff.id}/accept`)).handoff);
        setNotice({ kind: 'ok', text: 'You accepted this conversation. The customer has been told you joined.' });
        refresh();
      } catch (err) {
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
        </Notice>
      ) : null}
      <BriefPanel handoff={handoff} />
      <div className="conv-body">
        <section className="panel conv-transcript" aria-labelledby="transcript-h">
          <h2 id="transcript-h" className="panel-title">
            Conversation
          </h2>
          <Transcript messages={messages} seenUpTo={activity.readSeq} />
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
