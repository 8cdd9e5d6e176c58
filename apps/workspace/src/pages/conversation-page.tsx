import type { FormEvent } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, errorText } from '@baton/client';
import { BriefPanel } from '../components/brief-panel';
import { Composer } from '../components/composer';
import { Dialog } from '../components/dialog';
import { Link } from '../components/link';
import { Transcript } from '../components/transcript';
import { humanize } from '../hooks';
import type { THandoff as Handoff, TMessage as Message } from '@baton/contracts';
import { useWorkspace } from '../workspace';

const OUTCOMES = ['solved', 'workaround', 'not_solved', 'duplicate', 'escalated_elsewhere'] as const;
const VERDICTS = [
  ['needed', 'Needed a human'],
  ['unnecessary', 'Unnecessary (AI could have solved it)'],
  ['too_late', 'Too late (should have come sooner)'],
  ['wrong_team', 'Wrong team'],
] as const;

type Notice = { kind: 'ok' | 'error'; text: string } | null;

export function ConversationPage({ handoffId }: { handoffId: string }) {
  const { api, me, subscribe, refresh } = useWorkspace();
  const [handoff, setHandoff] = useState<Handoff | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<'transfer' | 'resolve' | 'handback' | null>(null);
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

  const loadMessages = useCallback(
    async (conversationId: string) => {
      const r = await api.get<{ messages: Message[] }>(`/conversations/${conversationId}/messages`);
      addMessages(r.messages);
    },
    [api, addMessages],
  );

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

  // Catch up on anything said while the stream was down.
  const { streamStatus } = useWorkspace();
  useEffect(() => {
    if (streamStatus === 'live' && conversationId) {
      void loadMessages(conversationId).catch(() => {});
      void loadHandoff().catch(() => {});
    }
  }, [streamStatus, conversationId, loadMessages, loadHandoff]);

  if (loadError)
    return (
      <div className="page">
        <p className="form-error" role="alert">
          {loadError}
        </p>
        <Link href="/">Back to the inbox</Link>
      </div>
    );
  if (!handoff)
    return (
      <div className="page">
        <p className="muted" role="status">
          Loading the brief…
        </p>
      </div>
    );

  const mineNow = handoff.status === 'assigned' && handoff.agentId === me.id;
  const canAct = handoff.status === 'assigned' && (mineNow || me.role !== 'agent');
  const canReply = canAct;
  const replyBlockedReason = handoff.status === 'waiting' ? 'Accept the handoff to reply to the customer.' : handoff.status === 'assigned' ? 'Another agent holds this conversation.' : `This handoff is ${handoff.status}.`;
  const articles = (handoff.brief.attempts ?? []).filter((a) => a.kind === 'article');

  const accept = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const r = await api.post<{ handoff: Handoff }>(`/handoffs/${handoff.id}/accept`);
      setHandoff(r.handoff);
      setNotice({ kind: 'ok', text: 'You accepted this conversation. The customer has been told you joined.' });
      refresh();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setNotice({ kind: 'error', text: err.code === 'HANDOFF_ERR_ALREADY_ACCEPTED' && !err.message.startsWith('you') ? 'Another agent took this one.' : err.message });
        void loadHandoff().catch(() => {});
      } else setNotice({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  const done = (h: Handoff, text: string) => {
    setHandoff(h);
    setDialog(null);
    setNotice({ kind: 'ok', text });
    refresh();
  };

  return (
    <div className="page conversation">
      <div className="conv-bar">
        <Link href="/" className="back-link">
          <span aria-hidden="true">←</span> Inbox
        </Link>
        <span className={`status status-${handoff.status}`} data-testid="handoff-status">
          {humanize(handoff.status)}
          {handoff.team ? ` · ${handoff.team}` : ''}
        </span>
        <div className="conv-actions" role="toolbar" aria-label="Conversation actions">
          {handoff.status === 'waiting' ? (
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void accept()}>
              Accept
            </button>
          ) : null}
          <button type="button" className="btn" disabled={!canAct} onClick={() => setDialog('transfer')}>
            Transfer
          </button>
          <button type="button" className="btn" disabled={!canAct} onClick={() => setDialog('handback')}>
            Hand back to AI
          </button>
          <button type="button" className="btn btn-success" disabled={!canAct} onClick={() => setDialog('resolve')}>
            Resolve
          </button>
        </div>
      </div>
      {notice ? (
        <p className={notice.kind === 'ok' ? 'notice notice-ok' : 'notice notice-error'} role={notice.kind === 'ok' ? 'status' : 'alert'} data-testid="notice">
          {notice.text}
        </p>
      ) : null}

      <BriefPanel handoff={handoff} />

      <div className="conv-body">
        <section className="panel conv-transcript" aria-labelledby="transcript-h">
          <h2 id="transcript-h" className="panel-title">
            Conversation
          </h2>
          <Transcript messages={messages} />
          <Composer key={handoff.id} conversationId={handoff.conversationId} suggestedReply={handoff.brief.suggestedReply ?? ''} canReply={canReply} replyBlockedReason={replyBlockedReason} onSent={(m) => {
              addMessages([m]);
              if (!m.private) void loadHandoff().catch(() => {});
            }} />
        </section>
        <aside className="conv-side" aria-label="Knowledge base">
          <section className="panel" aria-labelledby="kb-h">
            <h2 id="kb-h" className="panel-title">
              KB articles the AI tried
            </h2>
            {articles.length ? (
              <ul className="plain kb-list">
                {articles.map((a) => {
                  const sent = messages.find((m) => m.articleId === a.ref);
                  return (
                    <li key={`${a.ref}:${a.messageIndex}`}>
                      <a href={sent ? `#m-${sent.id}` : `#kb-${a.ref}`} className="kb-link" data-article={a.ref}>
                        {a.title}
                      </a>
                      <span className="muted small"> {a.worked === true ? '· worked' : a.worked === false ? '· did not help' : '· result unknown'}</span>
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="muted small">The AI did not send any articles.</p>
            )}
          </section>
          {handoff.resolution ? (
            <section className="panel" aria-labelledby="res-h">
              <h2 id="res-h" className="panel-title">
                Resolution
              </h2>
              <dl className="kv" data-testid="resolution">
                <dt>Category</dt>
                <dd>{handoff.resolution.category}</dd>
                <dt>Outcome</dt>
                <dd>{humanize(handoff.resolution.outcome)}</dd>
                <dt>Verdict</dt>
                <dd>{humanize(handoff.resolution.verdict)}</dd>
              </dl>
            </section>
          ) : null}
        </aside>
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

function TransferForm({ handoff, onDone }: { handoff: Handoff; onDone(h: Handoff, to: string): void }) {
  const { api, teams, agents, me } = useWorkspace();
  const [kind, setKind] = useState<'team' | 'agent'>('team');
  const otherTeams = teams.filter((t) => t.id !== handoff.teamId);
  const [teamId, setTeamId] = useState(otherTeams[0]?.id ?? teams[0]?.id ?? '');
  const others = agents.filter((a) => a.id !== me.id);
  const [agentId, setAgentId] = useState(others[0]?.id ?? '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ field?: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ handoff: Handoff }>(`/handoffs/${handoff.id}/transfer`, { ...(kind === 'team' ? { teamId } : { agentId }), note });
      onDone(r.handoff, kind === 'team' ? (teams.find((t) => t.id === teamId)?.name ?? 'the team') : (agents.find((a) => a.id === agentId)?.name ?? 'the agent'));
    } catch (err) {
      setError({ ...(err instanceof ApiError && err.field ? { field: err.field } : {}), text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="dialog-form">
      <fieldset className="radio-row">
        <legend>Transfer to</legend>
        <label>
          <input type="radio" name="transfer-kind" checked={kind === 'team'} onChange={() => setKind('team')} /> A team
        </label>
        <label>
          <input type="radio" name="transfer-kind" checked={kind === 'agent'} onChange={() => setKind('agent')} /> An agent
        </label>
      </fieldset>
      {kind === 'team' ? (
        <div className="field">
          <label htmlFor="transfer-team">Team</label>
          <select id="transfer-team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
                {t.id === handoff.teamId ? ' (current)' : ''}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="field">
          <label htmlFor="transfer-agent">Agent</label>
          <select id="transfer-agent" value={agentId} onChange={(e) => setAgentId(e.target.value)}>
            {others.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} — {a.presence}, {a.load ?? 0}/{a.capacity}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="transfer-note">Note for them (private)</label>
        <textarea id="transfer-note" rows={3} required value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={error?.field === 'note' ? true : undefined} aria-describedby={error ? 'transfer-error' : undefined} />
      </div>
      {error ? (
        <p id="transfer-error" className="form-error" role="alert">
          {error.text}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !note.trim() || (kind === 'team' ? !teamId : !agentId)}>
          Transfer
        </button>
      </div>
    </form>
  );
}

function HandBackForm({ handoff, onDone }: { handoff: Handoff; onDone(h: Handoff): void }) {
  const { api } = useWorkspace();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone((await api.post<{ handoff: Handoff }>(`/handoffs/${handoff.id}/hand-back`, note.trim() ? { note } : {})).handoff);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="dialog-form">
      <p className="muted">The assistant takes the conversation back. The customer can ask for a person again at any time.</p>
      <div className="field">
        <label htmlFor="handback-note">Note (optional)</label>
        <textarea id="handback-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Hand back
        </button>
      </div>
    </form>
  );
}

function ResolveForm({ handoff, onDone }: { handoff: Handoff; onDone(h: Handoff): void }) {
  const { api } = useWorkspace();
  const [category, setCategory] = useState(handoff.brief.intent?.topics[0] ?? '');
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>('solved');
  const [verdict, setVerdict] = useState<(typeof VERDICTS)[number][0]>('needed');
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ field?: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone((await api.post<{ handoff: Handoff }>(`/handoffs/${handoff.id}/resolve`, { category, outcome, verdict, ...(note.trim() ? { note } : {}) })).handoff);
    } catch (err) {
      setError({ ...(err instanceof ApiError && err.field ? { field: err.field } : {}), text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="dialog-form">
      <div className="field">
        <label htmlFor="resolve-category">Category</label>
        <input id="resolve-category" list="resolve-categories" required value={category} onChange={(e) => setCategory(e.target.value)} aria-invalid={error?.field === 'category' ? true : undefined} />
        <datalist id="resolve-categories">
          {['orders', 'billing', 'account', 'technical', 'shipping', 'returns', 'general'].map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor="resolve-outcome">Outcome</label>
        <select id="resolve-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)}>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {humanize(o)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>Was the handoff…</legend>
        <div className="radio-col">
          {VERDICTS.map(([v, label]) => (
            <label key={v}>
              <input type="radio" name="verdict" value={v} checked={verdict === v} onChange={() => setVerdict(v)} /> {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="resolve-note">Note (optional)</label>
        <textarea id="resolve-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error.text}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="submit" className="btn btn-success" disabled={busy || !category.trim()}>
          Resolve
        </button>
      </div>
    </form>
  );
}
