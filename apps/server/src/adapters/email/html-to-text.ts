const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', euro: '€', pound: '£', copy: '©' };

/**
 * Plain text from an HTML mail body, for mail that has no text part. Quoted blocks
 * (`<blockquote>`, Gmail's and Outlook's quote containers) are dropped here, because once the
 * markup is gone they can no longer be told apart from what the customer wrote; links keep their
 * address. Not a renderer: just enough structure (paragraphs, line breaks, list items) to read.
 */
export function htmlToText(html: string): string {
  let s = html.replace(/\r\n?/g, '\n');
  s = s.replace(/<!--[\s\S]*?-->/g, '');
  s = s.replace(/<(head|style|script|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
  s = dropElements(s, 'blockquote');
  s = dropQuoteContainers(s);
  s = s.replace(/<a\b[^>]*\bhref\s*=\s*(["'])(https?:[^"']+)\1[^>]*>([\s\S]*?)<\/a\s*>/gi, (_m, _q: string, href: string, label: string) => {
    const text = label.replace(/<[^>]+>/g, '').trim();
    return text && text !== href ? `${text} (${href})` : href;
  });
  s = s.replace(/\n/g, ' ');
  s = s.replace(/<br\s*\/?>/gi, '\n');
  s = s.replace(/<li\b[^>]*>/gi, '\n- ');
  s = s.replace(/<\/(p|div|h[1-6]|tr|table|ul|ol|li|pre|section|article|header|footer)\s*>/gi, '\n');
  s = s.replace(/<(p|div|h[1-6]|tr|table|ul|ol|pre|section|article|header|footer)\b[^>]*>/gi, '\n');
  s = s.replace(/<[^>]+>/g, '');
  s = decodeEntities(s);
  return s
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Decodes named (the common ones) and numeric character references. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[ref.toLowerCase()] ?? m;
  });
}

/** Removes every `<tag>…</tag>`, nested ones included. */
function dropElements(s: string, tag: string): string {
  const open = new RegExp(`<${tag}\\b[^>]*>`, 'gi');
  const any = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  let out = s;
  for (;;) {
    open.lastIndex = 0;
    const start = open.exec(out);
    if (!start) return out;
    any.lastIndex = start.index;
    let depth = 0;
    let end = -1;
    for (let m = any.exec(out); m; m = any.exec(out)) {
      depth += m[1] ? -1 : 1;
      if (depth === 0) {
        end = m.index + m[0].length;
        break;
      }
    }
    out = end < 0 ? out.slice(0, start.index) : out.slice(0, start.index) + out.slice(end);
  }
}

/** Gmail (`gmail_quote`), Apple (`AppleOriginalContents`) and Outlook (`divRplyFwdMsg`, `appendonsend`) put the quote last: cut from there. */
function dropQuoteContainers(s: string): string {
  const m = /<div\b[^>]*(?:class|id)\s*=\s*["'][^"']*\b(gmail_quote|gmail_attr|divRplyFwdMsg|appendonsend|AppleOriginalContents|moz-cite-prefix)\b[^>]*>/i.exec(s);
  return m ? s.slice(0, m.index) : s;
}
