import { describe, expect, it } from 'vitest';
import type { CreateElement } from './markdown.js';
import { renderMarkdown, safeHref } from './markdown.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Html {
  html: string;
}

/** Serialises what the renderer builds, escaping text as a DOM text node would show it. */
const h: CreateElement<Html> = (type, props, ...children) => {
  const attrs = Object.entries(props ?? {}).map(([k, v]) => ` ${k}="${escape(v)}"`).join('');
  return { html: `<${type}${attrs}>${children.map((c) => (typeof c === 'string' ? escape(c) : c.html)).join('')}</${type}>` };
};
const md = (text: string) => renderMarkdown(text, h).map((n) => n.html).join('');

describe('renderMarkdown', () => {
  it('renders the KB answer syntax: bold, bullets, numbered lists, headings, code and line breaks', () => {
    expect(md('Go to **My account → Orders**.\nThen:\n\n- pick the order\n- press *Return*\n\n1. one\n2. two')).toBe(
      '<p>Go to <strong>My account → Orders</strong>.<br></br>Then:</p><ul><li>pick the order</li><li>press <em>Return</em></li></ul><ol><li>one</li><li>two</li></ol>',
    );
    expect(md('## Refunds\n3. third\n4. fourth')).toBe('<p><strong>Refunds</strong></p><ol start="3"><li>third</li><li>fourth</li></ol>');
    expect(md('Use `code_here` and\n```\n<b>raw</b>\n```')).toBe('<p>Use <code>code_here</code> and</p><pre><code>&lt;b&gt;raw&lt;/b&gt;</code></pre>');
    expect(md('> quoted\n> twice')).toBe('<blockquote>quoted<br></br>twice</blockquote>');
    expect(md('snake_case_word stays')).toBe('<p>snake_case_word stays</p>');
  });

  it('links only http, https and mailto, in a new tab without an opener', () => {
    expect(md('[Track it](https://shop.example/track?id=1&x=2)')).toBe(
      '<p><a href="https://shop.example/track?id=1&amp;x=2" target="_blank" rel="noopener noreferrer">Track it</a></p>',
    );
    expect(md('Mail <mailto:help@shop.example> or see https://shop.example/help.')).toBe(
      '<p>Mail <a href="mailto:help@shop.example" target="_blank" rel="noopener noreferrer">help@shop.example</a> or see <a href="https://shop.example/help" target="_blank" rel="noopener noreferrer">https://shop.example/help</a>.</p>',
    );
  });

  it('shows hostile markup as text and drops unsafe links', () => {
    const out = md('<script>alert(1)</script>\n<img src=x onerror="alert(2)">\n[click](javascript:alert(3)) [x](JaVaScRiPt:alert(4)) [y](data:text/html,hi) [z](/relative) [w](java\tscript:alert(5))');
    expect(out).not.toMatch(/<script|<img|href="(?!https?:|mailto:)/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    expect(out).toContain('<span>click</span>');
    expect(out).not.toContain('<a ');
  });

  it('accepts only absolute http, https and mailto addresses', () => {
    expect(safeHref('https://a.example/x y')).toBeNull();
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('vbscript:x')).toBeNull();
    expect(safeHref('//evil.example')).toBeNull();
    expect(safeHref('HTTPS://A.example')).toBe('https://a.example/');
  });
});
