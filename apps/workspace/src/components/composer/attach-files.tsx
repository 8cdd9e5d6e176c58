import { useRef, useState } from 'react';
import { errorText } from '@baton/client';
import type { TAttachment } from '@baton/contracts';
import { uid } from '../../uid';
import { useWorkspace } from '../../workspace';

/** What the file picker offers; the server checks the content whatever is picked. */
const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,application/pdf';

/**
 * Files an agent attaches to the next reply or note: each is uploaded as soon as it is picked
 * (with its own key, so a retry stores it once), listed with a remove button, and sent with the
 * message by id.
 */
export function useAttachFiles(conversationId: string) {
  const { api } = useWorkspace();
  const [files, setFiles] = useState<TAttachment[]>([]);
  const [uploading, setUploading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const add = async (list: FileList | null) => {
    setError(null);
    for (const file of Array.from(list ?? [])) {
      setUploading(file.name);
      try {
        const { attachment } = await api.uploadAttachment(conversationId, file, { name: file.name, clientAttachmentId: uid() });
        setFiles((f) => [...f, attachment]);
      } catch (err) {
        setError(`${file.name}: ${errorText(err)}`);
      }
    }
    setUploading(null);
  };
  return { files, uploading, error, add, remove: (id: string) => setFiles((f) => f.filter((a) => a.id !== id)), clear: () => setFiles([]) };
}

export function AttachFiles({ state, disabled }: { state: ReturnType<typeof useAttachFiles>; disabled: boolean }) {
  const picker = useRef<HTMLInputElement>(null);
  return (
    <div className="attach-files">
      <input
        ref={picker}
        type="file"
        multiple
        accept={ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="attach-input"
        onChange={(e) => {
          void state.add(e.target.files);
          e.target.value = '';
        }}
      />
      <button type="button" className="btn btn-ghost" disabled={disabled || state.uploading !== null} onClick={() => picker.current?.click()}>
        {state.uploading ? `Uploading ${state.uploading}…` : 'Attach file'}
      </button>
      {state.files.length ? (
        <ul className="attach-list" aria-label="Files to send">
          {state.files.map((a) => (
            <li key={a.id}>
              <span>{a.name}</span>
              <button type="button" className="btn btn-ghost" aria-label={`Remove ${a.name}`} onClick={() => state.remove(a.id)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
