import { useState } from 'react';
import { ApiError, errorText } from '@baton/client';
import { SubmitButton } from '../../components/kit/buttons';
import { MaybeNotice } from '../../components/kit/notice';
import { Panel } from '../../components/kit/panel';
import { useBusy, useSubmit } from '../../components/kit/use-busy';
import { useFormError } from '../../components/kit/use-form-error';
import { PolicyPreviewPanel } from './policy-preview';
import type { PolicyPreview } from '../../metrics-types';
import { useWorkspace } from '../../workspace';
import { fieldKey, policyInput } from './policy-draft';
import { PolicyFields } from './policy-fields';
import { PolicyVersions } from './policy-versions';
import { usePolicy } from './use-policy';
import type { TPolicySource } from '@baton/contracts';

const CONFLICT = 'Someone else changed the policy since you opened it. Reload to see their version, then make your change again.';

/** The escalation policy: edit, preview against past conversations, save as a new version. */
export function PolicySettings() {
  const { api } = useWorkspace();
  const { loaded, versions, draft, edit, load, loadError } = usePolicy();
  const form = useFormError('policy', (key) => `error-${key}`);
  const [saved, setSaved] = useState<string | null>(null);
  const [previewed, setPreviewed] = useState<{ result: PolicyPreview; input: string; at: string } | null>(null);
  const previewing = useBusy();
  const fail = (err: unknown) => form.setError({ key: err instanceof ApiError ? fieldKey(err.field) : 'form', text: errorText(err) });
  const start = () => (form.clear(), setSaved(null));

  const save = useSubmit(async () => {
    if (!loaded || !draft) return;
    start();
    try {
      const r = await api.put<{ version: number }>('/policy', { version: loaded.version, policy: policyInput(loaded, draft) });
      await load();
      setPreviewed(null);
      setSaved(`Saved as version ${r.version}.`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'POLICY_ERR_VERSION_CONFLICT') form.setError({ key: 'version', text: CONFLICT });
      else fail(err);
    }
  });

  if (!loaded || !draft) {
    return (
      <section className="panel" aria-label="Escalation policy">
        <p className="muted">Loading the policy…</p>
        <MaybeNotice kind="error" text={loadError} />
      </section>
    );
  }

  const preview = () =>
    previewing.run(async () => {
      start();
      const input = policyInput(loaded, draft);
      try {
        const r = await api.post<PolicyPreview>('/policy/preview', { policy: input });
        setPreviewed({ result: r, input: JSON.stringify(input), at: new Date().toISOString() });
      } catch (err) {
        setPreviewed(null);
        fail(err);
      }
    });
  const discard = () => void load().then(() => (form.clear(), setSaved(null), setPreviewed(null)));

  return (
    <Panel id="policy" headingId="policy-h" title="Escalation policy" actions={<span className="chip" data-testid="policy-version">Version {loaded.version}</span>}>
      <PolicySourceNote source={loaded.source} version={loaded.version} />
      <form className="policy-form" onSubmit={save.onSubmit} noValidate>
        <PolicyFields draft={draft} edit={edit} topics={loaded.policy.topics.definitions} form={form} />
        {form.at('form')}
        {form.error?.key === 'version' ? (
          <div className="notice notice-error" role="alert" data-testid="error-version">
            {form.error.text}{' '}
            <button type="button" className="btn btn-small" onClick={() => void load().then(form.clear)}>
              Reload
            </button>
          </div>
        ) : null}
        <MaybeNotice kind="ok" text={saved} />
        <div className="form-actions">
          <SubmitButton busy={save.busy} busyText="Saving…">
            Save policy
          </SubmitButton>
          <button type="button" className="btn" disabled={save.busy || previewing.busy} onClick={() => void preview()} aria-describedby="preview-hint">
            {previewing.busy ? 'Replaying conversations…' : 'Preview this change'}
          </button>
          <button type="button" className="btn" disabled={save.busy} onClick={discard}>
            Discard changes
          </button>
          <p id="preview-hint" className="hint form-actions-hint">
            Preview replays the last 30 days of conversations through the current and the edited policy. Nothing is saved.
          </p>
        </div>
      </form>
      {previewed ? <PolicyPreviewPanel preview={previewed.result} at={previewed.at} stale={previewed.input !== JSON.stringify(policyInput(loaded, draft))} /> : null}
      <PolicyVersions versions={versions} />
    </Panel>
  );
}

/** Which policy is in force, so an admin knows a saved version overrides the BATON_POLICY file at every start. */
function PolicySourceNote({ source, version }: { source: TPolicySource | undefined; version: number }) {
  if (!source) return null;
  const text =
    source.kind === 'saved'
      ? `In force: version ${version}, saved here.${source.file ? ` It overrides the BATON_POLICY file (${source.file}) at every start until a version is saved from the file's contents.` : ''}`
      : source.kind === 'file'
        ? `In force: the BATON_POLICY file (${source.file}). Saving here creates a version that overrides the file from then on.`
        : 'In force: the built-in defaults (no BATON_POLICY file, nothing saved yet).';
  return (
    <p className={source.kind === 'saved' && source.file ? 'notice notice-warn' : 'muted small'} data-testid="policy-source">
      {text}
    </p>
  );
}
