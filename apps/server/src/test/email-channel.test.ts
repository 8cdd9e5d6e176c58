import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutbox } from '../adapters/db/repositories/email.repository.js';
import { loadEmailConfig } from '../adapters/email/email-config.js';
import { createSmtpTransport } from '../adapters/email/mail-transport.js';
import type { SmtpListener } from '../adapters/email/smtp-listener.js';
import { startSmtpListener } from '../adapters/email/smtp-listener.js';
import { receiveRawEmail } from '../app/email/receive-raw-email.js';
import { identityHash } from '../app/signed-identity.js';
import type { QueueUpdateRun } from '../app/post-queue-update.js';
import { postQueueUpdate } from '../app/post-queue-update.js';
import { sendEmailJob } from '../jobs/send-email.job.js';
import { createEmailOutboundListener } from '../listeners/email-outbound.listener.js';
import type { RunningListener } from '../listeners/event-listener.js';
import { startListener } from '../listeners/event-listener.js';
import { api, ASK_FOR_HUMAN } from './api.js';
import { TEST_DATABASES } from './databases.js';
import { replyToOf, startMailbox } from './mailbox.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

const MAIL_FROM = 'Northwind Support <support@northwind.example>';
const SECRET = 'test-secret-0123456789abcdef';
const PUBLIC_URL = 'https://support.northwind.example';
const IDENTITY_SECRET = 'site-identity-secret-0123456789';

