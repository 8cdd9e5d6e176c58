import type { TAttachmentContentType } from '@baton/contracts';

const startsWith = (b: Buffer, bytes: number[], at = 0) => b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The type of a file from its first bytes (its magic number), the only thing trusted: a client's
 * Content-Type and a file's extension are claims. HTML, SVG, scripts and programs match nothing
 * and are refused, whatever they are named.
 */
export function sniffContentType(bytes: Buffer): TAttachmentContentType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

/** The extension a file of this type is saved with. */
export const EXTENSION: Record<TAttachmentContentType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};
const ALSO: Partial<Record<TAttachmentContentType, string[]>> = { 'image/jpeg': ['jpeg', 'jpe'] };

/** Whether an extension (without the dot, any case) names this type. */
export function extensionMatches(ext: string, type: TAttachmentContentType): boolean {
  const e = ext.toLowerCase();
  return e === EXTENSION[type] || (ALSO[type] ?? []).includes(e);
}
