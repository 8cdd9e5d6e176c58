import type { TKbArticle as Article, TKbArticleSummary as ArticleSummary } from '@baton/contracts';

export type { Article, ArticleSummary };

/** One article as the assistant sees it: category, title, tags, example questions and the text. */
export function KbArticle({ article: a }: { article: Article }) {
  return (
    <article aria-labelledby="kb-article-h" data-testid="kb-article">
      <p className="eyebrow">{a.category ?? 'No category'}</p>
      <h3 id="kb-article-h" className="kb-article-title">
        {a.title}
      </h3>
      {a.tags.length ? (
        <p className="kb-tags">
          {a.tags.map((t) => (
            <span key={t} className="chip">
              {t}
            </span>
          ))}
        </p>
      ) : null}
      {a.questions.length ? (
        <>
          <h4 className="kb-sub">Example questions</h4>
          <ul className="kb-questions">
            {a.questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h4 className="kb-sub">Article</h4>
      <div className="kb-body" data-testid="kb-body" tabIndex={0} role="region" aria-label={`Text of ${a.title}`}>
        {a.body}
      </div>
    </article>
  );
}

/** The articles, by category then title; the open one is marked current. */
export function KbIndex({ articles, openId, onOpen }: { articles: ArticleSummary[] | null; openId: string | undefined; onOpen(id: string): void }) {
  if (articles === null) return <p className="muted">Loading articles…</p>;
  if (articles.length === 0) return <p className="empty">No articles.</p>;
  return (
    <ul className="plain kb-articles" data-testid="kb-articles">
      {articles.map((a) => (
        <li key={a.id}>
          <button type="button" className={`kb-item${openId === a.id ? ' kb-item-open' : ''}`} aria-current={openId === a.id ? 'true' : undefined} onClick={() => onOpen(a.id)}>
            <span className="kb-item-title">{a.title}</span>
            <span className="muted small">
              {a.category ?? 'No category'} · {a.id}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