describe.each(TEST_DATABASES)('the email channel on %s', (kind) => {
  let s: TestServer;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let inbound: SmtpListener;
  let listener: RunningListener;
  let customerSmtp: Transporter;
  let transport: ReturnType<typeof createSmtpTransport>;
  let offsetMs = 0;

  beforeAll(async () => {
    mailbox = await startMailbox();
    const email = loadEmailConfig({ BATON_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`, BATON_SMTP_LISTEN: '0', BATON_MAIL_FROM: MAIL_FROM, BATON_EMAIL_WEBHOOK_SECRET: SECRET });
    s = await startTestServer(kind, {
      // The webhook's secret and the From go to the server; the outbound side (listener, job,
      // SMTP listener) is started here, so the test holds each part's handle.
      env: { BATON_PUBLIC_URL: PUBLIC_URL, BATON_MAIL_FROM: MAIL_FROM, BATON_EMAIL_WEBHOOK_SECRET: SECRET, BATON_IDENTITY_SECRET: IDENTITY_SECRET },
      clock: () => new Date(Date.now() + offsetMs),
    });
    transport = createSmtpTransport(email.smtpUrl!);
    const send = sendEmailJob(transport, { mailFrom: email.mailFrom });
    await s.ctx.jobs.work('send-email', (data) => send(s.ctx, data));
    listener = startListener(s.ctx, createEmailOutboundListener({ mailFrom: email.mailFrom }), { intervalMs: 200 });
    inbound = await startSmtpListener({ port: email.smtpListenPort!, host: '127.0.0.1', closeTimeoutMs: 500, onMessage: async (raw) => void (await receiveRawEmail(s.ctx, raw, { mailFrom: email.mailFrom })) });
    customerSmtp = nodemailer.createTransport({ host: '127.0.0.1', port: inbound.port, secure: false, ignoreTLS: true });
  }, 60_000);

  afterAll(async () => {
    await listener?.stop();
    customerSmtp?.close();
    transport?.close();
    await inbound?.close();
    await s?.close();
    await mailbox?.close();
  });

  /** Messages of a conversation as an agent sees them (notes included). */
  let alexToken: string | null = null;
  /** Alex's session, logged in once (the login endpoint is rate limited). */
  const alexLogin = async () => (alexToken ??= await s.login('alex'));
  const transcript = async (conversationId: string) => api(s).messages(conversationId, await alexLogin());
  const conversationsOf = async (email: string) =>
    s.ctx.db.selectFrom('conversations').select(['id', 'caseNumber', 'channel', 'customerName']).where('customerEmail', '=', email).orderBy('createdAt').execute();

  it('runs a whole email conversation: AI answer, handoff, agent reply, and the customer replying in the thread', async () => {
    const dana = 'dana.reyes@example.com';
    // 1. The customer writes.
    await customerSmtp.sendMail({ from: `Dana Reyes <${dana}>`, to: MAIL_FROM, subject: 'Paying for my order', text: 'Do you take PayPal?', messageId: '<first-dana@mail.example.com>' });
    const [conv] = await conversationsOf(dana);
    expect(conv).toMatchObject({ channel: 'email', customerName: 'Dana Reyes' });
    const caseNumber = conv!.caseNumber;

    // 2. The AI's answer comes by mail, threaded, with the case number in a Re: subject.
    const answer = await mailbox.next(dana);
    expect(answer.subject).toBe(`Re: Paying for my order [${caseNumber}]`);
    expect(answer.from.address).toBe('support@northwind.example');
    expect(answer.inReplyTo).toBe('first-dana@mail.example.com');
    expect(answer.references).toEqual(['first-dana@mail.example.com']);
    expect(answer.text).toMatch(/paypal/i);
    expect(answer.text).toContain('(automated assistant)');
    expect(answer.messageId).toMatch(/@northwind\.example$/);
    // Replies go to the case's own address, with its secret token.
    expect(replyToOf(answer)).toMatch(/^support\+[0-9a-f]{32}@northwind\.example$/);

    // 3. The customer asks for a person, replying to the answer and quoting it: escalated, and told by mail.
    await customerSmtp.sendMail({
      from: `Dana Reyes <${dana}>`,
      to: replyToOf(answer),
      subject: `Re: Paying for my order [${caseNumber}]`,
      text: `${ASK_FOR_HUMAN}\n\nOn Tue, 4 Jun 2024 at 10:02, Northwind Support <support@northwind.example> wrote:\n${answer.text.split('\n').map((l) => `> ${l}`).join('\n')}`,
      messageId: '<second-dana@mail.example.com>',
      inReplyTo: `<${answer.messageId}>`,
      references: ['<first-dana@mail.example.com>', `<${answer.messageId}>`],
    });
    const notice = await mailbox.next(dana);
    expect(notice.subject).toBe(`Re: Paying for my order [${caseNumber}]`);
    expect(notice.inReplyTo).toBe('second-dana@mail.example.com');
    expect(notice.references).toEqual(['first-dana@mail.example.com', answer.messageId, 'second-dana@mail.example.com']);
    expect(notice.text).toContain(`case number is ${caseNumber}`);
    expect(notice.text).toContain(`${PUBLIC_URL}/demo?conversation=${conv!.id}`);
    expect(await conversationsOf(dana)).toHaveLength(1);

    // 4. An agent accepts (the customer hears who joined), writes a private note (never mailed) and replies.
    const http = api(s);
    const alex = await alexLogin();
    const handoff = await http.handoffOf(conv!.id, alex, 'waiting');
    expect(handoff).not.toBeNull();
    expect((await http.post(`/api/v1/handoffs/${handoff!.id}/accept`, alex)).status).toBe(200);
    const joined = await mailbox.next(dana);
    expect(joined.text).toMatch(/Alex/);
    expect((await http.post(`/api/v1/conversations/${conv!.id}/messages`, alex, { text: 'NOTE: customer seems nice', private: true })).status).toBe(201);
    expect((await http.post(`/api/v1/conversations/${conv!.id}/messages`, alex, { text: 'Hi Dana, yes: PayPal works at checkout. Anything else?' })).status).toBe(201);
    const reply = await mailbox.next(dana);
    expect(reply.text).toContain('yes: PayPal works at checkout');
    expect(reply.text).toContain('Alex Morgan, Northwind Support');
    expect(reply.subject).toBe(`Re: Paying for my order [${caseNumber}]`);
    expect(reply.inReplyTo).toBe(joined.messageId);
    await listener.drain();
    const outbox = await listOutbox(s.ctx.db, { conversationId: conv!.id });
    expect(outbox.some((m) => m.body.includes('NOTE: customer seems nice'))).toBe(false);
    expect(mailbox.mails.some((m) => m.text.includes('NOTE'))).toBe(false);

    // 5. The customer replies to the agent's mail, quoting it: the same conversation, without the quote.
    await customerSmtp.sendMail({
      from: `Dana Reyes <${dana}>`,
      to: replyToOf(reply),
      subject: `Re: Paying for my order [${caseNumber}]`,
      text: `Great, thanks Alex!\n\nOn Tue, 4 Jun 2024 at 10:30, Northwind Support <support@northwind.example> wrote:\n> Hi Dana, yes: PayPal works at checkout. Anything else?\n>\n> -- \n> Alex Morgan, Northwind Support`,
      messageId: '<third-dana@mail.example.com>',
      inReplyTo: `<${reply.messageId}>`,
      references: [`<${answer.messageId}>`, `<${reply.messageId}>`],
    });
    expect(await conversationsOf(dana)).toHaveLength(1);
    const messages = await transcript(conv!.id);
    const customer = messages.filter((m) => m.author.kind === 'customer').map((m) => m.text);
    expect(customer).toEqual(['Do you take PayPal?', ASK_FOR_HUMAN, 'Great, thanks Alex!']);

    // The same mail delivered again (an MTA retry) is stored once.
    await customerSmtp.sendMail({ from: dana, to: MAIL_FROM, subject: 'Re: x', text: 'Great, thanks Alex!', messageId: '<third-dana@mail.example.com>', inReplyTo: `<${reply.messageId}>` });
    expect((await transcript(conv!.id)).filter((m) => m.author.kind === 'customer')).toHaveLength(3);
  }, 60_000);

  it('joins a case only through its reply address: a case number in the subject or a forged From starts a new case', async () => {
    const lee = 'lee.case@example.com';
    await customerSmtp.sendMail({ from: lee, to: MAIL_FROM, subject: 'Payment question', text: 'Do you take PayPal?', messageId: '<lee-1@example.com>' });
    const [conv] = await conversationsOf(lee);
    const answer = await mailbox.next(lee);

    // Through the reply address: the same case.
    await customerSmtp.sendMail({ from: lee, to: replyToOf(answer), subject: 'Re: Payment question', text: 'Do you take Visa too?', messageId: '<lee-2@example.com>' });
    expect(await conversationsOf(lee)).toHaveLength(1);
    expect((await transcript(conv!.id)).filter((m) => m.author.kind === 'customer').map((m) => m.text)).toEqual(['Do you take PayPal?', 'Do you take Visa too?']);

    // A forged From with the case number and thread headers, sent to the support address: a new case.
    await customerSmtp.sendMail({ from: lee, to: MAIL_FROM, subject: `Re: [${conv!.caseNumber}]`, text: 'Show me that order', messageId: '<forged-1@example.com>', inReplyTo: `<${answer.messageId}>` });
    const cases = await conversationsOf(lee);
    expect(cases).toHaveLength(2);
    expect(cases[1]!.id).not.toBe(conv!.id);
    expect((await transcript(conv!.id)).some((m) => m.text.includes('Show me that order'))).toBe(false);
    // A made-up token joins nothing either.
    await customerSmtp.sendMail({ from: lee, to: `support+${'0'.repeat(32)}@northwind.example`, subject: 'x', text: 'Guessing', messageId: '<forged-2@example.com>' });
    expect((await transcript(conv!.id)).some((m) => m.text.includes('Guessing'))).toBe(false);
  }, 30_000);

  it('takes mail from the inbound webhook: secret checked, body validated, a duplicate stored once', async () => {
    const url = '/api/v1/channels/email/inbound';
    const mail = { from: 'Kim Webhook <kim.hook@example.com>', to: 'support@northwind.example', subject: 'Gift cards', text: 'Do you take PayPal?', messageId: '<kim-1@example.com>' };
    const post = (body: unknown, secret?: string) => s.app.inject({ method: 'POST', url, payload: body as object, headers: secret === undefined ? {} : { 'x-baton-email-secret': secret } });

    const none = await post(mail);
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('AUTH_ERR_MISSING_TOKEN');
    const wrong = await post(mail, 'not-the-secret');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('AUTH_ERR_INVALID_TOKEN');

    const { messageId: _m, ...noId } = mail;
    const bad = await post(noId, SECRET);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_ERR_BODY', field: 'messageId' });
    const badFrom = await post({ ...mail, from: 'not an address' }, SECRET);
    expect(badFrom.statusCode).toBe(400);
    expect(badFrom.json().error.field).toBe('from');

    const first = await post(mail, SECRET);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'posted', caseNumber: expect.stringMatching(/^C-\d+$/) });
    const again = await post(mail, SECRET);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'duplicate', conversationId: first.json().conversationId });
    const customer = (await transcript(first.json().conversationId)).filter((m) => m.author.kind === 'customer');
    expect(customer.map((m) => m.text)).toEqual(['Do you take PayPal?']);
    const answered = await mailbox.next('kim.hook@example.com');
    expect(answered.inReplyTo).toBe('kim-1@example.com');

    // HTML-only, to the case's reply address: joins the case.
    const html = await post({ ...mail, to: replyToOf(answered), text: '', html: '<p>And <b>Visa</b>?</p>', messageId: 'kim-2@example.com', inReplyTo: `<${answered.messageId}>` }, SECRET);
    expect(html.statusCode).toBe(201);
    expect(html.json().conversationId).toBe(first.json().conversationId);
    expect((await transcript(first.json().conversationId)).filter((m) => m.author.kind === 'customer').map((m) => m.text)).toEqual(['Do you take PayPal?', 'And Visa?']);

    // Auto-replies are not answered (no mail loops) — over SMTP, where the headers are seen.
    await customerSmtp.sendMail({ from: 'kim.hook@example.com', to: MAIL_FROM, subject: 'Out of office', text: 'I am away until Monday.', headers: { 'Auto-Submitted': 'auto-replied' }, inReplyTo: `<${answered.messageId}>` });
    expect((await transcript(first.json().conversationId)).some((m) => m.text.includes('away until Monday'))).toBe(false);
  }, 30_000);

  it('mails a web customer whose address the site signed a handoff confirmation with the case number, a summary and the continue link', async () => {
    const http = api(s);
    const alex = await alexLogin();
    const address = 'web.customer@example.com';
    const conv = await http.escalated(alex, { customer: { name: 'Robin Web', email: address, identifierHash: identityHash(IDENTITY_SECRET, address) } });
    const mail = await mailbox.next(address);
    const handoff = (await http.get(`/api/v1/handoffs/${conv.handoffId}`, alex)).body;
    const summary: string = handoff.brief?.intent?.summary ?? handoff.handoff?.brief?.intent?.summary;
    expect(mail.subject).toContain(conv.caseNumber);
    expect(mail.text).toContain(`Your case number is ${conv.caseNumber}`);
    expect(mail.text).toContain(`${PUBLIC_URL}/demo?conversation=${conv.id}`);
    expect(summary).toBeTruthy();
    expect(mail.text).toContain(summary);
    expect(mail.text).toMatch(/^Hello Robin,/);
    // The web conversation's own messages stay in the widget: only the confirmation was mailed.
    await listener.drain();
    expect((await listOutbox(s.ctx.db, { conversationId: conv.id })).map((m) => m.kind)).toEqual(['handoff_confirmation']);
  }, 30_000);

  it('looks at an email customer\'s queue every 10 minutes, not at the widget\'s pace, and mails every update it makes', async () => {
    const sam = 'sam.queue@example.com';
    await customerSmtp.sendMail({ from: sam, to: MAIL_FROM, subject: 'Help', text: ASK_FOR_HUMAN, messageId: '<sam-1@example.com>' });
    const [conv] = await conversationsOf(sam);
    const notice = await mailbox.next(sam);
    expect(notice.text).toContain(conv!.caseNumber);
    const alex = await alexLogin();
    const handoff = await api(s).handoffOf(conv!.id, alex, 'waiting');
    const queueMails = async () => {
      await listener.drain();
      return (await listOutbox(s.ctx.db, { conversationId: conv!.id })).filter((m) => m.kind === 'queue_update');
    };

    // The queue-update job run at the widget's pace (every BATON_QUEUE_UPDATE_SECONDS) for an hour
    // and a half after the handoff notice, which told the wait: the queue is computed at each
    // 10-minute mark only, and each run before a mark books the next look at that mark.
    const step = s.config.queueUpdateSeconds * 1000;
    const runs: QueueUpdateRun[] = [];
    for (let waited = step; waited <= 90 * 60_000; waited += step) {
      offsetMs += step;
      runs.push(await postQueueUpdate(s.ctx, handoff!.id));
      await listener.drain();
    }
    expect(runs).toHaveLength(45);
    expect(runs.filter((r) => r.computed)).toHaveLength(9);
    expect(runs.map((r, i) => (r.computed ? i + 1 : 0)).filter(Boolean)).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45]);
    for (const r of runs.filter((x) => !x.computed)) expect(r.told).toBe(false);
    // The estimate grows with the wait, so the customer hears of it: every update made is mailed, none held back.
    const told = runs.filter((r) => r.told).length;
    expect(told).toBeGreaterThanOrEqual(2);
    expect(await queueMails()).toHaveLength(told);
    expect((await transcript(conv!.id)).filter((m) => m.action === 'queue_update')).toHaveLength(told);
    const update = await mailbox.next(sam, (m) => /queue|next/i.test(m.text));
    expect(update.subject).toBe(`Re: Help [${conv!.caseNumber}]`);
  }, 60_000);
});
