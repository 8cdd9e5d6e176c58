import type { TAttachmentContentType } from '@baton/contracts';
import { EXTENSION, extensionMatches } from './sniff-content-type.js';

/** The longest name kept, extension included (in characters). */
export const MAX_NAME_LENGTH = 120;

/**
 * A file name that is safe to show and to offer for download: the last path segment only (no
 * `../`, no folders), without control characters, bidirectional overrides or isolates (which make
 * `gnp.exe` read as `exe.png`), zero-width characters, or characters Windows refuses; at most
 * MAX_NAME_LENGTH characters; and ending in the extension of what the file really is, so
 * `invoice.pdf.exe` holding a PDF is offered as `invoice.pdf.exe.pdf`, never as a program.
 */
export function sanitiseFileName(raw: string | undefined, type: TAttachmentContentType): string {
  let name = (raw ?? '').normalize('NFC');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1) : '';
  let stem = ext && extensionMatches(ext, type) ? name.slice(0, dot) : name;
  const suffix = `.${ext && extensionMatches(ext, type) ? ext.toLowerCase() : EXTENSION[type]}`;
  if (!stem) stem = type === 'application/pdf' ? 'document' : 'image';
  const chars = [...stem];
  if (chars.length + suffix.length > MAX_NAME_LENGTH) stem = chars.slice(0, MAX_NAME_LENGTH - suffix.length).join('').trim();
  return `${stem}${suffix}`;
}
