import { useCallback, useEffect, useState } from 'react';
import { errorText } from '@baton/client';
import type { TCannedReply } from '@baton/contracts';
import { SmallButton, SubmitButton } from '../../components/kit/buttons';
import { actionsColumn, DataTable, Named } from '../../components/kit/data-table';
import { InputField, SelectField, TextAreaField } from '../../components/kit/fields';
import { MaybeNotice } from '../../components/kit/notice';
import { Panel } from '../../components/kit/panel';
import { useSubmit } from '../../components/kit/use-busy';
import { useFormError } from '../../components/kit/use-form-error';
import { useWorkspace } from '../../workspace';

const BLANK = { shortcut: '', title: '', body: '', teamId: '' };
const FIELDS = ['shortcut', 'title', 'body', 'teamId'];

/** Canned replies agents insert by typing "/" and the shortcut: for every team or for one, with variables. */
export function CannedRepliesSettings() {
  const { api, teams } = useWorkspace();
  const [replies, setReplies] = useState<TCannedReply[] | null>(null);
  const [editing, setEditing] = useState<TCannedReply | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setReplies((await api.get<{ cannedReplies: TCannedReply[] }>('/canned-replies')).cannedReplies);
    } catch (err) {
      setListError(errorText(err));
    }
  }, [api]);
  useEffect(() => void load(), [load]);
  const teamName = (id: string | null) => (id ? (teams.find((t) => t.id === id)?.name ?? id) : 'Every team');
  const remove = async (r: TCannedReply) => {
    setListError(null);
    try {
      await api.del(`/canned-replies/${encodeURIComponent(r.id)}`);
      if (editing?.id === r.id) setEditing(null);
      await load();
    } catch (err) {
      setListError(errorText(err));
    }
  };
  return (
    <Panel id="canned" headingId="canned-h" title="Canned replies" testId="canned-admin">
      <p className="muted small">
        Agents type <kbd>/</kbd> and the shortcut in the composer. Variables: <code>{'{{customer.name}}'}</code>, <code>{'{{case}}'}</code>, <code>{'{{agent.name}}'}</code>.
      </p>
      <DataTable<TCannedReply>
        testId="canned-table"
        rows={replies ?? []}
        loading={replies === null}
        empty="No canned replies yet."
        rowKey={(r) => r.id}
        columns={[
          { header: 'Shortcut', rowHeader: true, cell: (r) => <Named name={`/${r.shortcut}`} detail={r.title} block /> },
          { header: 'Text', cellClassName: 'small', cell: (r) => r.body },
          { header: 'For', cell: (r) => teamName(r.teamId) },
          actionsColumn((r) => (
            <>
              <SmallButton onClick={() => setEditing(r)} aria-label={`Edit /${r.shortcut}`}>
                Edit
              </SmallButton>{' '}
              <SmallButton onClick={() => void remove(r)} aria-label={`Delete /${r.shortcut}`}>
                Delete
              </SmallButton>
            </>
          )),
        ]}
      />
      <MaybeNotice kind="error" text={listError} />
      <CannedReplyForm key={editing?.id ?? 'new'} editing={editing} onSaved={() => void load().then(() => setEditing(null))} onCancel={() => setEditing(null)} />
    </Panel>
  );
}

function CannedReplyForm({ editing, onSaved, onCancel }: { editing: TCannedReply | null; onSaved(): void; onCancel(): void }) {
  const { api, teams } = useWorkspace();
  const [f, setF] = useState(editing ? { shortcut: editing.shortcut, title: editing.title, body: editing.body, teamId: editing.teamId ?? '' } : BLANK);
  const [ok, setOk] = useState<string | null>(null);
  const form = useFormError('canned');
  const set = (k: keyof typeof BLANK) => (value: string) => setF((x) => ({ ...x, [k]: value }));
  const field = (k: string) => ({ error: form.at(k), ...form.invalid(k) });
  const submit = useSubmit(async () => {
    form.clear();
    setOk(null);
    const body = { shortcut: f.shortcut.replace(/^\//, ''), title: f.title, body: f.body, teamId: f.teamId || null };
    try {
      if (editing) await api.patch(`/canned-replies/${encodeURIComponent(editing.id)}`, body);
      else await api.post('/canned-replies', body);
      setOk(`/${body.shortcut} saved.`);
      if (!editing) setF(BLANK);
      onSaved();
    } catch (err) {
      form.place(err, FIELDS);
    }
  });
  return (
    <form className="inline-form" onSubmit={submit.onSubmit} aria-labelledby="canned-form-h" noValidate>
      <h3 id="canned-form-h" className="subhead">
        {editing ? `Edit /${editing.shortcut}` : 'New canned reply'}
      </h3>
      <div className="field-row">
        <InputField id="canned-shortcut" label="Shortcut" value={f.shortcut} onChange={set('shortcut')} autoComplete="off" hint="Letters, digits, - and _" {...field('shortcut')} />
        <InputField id="canned-title" label="Title" value={f.title} onChange={set('title')} autoComplete="off" {...field('title')} />
        <SelectField id="canned-team" label="For" value={f.teamId} onChange={set('teamId')} {...field('teamId')}>
          <option value="">Every team</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField id="canned-body" label="Text" rows={3} value={f.body} onChange={set('body')} {...field('body')} />
      {form.at('form')}
      <MaybeNotice kind="ok" text={ok} />
      <SubmitButton busy={submit.busy} disabled={!f.shortcut.trim() || !f.title.trim() || !f.body.trim()}>
        {editing ? 'Save changes' : 'Add canned reply'}
      </SubmitButton>
      {editing ? (
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </form>
  );
}
