import { useCallback, useEffect, useState } from 'react';
import { errorText } from '@baton/client';
import type { TEmailPreview, TEmailTemplate, TEmailTemplateKind, TEmailTemplateLanguage, TEmailTemplatesResponse } from '@baton/contracts';
import { SmallButton } from '../../components/kit/buttons';
import { InputField, SelectField, TextAreaField } from '../../components/kit/fields';
import { MaybeNotice, Notice } from '../../components/kit/notice';
import { Panel } from '../../components/kit/panel';
import { useBusy } from '../../components/kit/use-busy';
import { useWorkspace } from '../../workspace';

const KINDS: Record<TEmailTemplateKind, string> = { message: 'A message in the conversation', handoff_confirmation: 'Handoff confirmation', verification_code: 'One-time code (email check)' };
const LANGUAGES: Record<TEmailTemplateLanguage, string> = { en: 'English', es: 'Spanish', fr: 'French', de: 'German', pt: 'Portuguese', it: 'Italian' };

/**
 * The mails customers receive, per kind and language: the subject, the text and the HTML body,
 * with a preview rendered by the server from sample values (every value escaped in the HTML).
 */
export function EmailTemplatesSettings() {
  const { api } = useWorkspace();
  const [all, setAll] = useState<TEmailTemplatesResponse | null>(null);
  const [kind, setKind] = useState<TEmailTemplateKind>('message');
  const [language, setLanguage] = useState<TEmailTemplateLanguage>('en');
  const [draft, setDraft] = useState<TEmailTemplate | null>(null);
  const [preview, setPreview] = useState<TEmailPreview | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const busy = useBusy();

  const current = all?.templates.find((t) => t.kind === kind && t.language === language) ?? null;
  const load = useCallback(async () => {
    try {
      setAll(await api.get<TEmailTemplatesResponse>('/admin/email-templates'));
      setLoadError(null);
    } catch (err) {
      setLoadError(errorText(err));
    }
  }, [api]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    setDraft(current ? current.template : null);
    setPreview(null);
  }, [current]);

  const act = (what: () => Promise<void>) =>
    busy.run(async () => {
      setResult(null);
      try {
        await what();
      } catch (err) {
        setResult({ ok: false, text: errorText(err) });
      }
    });
  const showPreview = () => act(async () => setPreview(await api.post<TEmailPreview>('/admin/email-templates/preview', { kind, language, ...(draft ? { template: draft } : {}) })));
  const save = (template: TEmailTemplate | null) =>
    act(async () => {
      setAll(await api.put<TEmailTemplatesResponse>(`/admin/email-templates/${kind}/${language}`, { template }));
      setResult({ ok: true, text: template ? `Saved: ${KINDS[kind].toLowerCase()} mails in ${LANGUAGES[language]} use this wording.` : `Back to the default wording for ${LANGUAGES[language]}.` });
    });
  const edit = (part: keyof TEmailTemplate) => (value: string) => setDraft((d) => (d ? { ...d, [part]: value } : d));

  return (
    <Panel id="email-templates" headingId="email-templates-h" title="Customer emails">
      <p className="hint section-note">
        What customers receive by mail, as text and HTML. Variables: {(all?.variables[kind] ?? []).map((v) => `{{${v}}}`).join(', ')}. A section such as {'{{#summary}}…{{/summary}}'} shows only when the value exists. The case number ({'{{case}}'}) must stay in the subject and both bodies.
      </p>
      <MaybeNotice kind="error" text={loadError} />
      <div className="two-col">
        <SelectField id="tpl-kind" label="Mail" value={kind} onChange={(v) => setKind(v as TEmailTemplateKind)}>
          {Object.entries(KINDS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField id="tpl-language" label="Language" value={language} onChange={(v) => setLanguage(v as TEmailTemplateLanguage)} hint={current?.custom ? 'Changed by an admin' : 'The default wording'}>
          {Object.entries(LANGUAGES).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      {draft ? (
        <>
          <InputField id="tpl-subject" label="Subject" value={draft.subject} onChange={edit('subject')} />
          <TextAreaField id="tpl-text" label="Text body" rows={8} value={draft.text} onChange={edit('text')} />
          <TextAreaField id="tpl-html" label="HTML body" rows={10} value={draft.html} onChange={edit('html')} />
          <div className="form-actions">
            <SmallButton onClick={() => void showPreview()} disabled={busy.busy}>
              Preview
            </SmallButton>
            <SmallButton onClick={() => void save(draft)} disabled={busy.busy}>
              Save
            </SmallButton>
            {current?.custom ? (
              <SmallButton onClick={() => void save(null)} disabled={busy.busy}>
                Reset to default
              </SmallButton>
            ) : null}
          </div>
        </>
      ) : null}
      {result ? (
        <Notice kind={result.ok ? 'ok' : 'error'} testId="tpl-result">
          {result.text}
        </Notice>
      ) : null}
      {preview ? (
        <section aria-label="Preview" className="tpl-preview" data-testid="tpl-preview">
          <p>
            <strong>Subject:</strong> {preview.subject}
          </p>
          <pre className="tpl-text">{preview.text}</pre>
          {/* The server escaped every value; the frame runs nothing all the same. */}
          <iframe title="HTML preview" sandbox="" srcDoc={preview.html} className="tpl-html" />
        </section>
      ) : null}
    </Panel>
  );
}
