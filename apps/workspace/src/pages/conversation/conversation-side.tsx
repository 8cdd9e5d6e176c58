import { humanize } from '../../hooks';
import type { THandoff as Handoff, TMessage as Message } from '@baton/contracts';
import { CustomerHistory } from './customer-history';

/** The KB articles the AI sent before the handoff, each linked to where it was sent, and the resolution. */
export function ConversationSide({ handoff, messages }: { handoff: Handoff; messages: Message[] }) {
  const articles = (handoff.brief.attempts ?? []).filter((a) => a.kind === 'article');
  return (
    <aside className="conv-side" aria-label="Knowledge base and customer history">
      <CustomerHistory handoffId={handoff.id} />
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
            <dd>{handoff.resolution.verdict ? humanize(handoff.resolution.verdict) : 'None given'}</dd>
          </dl>
        </section>
      ) : null}
    </aside>
  );
}
