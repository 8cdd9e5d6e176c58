import { useCallback, useEffect, useState } from 'react';
import { errorText } from '@baton/client';
import type { TKbArticle as Article, TKbArticleSummary as ArticleSummary, TKbReload } from '@baton/contracts';
import { count } from '../format';
import { useWorkspace } from '../workspace';

/** The KB the assistant answers from: the articles, one article's text, and a reload from disk. */
export function KnowledgeBaseSettings() {
  const { api } = useWorkspace();
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [open, setOpen] = useState<Article | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const r = await api.get<{ articles: ArticleSummary[] }>('/kb/articles');
      setArticles(r.articles.slice().sort((a, b) => (a.category ?? '').localeCompare(b.category ?? '') || a.title.localeCompare(b.title)));
      setLoadError(null);
    } catch (err) {
      setLoadError(errorText(err));
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  const view = async (id: string) => {
    setOpenError(null);
    try {
      setOpen((await api.get<{ article: Article }>(`/kb/articles/${encodeURIComponent(id)}`)).article);
    } catch (err) {
      setOpen(null);
      setOpenError(errorText(err));
    }
  };

  const reload = async () => {
    setReloading(true);
    setResult(null);
    try {
      const r = await api.post<TKbReload>('/kb/reload');
      setResult({ ok: true, text: `Reloaded ${count(r.articles, 'article')} from disk in ${Math.round(r.ms)} ms (KB version ${r.version}).` });
      await load();
      if (open) await view(open.id);
    } catch (err) {
      setResult({ ok: false, text: `Nothing changed: the KB in use is kept. ${errorText(err)}` });
    } finally {
      setReloading(false);
    }
  };

  return (
    <section className="panel" id="kb" aria-labelledby="kb-h">
      <div className="panel-head">
        <h2 id="kb-h" className="panel-title">
          Knowledge base {articles ? <span className="count" data-testid="kb-count">{count(articles.length, 'article')}</span> : null}
        </h2>
        <button type="button" className="btn btn-small" onClick={() => void reload()} disabled={reloading} aria-describedby="kb-reload-hint">
          {reloading ? 'Reloading…' : 'Reload from disk'}
        </button>
      </div>
      <p id="kb-reload-hint" className="hint section-note">
        The assistant answers from these Markdown files. After editing them on the server, reload: a file with a mistake is named and the KB in use stays as it is.
      </p>
      {result ? (
        <p className={`notice ${result.ok ? 'notice-ok' : 'notice-error'}`} role={result.ok ? 'status' : 'alert'} data-testid="kb-result">
          {result.text}
        </p>
      ) : null}
      {loadError ? (
        <p className="notice notice-error" role="alert">
          {loadError}
        </p>
      ) : null}
      <div className="kb-grid">
        <div className="kb-index">
          {articles === null ? (
            <p className="muted">Loading articles…</p>
          ) : articles.length === 0 ? (
            <p className="empty">No articles.</p>
          ) : (
            <ul className="plain kb-articles" data-testid="kb-articles">
              {articles.map((a) => (
                <li key={a.id}>
                  <button type="button" className={`kb-item${open?.id === a.id ? ' kb-item-open' : ''}`} aria-current={open?.id === a.id ? 'true' : undefined} onClick={() => void view(a.id)}>
                    <span className="kb-item-title">{a.title}</span>
                    <span className="muted small">
                      {a.category ?? 'No category'} · {a.id}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="kb-detail">
          {openError ? (
            <p className="notice notice-error" role="alert">
              {openError}
            </p>
          ) : open ? (
            <article aria-labelledby="kb-article-h" data-testid="kb-article">
              <p className="eyebrow">{open.category ?? 'No category'}</p>
              <h3 id="kb-article-h" className="kb-article-title">
                {open.title}
              </h3>
              {open.tags.length ? (
                <p className="kb-tags">
                  {open.tags.map((t) => (
                    <span key={t} className="chip">
                      {t}
                    </span>
                  ))}
                </p>
              ) : null}
              {open.questions.length ? (
                <>
                  <h4 className="kb-sub">Example questions</h4>
                  <ul className="kb-questions">
                    {open.questions.map((q, i) => (
                      <li key={i}>{q}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              <h4 className="kb-sub">Article</h4>
              <div className="kb-body" data-testid="kb-body" tabIndex={0} role="region" aria-label={`Text of ${open.title}`}>
                {open.body}
              </div>
            </article>
          ) : (
            <p className="empty">Choose an article to read it as the assistant sees it.</p>
          )}
        </div>
      </div>
    </section>
  );
}
