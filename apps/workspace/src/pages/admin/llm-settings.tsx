import { useCallback, useEffect, useState } from 'react';
import type { TLlmStatus, TLlmTestResponse } from '@baton/contracts';
import { errorText } from '@baton/client';
import { MaybeNotice, Notice } from '../../components/kit/notice';
import { Panel } from '../../components/kit/panel';
import { useBusy } from '../../components/kit/use-busy';
import { useWorkspace } from '../../workspace';

const FALLBACK_TEXT = { embedded: 'the embedded engine answers', escalate: 'a person takes over' } as const;

/**
 * The language model (docs/llm.md): what the server is configured with, whether calls are paused
 * after failures, and a test question answered from the KB as a customer would get it. The
 * settings themselves live in the server's environment (BATON_LLM_*).
 */
export function LlmSettings() {
  const { api } = useWorkspace();
  const [status, setStatus] = useState<TLlmStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [question, setQuestion] = useState('How long does delivery take?');
  const [result, setResult] = useState<TLlmTestResponse | null>(null);
  const [testError, setTestError] = useState<string | null>(null);
  const testing = useBusy();

  const load = useCallback(async () => {
    try {
      setStatus(await api.get<TLlmStatus>('/llm'));
      setLoadError(null);
    } catch (err) {
      setLoadError(errorText(err));
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  const send = () =>
    testing.run(async () => {
      setResult(null);
      setTestError(null);
      try {
        setResult(await api.post<TLlmTestResponse>('/llm/test', { question }));
      } catch (err) {
        setTestError(errorText(err));
      }
      await load();
    });

  return (
    <Panel id="llm" headingId="llm-h" title="Language model">
      <MaybeNotice kind="error" text={loadError} />
      {status && !status.configured ? (
        <p className="hint section-note" data-testid="llm-off">
          No model is configured: the embedded engine answers from the knowledge base. Set BATON_LLM, BATON_LLM_MODEL and BATON_LLM_API_KEY on the server to let a model write answers and briefs (docs/llm.md).
        </p>
      ) : null}
      {status?.configured ? (
        <>
          <dl className="llm-status" data-testid="llm-status">
            <dt>Provider</dt>
            <dd>{status.provider}</dd>
            <dt>Model</dt>
            <dd>{status.model}</dd>
            {status.baseUrl ? (
              <>
                <dt>Server</dt>
                <dd>{status.baseUrl}</dd>
              </>
            ) : null}
            <dt>Timeout</dt>
            <dd>{status.timeoutMs} ms, then {status.fallback ? FALLBACK_TEXT[status.fallback] : 'the embedded engine answers'}</dd>
            <dt>Connection</dt>
            <dd>{status.circuit === 'closed' ? 'calls go out' : `paused after repeated failures${status.retryAt ? ` until ${new Date(status.retryAt).toLocaleTimeString()}` : ''}`}</dd>
          </dl>
          <form
            className="llm-test"
            onSubmit={(e) => {
              e.preventDefault();
              void send();
            }}
          >
            <label htmlFor="llm-question">Send a test question</label>
            <input id="llm-question" value={question} maxLength={2000} onChange={(e) => setQuestion(e.target.value)} />
            <button type="submit" className="btn btn-small" disabled={testing.busy || !question.trim()}>
              {testing.busy ? 'Asking…' : 'Send a test question'}
            </button>
          </form>
          <MaybeNotice kind="error" text={testError} />
          {result ? (
            <Notice kind={result.ok ? 'ok' : 'error'} testId="llm-result">
              {result.ok ? (
                <>
                  <span className="llm-answer">{result.answer}</span> <span className="muted small">(articles: {result.articleIds?.join(', ') || 'none'}; confidence {result.confidence?.toFixed(2)})</span>
                </>
              ) : (
                `The model did not answer (${result.error?.kind}): ${result.error?.message}`
              )}{' '}
              <span className="muted small">
                {result.latencyMs} ms · {result.inputTokens} tokens in, {result.outputTokens} out
              </span>
            </Notice>
          ) : null}
        </>
      ) : null}
    </Panel>
  );
}
