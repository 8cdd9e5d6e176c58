import type { FormEvent } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { errorText } from '@baton/client';
import type { TSearchResponse } from '@baton/contracts';
import { Panel } from '../../components/kit/panel';
import { navigate } from '../../router';
import { useWorkspace } from '../../workspace';
import { ConversationSummaryRow } from './conversation-summary-row';

const PAGE = 20;

/** Search over conversations (case number, customer name or email, message text) and customers, with more results a page at a time. */
export function SearchPage() {
  const { api } = useWorkspace();
  const [q, setQ] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const [result, setResult] = useState<TSearchResponse | null>(null);
  const [searched, setSearched] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (text: string, offset: number) => {
      setBusy(true);
      setError(null);
      try {
        const r = await api.get<TSearchResponse>(`/search?${new URLSearchParams({ q: text, limit: String(PAGE), offset: String(offset) }).toString()}`);
        setResult((old) => (offset > 0 && old ? { ...r, customers: old.customers, conversations: [...old.conversations, ...r.conversations] } : r));
        setSearched(text);
      } catch (err) {
        setError(errorText(err));
      } finally {
        setBusy(false);
      }
    },
    [api],
  );

  useEffect(() => {
    const initial = new URLSearchParams(location.search).get('q');
    if (initial && initial.trim().length >= 2) void run(initial.trim(), 0);
  }, [run]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = q.trim();
    if (text.length < 2) {
      setError('Type at least 2 characters.');
      return;
    }
    navigate(`/search?q=${encodeURIComponent(text)}`, { replace: true });
    void run(text, 0);
  };

  return (
    <div className="page search">
      <div className="page-head">
        <h1>Search</h1>
      </div>
      <form role="search" className="search-form" onSubmit={submit} aria-label="Conversations and customers">
        <label htmlFor="search-q">Case number, customer name or email, or words from the conversation</label>
        <div className="search-row">
          <input id="search-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={100} aria-describedby={error ? 'search-error' : undefined} />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Searching…' : 'Search'}
          </button>
        </div>
        {error ? (
          <p id="search-error" className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      {result ? (
        <div className="two-col" aria-live="polite">
          <Panel headingId="found-conv-h" title={<>Conversations <span className="count">{result.conversations.length}{result.nextOffset !== null ? '+' : ''}</span></>} testId="search-conversations">
            {result.conversations.length ? (
              <ul className="plain summary-list">
                {result.conversations.map((c) => (
                  <ConversationSummaryRow key={c.id} c={c} />
                ))}
              </ul>
            ) : (
              <p className="empty">No conversation matches “{searched}”.</p>
            )}
            {result.nextOffset !== null ? (
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => void run(searched, result.nextOffset!)}>
                More results
              </button>
            ) : null}
          </Panel>
          <Panel headingId="found-cust-h" title={<>Customers <span className="count">{result.customers.length}</span></>} testId="search-customers">
            {result.customers.length ? (
              <ul className="plain summary-list">
                {result.customers.map((c) => (
                  <li key={c.id} className="summary-row">
                    <span className="row-name">{c.name ?? c.email ?? c.id}</span>
                    <span className="muted small">
                      {' '}
                      · {c.email ?? 'no email'} · {c.tier} · {c.conversations} conversation{c.conversations === 1 ? '' : 's'}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="empty">No customer matches.</p>
            )}
          </Panel>
        </div>
      ) : null}
    </div>
  );
}
