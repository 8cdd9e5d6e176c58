import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationAttachmentUsage } from '../adapters/db/repositories/attachments.repository.js';
import type { SmtpListener } from '../adapters/email/smtp-listener.js';
import { startSmtpListener } from '../adapters/email/smtp-listener.js';
import { receiveRawEmail } from '../app/email/receive-raw-email.js';
import type { Api } from './api.js';
import { api, ASK_FOR_HUMAN } from './api.js';
import { HOSTILE, PDF_MINIMAL, PNG_1X1 } from './attachment-files.js';
import { TEST_DATABASES } from './databases.js';
import type { Mailbox } from './mailbox.js';
import { replyToOf, startMailbox } from './mailbox.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

const MAIL_FROM = 'Northwind Support <support@northwind.example>';
const WEBHOOK_SECRET = 'inbound-webhook-secret-0123';

// Inbound mail with files, and outbound mail as text and HTML from the admins' templates, through real SMTP servers on both sides.
describe.each(TEST_DATABASES)('email files and HTML mail on %s', (kind) => {
  let s: TestServer;
  let http: Api;
  let mailbox: Mailbox;
  let inbound: SmtpListener;
  let customerSmtp: Transporter;
  let alex: string;
  let casey: string;

  beforeAll(async () => {
    mailbox = await startMailbox();
    // The server sends through the customers' mailbox (its workers and the outbound listener run as in production).
    s = await startTestServer(kind, { env: { BATON_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`, BATON_MAIL_FROM: MAIL_FROM, BATON_PUBLIC_URL: 'https://support.northwind.example', BATON_EMAIL_WEBHOOK_SECRET: WEBHOOK_SECRET } });
    http = api(s);
    inbound = await startSmtpListener({ port: 0, host: '127.0.0.1', closeTimeoutMs: 500, onMessage: async (raw) => void (await receiveRawEmail(s.ctx, raw, { mailFrom: MAIL_FROM })) });
    customerSmtp = nodemailer.createTransport({ host: '127.0.0.1', port: inbound.port, secure: false, ignoreTLS: true });
    alex = await s.login('alex');
    casey = await s.login('casey');
  }, 60_000);

  afterAll(async () => {
    customerSmtp?.close();
    await inbound?.close();
    await s?.close();
    await mailbox?.close();
  });

  it('keeps the pictures and PDFs of an inbound mail for the agent, leaves out a program named .png, and stores a re-delivered mail once', async () => {
    const mail = {
      from: 'Mia Lopez <mia.lopez@example.com>',
      to: MAIL_FROM,
      subject: 'Broken lamp',
      text: 'The lamp arrived broken, photo and receipt attached.',
      messageId: '<lamp-1@mail.example.com>',
      attachments: [
        { filename: 'lamp.png', content: PNG_1X1, contentType: 'image/png' },
        { filename: 'receipt.pdf', content: PDF_MINIMAL, contentType: 'application/pdf' },
        { filename: 'invoice.png', content: HOSTILE.exe, contentType: 'image/png' },
      ],
    };
    await customerSmtp.sendMail(mail);
    await customerSmtp.sendMail(mail);
    const conv = await s.ctx.db.selectFrom('conversations').select(['id']).where('customerEmail', '=', 'mia.lopez@example.com').executeTakeFirstOrThrow();
    const messages = (await http.messages(conv.id, alex)) as { author: { kind: string }; attachments?: { name: string; contentType: string; url: string }[] }[];
    const fromMia = messages.filter((m) => m.author.kind === 'customer');
    expect(fromMia).toHaveLength(1);
    expect(fromMia[0]!.attachments?.map((a) => [a.name, a.contentType])).toEqual([
      ['lamp.png', 'image/png'],
      ['receipt.pdf', 'application/pdf'],
    ]);
    expect((await conversationAttachmentUsage(s.ctx.db, conv.id)).count).toBe(2);
    const png = await s.app.inject({ method: 'GET', url: fromMia[0]!.attachments![0]!.url, headers: { authorization: `Bearer ${alex}` } });
    expect(png.rawPayload.equals(PNG_1X1)).toBe(true);
    // The AI's answer to the mail goes out as text and HTML, with the case number in the subject and both bodies.
    const answer = await mailbox.next('mia.lopez@example.com');
    expect(answer.raw).toMatch(/Content-Type: multipart\/alternative/i);
    const { caseNumber } = await s.ctx.db.selectFrom('conversations').select('caseNumber').where('id', '=', conv.id).executeTakeFirstOrThrow();
    expect(answer.subject).toBe(`Re: Broken lamp [${caseNumber}]`);
    expect(answer.text).toContain(`Case ${caseNumber}.`);
    expect(answer.html).toContain(`Case ${caseNumber}.`);
    expect(answer.html).toMatch(/^<!doctype html>/);
  });

  it('keeps the files of a mail that comes through the inbound webhook, base64 in its body', async () => {
    const body = {
      from: 'Ken Ito <ken@example.jp>',
      to: MAIL_FROM,
      subject: 'Scan',
      text: '',
      html: '<p>See the scan.</p>',
      messageId: '<scan-1@example.jp>',
      attachments: [
        { filename: 'scan.pdf', content: PDF_MINIMAL.toString('base64') },
        { filename: 'page.html', content: HOSTILE.html.toString('base64') },
      ],
    };
    const post = () => s.app.inject({ method: 'POST', url: '/api/v1/channels/email/inbound', headers: { 'x-baton-email-secret': WEBHOOK_SECRET }, payload: body });
    const first = await post();
    expect(first.statusCode).toBe(201);
    expect((await post()).statusCode).toBe(200);
    const { conversationId } = first.json() as { conversationId: string };
    const fromKen = ((await http.messages(conversationId, alex)) as { author: { kind: string }; attachments?: { name: string }[] }[]).filter((m) => m.author.kind === 'customer');
    expect(fromKen.map((m) => m.attachments?.map((a) => a.name))).toEqual([['scan.pdf']]);
  });

  it("sends an agent's reply in the customer's language, escaping it in the HTML part, and follows the wording an admin saves", async () => {
    // The customer writes by mail and asks for a person; the notice and the agent's reply follow by mail.
    await customerSmtp.sendMail({ from: 'Louis Martin <louis@example.fr>', to: MAIL_FROM, subject: 'Commande', text: ASK_FOR_HUMAN, messageId: '<louis-1@example.fr>' });
    const conv = await s.ctx.db.selectFrom('conversations').select(['id', 'caseNumber', 'language']).where('customerEmail', '=', 'louis@example.fr').orderBy('createdAt', 'desc').executeTakeFirstOrThrow();
    // A short mail says too little to detect its language: it is set here, as a widget customer's is.
    await s.ctx.db.updateTable('conversations').set({ language: 'fr' }).where('id', '=', conv.id).execute();
    const handoff = await http.handoffOf(conv.id, alex, 'waiting');
    expect((await http.post(`/api/v1/handoffs/${handoff!.id}/accept`, alex)).status).toBe(200);
    const hostile = 'Bonjour <b>Louis</b> & <script>alert(1)</script>\nLigne deux';
    expect((await http.post(`/api/v1/conversations/${conv.id}/messages`, alex, { text: hostile })).status).toBe(201);
    const reply = await mailbox.next('louis@example.fr', (m) => m.text.includes('Ligne deux'));
    expect(reply.text).toContain(hostile);
    expect(reply.text).toContain(`Dossier ${conv.caseNumber}. Répondez à cet e-mail`);
    expect(reply.html).toContain('Bonjour &lt;b&gt;Louis&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;<br>');
    expect(reply.html).not.toMatch(/<script|<b>Louis/);
    expect(reply.html).toContain('<html lang="fr">');

    // The admin rewords the French message mail; a template without the case number, or naming an unknown variable, is refused.
    const url = '/api/v1/admin/email-templates/message/fr';
    const custom = { subject: 'Re: {{subject}} [{{case}}]', text: '{{message}}\n\n{{brand}} — dossier {{case}}', html: '<p>{{message}}</p><p>{{brand}} — dossier {{case}}</p>' };
    const noCase = await http.put(url, casey, { template: { ...custom, text: '{{message}}' } });
    expect({ status: noCase.status, code: noCase.body.error.code, field: noCase.body.error.field }).toEqual({ status: 400, code: 'TEMPLATE_ERR_INVALID', field: 'template.text' });
    const unknown = await http.put(url, casey, { template: { ...custom, html: '<p>{{message}} {{password}} {{case}}</p>' } });
    expect(unknown.body.error.message).toContain('{{password}} is not a variable');
    expect((await http.put(url, alex, { template: custom })).status).toBe(403);
    const saved = await http.put(url, casey, { template: custom });
    expect(saved.status).toBe(200);
    expect(saved.body.templates.find((t: { kind: string; language: string }) => t.kind === 'message' && t.language === 'fr')).toMatchObject({ custom: true, template: custom });
    const preview = await http.post('/api/v1/admin/email-templates/preview', casey, { kind: 'message', language: 'fr' });
    expect(preview.body.html).toContain('&lt;DHL&gt; &amp; will');
    expect(preview.body.subject).toBe('Re: Where is my order #4821? [C-10482]');

    // The agent's file goes with the mail.
    const label = await s.app.inject({ method: 'POST', url: `/api/v1/conversations/${conv.id}/attachments?name=etiquette.pdf`, headers: { authorization: `Bearer ${alex}`, 'content-type': 'application/pdf' }, payload: PDF_MINIMAL });
    expect((await http.post(`/api/v1/conversations/${conv.id}/messages`, alex, { text: 'Colis retrouvé.', attachmentIds: [label.json().attachment.id] })).status).toBe(201);
    const reworded = await mailbox.next('louis@example.fr', (m) => m.text.includes('Colis retrouvé'));
    expect(reworded.attachments.map((a) => [a.name, a.bytes.equals(PDF_MINIMAL)])).toEqual([['etiquette.pdf', true]]);
    expect(reworded.text.trim()).toBe(`Colis retrouvé.\n\nNorthwind Support — dossier ${conv.caseNumber}`);
    expect(reworded.html).toContain(`<p>Northwind Support — dossier ${conv.caseNumber}</p>`);
    // Back to the default.
    const reset = await http.put(url, casey, { template: null });
    expect(reset.body.templates.find((t: { kind: string; language: string }) => t.kind === 'message' && t.language === 'fr').custom).toBe(false);
    expect(replyToOf(reworded)).toMatch(/^support\+/);
  });
});
