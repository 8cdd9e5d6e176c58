import { useState } from 'preact/hooks';
import type { Strings } from '../i18n.js';

interface Props {
  t: Strings;
  state: 'open' | 'sending' | 'error' | 'done';
  onSubmit(score: number, comment: string): void;
}

/** The rating asked for after resolution: 1–5 stars as labelled buttons and an optional comment, sent once. */
export function CsatForm({ t, state, onSubmit }: Props) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  if (state === 'done') {
    return (
      <p class="csat-thanks" role="status">
        {t.csatThanks}
      </p>
    );
  }
  return (
    <form
      class="csat"
      onSubmit={(e) => {
        e.preventDefault();
        if (score) onSubmit(score, comment);
      }}
    >
      <fieldset>
        <legend>{t.csatTitle}</legend>
        <div class="stars">
          {t.csatScale.map((label, i) => {
            const n = i + 1;
            return (
              <button type="button" key={n} class={`star${n <= score ? ' on' : ''}`} aria-pressed={n === score} aria-label={t.csatStars(n, label)} title={label} onClick={() => setScore(n)}>
                <span aria-hidden="true">★</span>
              </button>
            );
          })}
        </div>
        <p class="star-label" aria-hidden="true">
          {score ? t.csatScale[score - 1] : '\u00a0'}
        </p>
        <label class="field-label" for="baton-csat-comment">
          {t.csatComment}
        </label>
        <textarea id="baton-csat-comment" rows={2} maxLength={2000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
        {state === 'error' && (
          <p class="error" role="alert">
            {t.csatError}
          </p>
        )}
        <button type="submit" class="primary" disabled={!score || state === 'sending'}>
          {t.csatSubmit}
        </button>
      </fieldset>
    </form>
  );
}
