import type { TAttachment } from '@baton/contracts';
import type { AttachmentStrings } from './attachment-strings.js';
import { formatSize } from './attachment-strings.js';

interface Props {
  files: TAttachment[];
  s: AttachmentStrings;
  lang: string;
  /** Where a file loads from, with the customer's token. */
  urlOf(a: TAttachment, download?: boolean): string;
}

/** A message's files: pictures as thumbnails that open full size, PDFs as download links. */
export function AttachmentList({ files, s, lang, urlOf }: Props) {
  return (
    <ul class="files">
      {files.map((a) =>
        a.contentType.startsWith('image/') ? (
          <li key={a.id}>
            <a href={urlOf(a)} target="_blank" rel="noopener noreferrer" aria-label={s.open(a.name)}>
              <img class="thumb" src={urlOf(a)} alt={a.name} loading="lazy" />
            </a>
          </li>
        ) : (
          <li key={a.id}>
            <a class="file-link" href={urlOf(a, true)} download={a.name} rel="noopener noreferrer">
              {s.download(a.name, formatSize(a.size, lang))}
            </a>
          </li>
        ),
      )}
    </ul>
  );
}
