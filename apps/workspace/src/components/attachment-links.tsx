import type { TAttachment } from '@baton/contracts';
import { useWorkspace } from '../workspace';

/** A file size for people: 820 KB, 2.4 MB. */
export function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A message's files: pictures as thumbnails that open full size, PDFs as download links. */
export function AttachmentLinks({ files }: { files: TAttachment[] }) {
  const { api } = useWorkspace();
  return (
    <ul className="msg-files" aria-label="Files">
      {files.map((a) => (
        <li key={a.id}>
          {a.contentType.startsWith('image/') ? (
            <a href={api.attachmentUrl(a)} target="_blank" rel="noopener noreferrer" aria-label={`Open ${a.name}`}>
              <img className="msg-thumb" src={api.attachmentUrl(a)} alt={a.name} loading="lazy" />
            </a>
          ) : (
            <a className="msg-file" href={api.attachmentUrl(a, { download: true })} download={a.name} rel="noopener noreferrer">
              {a.name} ({formatSize(a.size)})
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
