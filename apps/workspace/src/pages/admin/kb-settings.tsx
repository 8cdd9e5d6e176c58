import { useCallback, useEffect, useState } from 'react';
import { errorText } from '@baton/client';
import { SmallButton } from '../../components/kit/buttons';
import { MaybeNotice, Notice } from '../../components/kit/notice';
import { Panel } from '../../components/kit/panel';
import { useBusy } from '../../components/kit/use-busy';
import { count } from '../../format';
import { useWorkspace } from '../../workspace';
import { KbArticle, KbIndex } from './kb-article';
import type { Article, ArticleSummary } from './kb-article';

const byCategoryThenTitle = (a: ArticleSummary, b: ArticleSummary) => (a.category ?? '').localeCompare(b.category ?? '') || a.title.localeCompare(b.title);

/** The KB the assistant answers from: the articles, one article's text, and a reload from disk. */
export function KnowledgeBaseSettings() {
  const { api } = useWorkspace();
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [open, setOpen] = useState<Article | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const reloading = useBusy();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      setArticles((await api.get<{ articles: ArticleSummary[] }>('/kb/articles')).articles.slice().sort(byCategoryThenTitle));
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

  const reload = () =>
    reloading.run(async () => {
      setResult(null);
      try {
        const r = await api.post<{ articles: number; version: number; ms: number }>('/kb/reload');
        setResult({ ok: true, text: `Reloaded ${count(r.articles, 'article')} from disk in ${Math.round(r.ms)} ms (KB version ${r.version}).` });
        await load();
        if (open) await view(open.id);
      } catch (err) {
        setResult({ ok: false, text: `Nothing changed: the KB in use is kept. ${errorText(err)}` });
      }
    });

  const title = <>Knowledge base {articles ? <span className="count" data-testid="kb-count">{count(articles.length, 'article')}</span> : null}</>;
  const reloadButton = (
    <SmallButton onClick={() => void reload()} disabled={reloading.busy} aria-describedby="kb-reload-hint">
      {reloading.busy ? 'Reloading…' : 'Reload from disk'}
    </SmallButton>
  );
  return (
    <Panel id="kb" headingId="kb-h" title={title} actions={reloadButton}>
      <p id="kb-reload-hint" className="hint section-note">
        The assistant answers from these Markdown files. After editing them on the server, reload: a file with a mistake is named and the KB in use stays as it is.
      </p>
      {result ? (
        <Notice kind={result.ok ? 'ok' : 'error'} testId="kb-result">
          {result.text}
        </Notice>
      ) : null}
      <MaybeNotice kind="error" text={loadError} />
      <div className="kb-grid">
        <div className="kb-index">
          <KbIndex articles={articles} openId={open?.id} onOpen={(id) => void view(id)} />
        </div>
        <div className="kb-detail">
          {openError ? <Notice kind="error">{openError}</Notice> : open ? <KbArticle article={open} /> : <p className="empty">Choose an article to read it as the assistant sees it.</p>}
        </div>
      </div>
    </Panel>
  );
}
