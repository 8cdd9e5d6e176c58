import { describe, expect, it } from 'vitest';
import { htmlToText } from '../adapters/email/html-to-text.js';
import { parseMessageIds, parseMime } from '../adapters/email/parse-mime.js';
import { stripQuotedReply } from '../adapters/email/strip-quoted-reply.js';
import { loadEmailConfig } from '../adapters/email/email-config.js';
import { baseSubject, continueLink, threadSubject } from '../app/email/compose-email.js';

const crlf = (lines: string[]) => lines.join('\r\n');

describe('parsing inbound MIME', () => {
  it('takes the text part of multipart/alternative, with its threading headers', async () => {
    const raw = crlf([
      'From: "Dana Reyes" <Dana.Reyes@Example.com>',
      'To: Northwind Support <support@northwind.example>',
      'Subject: Re: Question about returns [C-10042]',
      'Message-ID: <reply-2@mail.example.com>',
      'In-Reply-To: <out-1@northwind.example>',
      'References: <first@mail.example.com>\r\n <out-1@northwind.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Plain words here.',
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>HTML words <b>here</b>.</p>',
      '--b1--',
      '',
    ]);
    const m = await parseMime(raw);
    expect(m.from).toEqual({ address: 'dana.reyes@example.com', name: 'Dana Reyes' });
    expect(m.to).toEqual(['support@northwind.example']);
    expect(m.subject).toBe('Re: Question about returns [C-10042]');
    expect(m.text.trim()).toBe('Plain words here.');
    expect(m.messageId).toBe('reply-2@mail.example.com');
    expect(m.inReplyTo).toBe('out-1@northwind.example');
    expect(m.references).toEqual(['first@mail.example.com', 'out-1@northwind.example']);
    expect(m.automatic).toBe(false);
  });

  it('decodes quoted-printable bodies and encoded-word (UTF-8) subjects and names', async () => {
    const raw = crlf([
      'From: =?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?= <juergen@example.de>',
      'To: support@northwind.example',
      'Subject: =?UTF-8?Q?R=C3=BCckerstattung_f=C3=BCr_Bestellung?= =?UTF-8?B?IOKCrDQy?=',
      'Message-ID: <qp@example.de>',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Ich m=C3=B6chte eine R=C3=BCckerstattung f=C3=BCr meine Bestellung, die sehr =',
      'lange Zeile geht hier weiter =E2=82=AC.',
      '',
    ]);
    const m = await parseMime(raw);
    expect(m.from.name).toBe('Jürgen Müller');
    expect(m.subject).toBe('Rückerstattung für Bestellung €42');
    expect(m.text.trim()).toBe('Ich möchte eine Rückerstattung für meine Bestellung, die sehr lange Zeile geht hier weiter €.');
  });

  it('turns an HTML-only mail into text, without its quoted block', async () => {
    const raw = crlf([
      'From: ana@example.com',
      'To: support@northwind.example',
      'Subject: Hello',
      'Message-ID: <html-only@example.com>',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<html><head><style>p{color:red}</style></head><body><p>My order&nbsp;#4821 hasn&#39;t arrived &amp; I&rsquo;m worried.</p><p>Line&nbsp;two<br>line three</p>',
      '<div class="gmail_quote"><div>On Mon, Support wrote:</div><blockquote>old text</blockquote></div></body></html>',
      '',
    ]);
    const m = await parseMime(raw);
    expect(m.text).toBe("My order #4821 hasn't arrived & I’m worried.\n\nLine two\nline three");
    expect(m.text).not.toContain('old text');
    expect(m.text).not.toContain('color');
  });

  it('marks auto-replies and bounces as automatic', async () => {
    const ooo = await parseMime(crlf(['From: ana@example.com', 'Subject: Out of office', 'Auto-Submitted: auto-replied', '', 'I am away.', '']));
    expect(ooo.automatic).toBe(true);
    const bounce = await parseMime(crlf(['From: MAILER-DAEMON@mx.example.com', 'Subject: Undeliverable', '', 'failed', '']));
    expect(bounce.automatic).toBe(true);
  });

  it('reads Message-IDs with and without angle brackets', () => {
    expect(parseMessageIds('<a@x> <b@y>')).toEqual(['a@x', 'b@y']);
    expect(parseMessageIds('a@x b@y')).toEqual(['a@x', 'b@y']);
    expect(parseMessageIds(undefined)).toEqual([]);
  });
});

