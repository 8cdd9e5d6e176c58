/**
 * A small, safe Markdown renderer for message text (KB answers, agents' replies), shared by the
 * widget (Preact) and the workspace (React) through their `createElement`.
 *
 * It never produces HTML: every piece of the text becomes a text node or one of a fixed set of
 * elements (p, br, strong, em, code, pre, ul, ol, li, blockquote, a), so `<script>` or
 * `<img onerror>` in the text is shown as the characters it is. Links are kept only for http,
 * https and mailto, and open in a new tab with `rel="noopener noreferrer"`; any other link shows
 * its label as plain text.
 *
 * Supported: paragraphs (a single line break is kept), `#` headings (shown as a bold line, so a
 * message never breaks the page's heading outline), `-`/`*`/`+` and `1.` lists, `>` quotes,
 * fenced code, `**bold**`, `*em*`/`_em_`, `` `code` ``, `[label](url)`, `<url>` and bare URLs.
 */

/** The element factory of the UI library: Preact's `h`, React's `createElement`. */
export type CreateElement<N> = (type: string, props: Record<string, string> | null, ...children: (N | string)[]) => N;

/** The schemes a link may use; anything else (javascript:, data:, relative paths) is shown as text. */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** The absolute, normalised address when it is a safe link, else null. */
export function safeHref(raw: string): string | null {
  // Control characters and spaces inside a scheme are a classic way past naive filters.
  if (/\s/.test(raw) || [...raw].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return null;
  try {
    const url = new URL(raw);
    return SAFE_SCHEMES.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

type Block =
  | { kind: 'p' | 'heading' | 'quote'; lines: string[] }
  | { kind: 'code'; text: string }
  | { kind: 'ul' | 'ol'; items: string[]; start: number };

const FENCE = /^\s{0,3}(```|~~~)/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

/** Splits the text into blocks, line by line. */
function parseBlocks(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let open: Block | null = null;
  const close = () => {
    if (open) blocks.push(open);
    open = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      close();
      const body: string[] = [];
      while (++i < lines.length && !lines[i]!.trimStart().startsWith(fence[1]!)) body.push(lines[i]!);
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    if (!line.trim()) {
      close();
      continue;
    }
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    const quote = QUOTE.exec(line);
    const current = open as Block | null;
    if (heading) {
      close();
      blocks.push({ kind: 'heading', lines: [heading[1]!] });
    } else if (bullet || numbered) {
      const kind = bullet ? 'ul' : 'ol';
      const item = bullet ? bullet[1]! : numbered![2]!;
      if (current?.kind === kind) current.items.push(item);
      else {
        close();
        open = { kind, items: [item], start: numbered ? Number(numbered[1]) : 1 };
      }
    } else if (quote) {
      if (current?.kind === 'quote') current.lines.push(quote[1]!);
      else {
        close();
        open = { kind: 'quote', lines: [quote[1]!] };
      }
    } else if ((current?.kind === 'ul' || current?.kind === 'ol') && /^\s/.test(line)) {
      // An indented line continues the list item above it.
      current.items[current.items.length - 1] += ` ${line.trim()}`;
    } else if (current?.kind === 'p') current.lines.push(line);
    else {
      close();
      open = { kind: 'p', lines: [line] };
    }
  }
  close();
  return blocks;
}

/**
 * The inline syntax, in order of precedence: code, bold, emphasis, a link, an autolink, a bare URL.
 * A bare URL stops before trailing punctuation, so "see https://x.example/a." links without the dot.
 */
const INLINE =
  /`([^`\n]+)`|\*\*(?!\s)(.+?)\*\*|__(?!\s)(.+?)__|\*(?![\s*])([^*\n]+?)\*|(?<![\p{L}\p{N}_])_(?![\s_])([^_\n]+?)_(?![\p{L}\p{N}_])|\[([^\]\n]+)\]\(\s*<?([^\s)>]*)>?(?:\s+"[^"\n]*")?\s*\)|<((?:https?:\/\/|mailto:)[^\s>]+)>|(https?:\/\/[^\s<]*[^\s<.,;:!?)\]'"*_])/gu;

function renderInline<N>(text: string, h: CreateElement<N>): (N | string)[] {
  const out: (N | string)[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index;
    if (at > last) out.push(text.slice(last, at));
    last = at + m[0].length;
    const [, code, strong1, strong2, em1, em2, label, target, autolink, bare] = m;
    if (code !== undefined) out.push(h('code', null, code));
    else if (strong1 !== undefined || strong2 !== undefined) out.push(h('strong', null, ...renderInline(strong1 ?? strong2!, h)));
    else if (em1 !== undefined || em2 !== undefined) out.push(h('em', null, ...renderInline(em1 ?? em2!, h)));
    else if (label !== undefined) {
      const href = safeHref(target ?? '');
      const inner = renderInline(label, h);
      out.push(href ? link(href, inner, h) : h('span', null, ...inner));
    } else {
      const url = (autolink ?? bare)!;
      const href = safeHref(url);
      out.push(href ? link(href, [url.replace(/^mailto:/, '')], h) : url);
    }
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function link<N>(href: string, children: (N | string)[], h: CreateElement<N>): N {
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, ...children);
}

/** Lines of one block, with the line breaks kept. */
function renderLines<N>(lines: string[], h: CreateElement<N>): (N | string)[] {
  return lines.flatMap((line, i) => (i === 0 ? renderInline(line, h) : [h('br', null), ...renderInline(line, h)]));
}

/** The text as elements, one per block; put them inside the message's own container. */
export function renderMarkdown<N>(text: string, h: CreateElement<N>): N[] {
  return parseBlocks(text).map((b) => {
    switch (b.kind) {
      case 'p':
        return h('p', null, ...renderLines(b.lines, h));
      case 'heading':
        return h('p', null, h('strong', null, ...renderLines(b.lines, h)));
      case 'quote':
        return h('blockquote', null, ...renderLines(b.lines, h));
      case 'code':
        return h('pre', null, h('code', null, b.text));
      case 'ul':
      case 'ol': {
        const props = b.kind === 'ol' && b.start !== 1 ? { start: String(b.start) } : null;
        return h(b.kind, props, ...b.items.map((item) => h('li', null, ...renderInline(item, h))));
      }
    }
  });
}
