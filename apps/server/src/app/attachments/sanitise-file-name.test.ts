import { describe, expect, it } from 'vitest';
import { GIF_HEADER, HOSTILE, JPEG_HEADER, PDF_MINIMAL, PNG_1X1, WEBP_HEADER } from '../../test/attachment-files.js';
import { MAX_NAME_LENGTH, sanitiseFileName } from './sanitise-file-name.js';
import { sniffContentType } from './sniff-content-type.js';

describe('sniffContentType', () => {
  it.each([
    ['a PNG', PNG_1X1, 'image/png'],
    ['a JPEG', JPEG_HEADER, 'image/jpeg'],
    ['a GIF', GIF_HEADER, 'image/gif'],
    ['a WebP', WEBP_HEADER, 'image/webp'],
    ['a PDF', PDF_MINIMAL, 'application/pdf'],
    ['HTML', HOSTILE.html, null],
    ['SVG', HOSTILE.svg, null],
    ['a Windows program', HOSTILE.exe, null],
    ['a RIFF that is not WebP (a WAV)', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt ')]), null],
    ['a truncated PNG signature', PNG_1X1.subarray(0, 5), null],
    ['nothing', Buffer.alloc(0), null],
  ])('%s is %s', (_what, bytes, type) => {
    expect(sniffContentType(bytes)).toBe(type);
  });
});

describe('sanitiseFileName', () => {
  it.each([
    ['photo.png', 'image/png', 'photo.png'],
    ['Photo.JPEG', 'image/jpeg', 'Photo.jpeg'],
    ['../../etc/passwd', 'image/png', 'passwd.png'],
    ['C:\\Users\\ana\\scan.pdf', 'application/pdf', 'scan.pdf'],
    // A right-to-left override would show "invoice\u202Efdp.exe" as "invoiceexe.pdf".
    ['invoice\u202Efdp.exe', 'application/pdf', 'invoicefdp.exe.pdf'],
    ['a\u0000b\u0007c\u200Bd\u2066e.gif', 'image/gif', 'abcde.gif'],
    ['evil.exe', 'image/png', 'evil.exe.png'],
    ['report.pdf.exe', 'application/pdf', 'report.pdf.exe.pdf'],
    ['<script>.webp', 'image/webp', '_script_.webp'],
    ['...', 'image/png', 'image.png'],
    ['', 'application/pdf', 'document.pdf'],
    [undefined, 'image/jpeg', 'image.jpg'],
    ['  .hidden  ', 'image/png', 'hidden.png'],
  ] as const)('%j as %s is %j', (raw, type, expected) => {
    expect(sanitiseFileName(raw, type)).toBe(expected);
  });

  it('caps the length and keeps the extension', () => {
    const name = sanitiseFileName(`${'é'.repeat(500)}.pdf`, 'application/pdf');
    expect([...name].length).toBe(MAX_NAME_LENGTH);
    expect(name.endsWith('é.pdf')).toBe(true);
  });
});