describe('stripping quoted replies', () => {
  const cases: [string, string, string][] = [
    ['Gmail attribution', 'Thanks, that works.\n\nOn Tue, 4 Jun 2024 at 10:02, Northwind Support <support@northwind.example> wrote:\n> Your refund is on its way.\n> -- \n> Northwind', 'Thanks, that works.'],
    ['attribution wrapped over two lines', 'Yes please.\n\nOn Tue, 4 Jun 2024 at 10:02, Northwind Support <\nsupport@northwind.example> wrote:\n\n> old', 'Yes please.'],
    ['interleaved ">" quotes', '> Which order?\n4821\n> And the date?\nLast Monday', '4821\nLast Monday'],
    ['Outlook header block', 'Still nothing.\r\n\r\n________________________________\r\nFrom: Northwind Support <support@northwind.example>\r\nSent: Tuesday, June 4, 2024 10:02 AM\r\nTo: Dana\r\nSubject: Re: order\r\n\r\nYour refund is on its way.', 'Still nothing.'],
    ['Outlook block without a rule', 'Still nothing.\n\nFrom: Northwind Support\nSent: Tuesday\nSubject: x\n\nold', 'Still nothing.'],
    ['"-----Original Message-----"', 'See below.\n-----Original Message-----\nFrom: x', 'See below.'],
    ['signature delimiter', 'Where is my parcel?\n\n-- \nDana Reyes\nAcme Ltd', 'Where is my parcel?'],
    ['a French client', 'Merci.\n\nLe mar. 4 juin 2024 à 10:02, Support <s@n.example> a écrit :\n> vieux', 'Merci.'],
    ['a German client', 'Danke.\n\nAm 04.06.2024 um 10:02 schrieb Support <s@n.example>:\n> alt', 'Danke.'],
    ['nothing to strip', 'Line one\n\nLine two', 'Line one\n\nLine two'],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(stripQuotedReply(input)).toBe(expected);
  });

  it('leaves nothing when the mail was only a quote', () => {
    expect(stripQuotedReply('> only\n> quoted')).toBe('');
  });
});

describe('composing', () => {
  it('keeps one case number in reply subjects', () => {
    expect(baseSubject('Re: RE: Fwd: Question [C-10042]')).toBe('Question');
    expect(threadSubject('C-10042', 'Re: Question [C-10042]')).toBe('Re: Question [C-10042]');
    expect(threadSubject('C-10042', null)).toBe('Re: Your support request [C-10042]');
  });

  it('builds the continue link from the public URL, with a signed credential that names the link and its expiry', () => {
    const link = { id: 'link-0001', expiresAt: new Date('2026-03-17T10:00:00Z') };
    expect(continueLink('https://help.example.com/', { id: 'abc-1', replyToken: null }, link)).toBe('https://help.example.com/demo?conversation=abc-1');
    const url = new URL(continueLink('https://help.example.com/', { id: 'abc-1', replyToken: 'secret-of-the-case' }, link));
    expect(url.searchParams.get('conversation')).toBe('abc-1');
    // The credential is derived from the case's secret, and is not the secret itself.
    expect(url.searchParams.get('resume')).toMatch(new RegExp(`^link-0001\\.${link.expiresAt.getTime() / 1000}\\.[\\w-]{43}$`));
    expect(url.href).not.toContain('secret-of-the-case');
  });

  it('converts HTML links and entities', () => {
    expect(htmlToText('<p>See <a href="https://x.example/a">the page</a> &lt;now&gt;</p>')).toBe('See the page (https://x.example/a) <now>');
  });
});

describe('email configuration', () => {
  it('parses the variables and fails on bad ones, naming them', () => {
    const c = loadEmailConfig({ BATON_SMTP_URL: 'smtp://127.0.0.1:2525', BATON_SMTP_LISTEN: '2526', BATON_MAIL_FROM: 'Northwind Support <support@northwind.example>', BATON_EMAIL_WEBHOOK_SECRET: 's'.repeat(32) });
    expect(c).toMatchObject({ smtpUrl: 'smtp://127.0.0.1:2525', smtpListenPort: 2526, mailFrom: 'Northwind Support <support@northwind.example>', webhookSecret: 's'.repeat(32) });
    expect(loadEmailConfig({ BATON_SMTP_LISTEN: 'off' }).smtpListenPort).toBeNull();
    expect(loadEmailConfig({}).smtpUrl).toBeNull();
    expect(() => loadEmailConfig({ BATON_SMTP_URL: 'http://x', BATON_EMAIL_WEBHOOK_SECRET: 'short' })).toThrow(/BATON_SMTP_URL[\s\S]*BATON_EMAIL_WEBHOOK_SECRET/);
  });
});
