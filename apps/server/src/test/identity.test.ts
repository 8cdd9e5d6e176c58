import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutbox } from '../adapters/db/repositories/email.repository.js';
import { ingestInboundEmail } from '../app/email/ingest-inbound-email.js';
import { identityHash } from '../app/signed-identity.js';
import type { StartedConversation } from './api.js';
import { api, ASK_FOR_HUMAN } from './api.js';
import { TEST_DATABASES } from './databases.js';
import type { Mailbox } from './mailbox.js';
import { replyToOf, startMailbox } from './mailbox.js';
import { startReceiver, waitFor } from './notifications-receivers.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

const SECRET = 'site-identity-secret-0123456789';
const SARAH = 'sarah.jones@example.com';
/** What only Sarah's account knows about her orders. */
const SARAH_FACTS = ['RM482100019GB', 'Royal Mail', 'H01HYA0043770912', 'Evri', 'Sarah', 'Jones', 'AC-1001', 'casserole'];

const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1] ?? '';

describe.each(TEST_DATABASES)('identity before account data on %s', (kind) => {
  let s: TestServer;
  let mailbox: Mailbox;
  /** The SMS provider: a real HTTP receiver. */
  let sms: Awaited<ReturnType<typeof startReceiver>>;
  let offsetMs = 0;
  let alexToken: string | null = null;
  const alex = async () => (alexToken ??= await s.login('alex'));
  const http = () => api(s);
  const verify = (c: StartedConversation, code: string) => http().post(`/api/v1/conversations/${c.id}/verify`, c.token, { code });
  const requestCode = (c: StartedConversation, body: object = {}) => http().post(`/api/v1/conversations/${c.id}/verify/code`, c.token, body);
  const leaksNothing = (text: string) => {
    for (const fact of SARAH_FACTS) expect(text).not.toContain(fact);
  };

  beforeAll(async () => {
    mailbox = await startMailbox();
    sms = await startReceiver();
    s = await startTestServer(kind, {
      env: {
        BATON_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
        BATON_MAIL_FROM: 'Northwind Support <support@northwind.example>',
        BATON_IDENTITY_SECRET: SECRET,
        BATON_SMS_URL: `${sms.url}/sms?From=Northwind`,
        BATON_SMS_AUTH: 'AC123:token',
        // The SMS provider here is a local receiver, which outbound requests refuse unless allowed.
        BATON_OUTBOUND_ALLOW: '127.0.0.1',
      },
      clock: () => new Date(Date.now() + offsetMs),
    });
  }, 60_000);

  afterAll(async () => {
    await s?.close();
    await mailbox?.close();
    await sms?.close();
  });

  it("gives an impostor claiming Sarah's address nothing from her account, and shows the claim as a claim", async () => {
    const mallory = await http().start({ customer: { email: SARAH, name: 'Mallory' } });
    const state = await http().get(`/api/v1/conversations/${mallory.id}`, mallory.token);
    expect(state.status).toBe(200);
    expect(state.body.conversation.customer).toEqual({ id: null, name: 'Mallory', email: SARAH, identity: 'unverified' });
    leaksNothing(state.text);

    const asked = await http().say(mallory, 'where is my order #4821?');
    expect(asked.status).toBe(201);
    const reply = asked.body.replies[0];
    expect(reply.action).toBe('verify_identity');
    expect(reply.text).toMatch(/six-digit code/);
    leaksNothing(asked.text);
    // A message listing many order numbers finds nothing either.
    const many = Array.from({ length: 400 }, (_, i) => `#${4000 + i}`).join(' ');
    const listed = await http().say(mallory, `status of my orders ${many} please`);
    expect(listed.status).toBe(201);
    leaksNothing(listed.text);
    for (const r of listed.body.replies) expect(r.text).not.toMatch(/delivered|dispatched/);

    // The code went to Sarah's own mailbox, not to the impostor; it names no one.
    const codeMail = await mailbox.next(SARAH, (m) => /verification code/i.test(m.text));
    expect(codeIn(codeMail.text)).toMatch(/^\d{6}$/);
    expect(codeMail.text).not.toContain('Mallory');
    // The same code by SMS, to the phone on Sarah's account only.
    const text = await waitFor('the code by SMS', () => sms.requests.find((r) => r.body.includes(codeIn(codeMail.text))));
    const form = new URLSearchParams(text.body);
    expect([form.get('To'), form.get('From')]).toEqual(['+44 7700 900123', 'Northwind']);
    expect(text.headers.authorization).toBe(`Basic ${Buffer.from('AC123:token').toString('base64')}`);

    // The agent's brief: unverified, the account only as a claim, and a reply with nothing from it.
    await http().say(mallory, ASK_FOR_HUMAN);
    const handoff = await http().handoffOf(mallory.id, await alex(), 'waiting');
    expect(handoff).not.toBeNull();
    const full = (await http().get(`/api/v1/handoffs/${handoff!.id}`, await alex())).body;
    const brief = full.brief ?? full.handoff.brief;
    expect(brief.identity).toMatchObject({ state: 'unverified', email: SARAH, emailVerified: false, claimedAccount: { name: 'Sarah Jones', accountId: 'AC-1001' } });
    expect(brief.headline.customerName).toBe('Mallory');
    expect(brief.account).toBeNull();
    expect(brief.entities.filter((e: { verified: boolean }) => e.verified)).toEqual([]);
    expect(brief.nextSteps[0]).toMatch(/^Identity not verified\. .*Sarah Jones.*has not proved/);
    leaksNothing(brief.suggestedReply);
    expect(JSON.stringify(brief.transcript)).not.toContain('RM482100019GB');

    // No handoff confirmation to the unverified address: the real Sarah is never greeted as Mallory.
    await new Promise((r) => setTimeout(r, 1500));
    const kinds = (await listOutbox(s.ctx.db, { conversationId: mallory.id })).map((m) => m.kind);
    expect(kinds).toEqual(['verification_code']);
    expect(mailbox.mails.some((m) => /Hello Mallory/.test(m.text))).toBe(false);
  }, 60_000);

  it('gives the same answer for an address with an account and one without', async () => {
    const a = await http().start({ customer: { email: SARAH } });
    const b = await http().start({ customer: { email: 'nobody.here@example.com' } });
    const ra = await requestCode(a);
    const rb = await requestCode(b);
    expect([ra.status, rb.status]).toEqual([202, 202]);
    expect(ra.text).toBe(rb.text);
    const sa = await http().get(`/api/v1/conversations/${a.id}`, a.token);
    const sb = await http().get(`/api/v1/conversations/${b.id}`, b.token);
    expect(sa.body.conversation.customer).toEqual({ id: null, name: null, email: SARAH, identity: 'unverified' });
    expect(sb.body.conversation.customer).toEqual({ id: null, name: null, email: 'nobody.here@example.com', identity: 'unverified' });
    // Both addresses get a code: whether an account exists is not told by whether mail comes.
    await mailbox.next('nobody.here@example.com', (m) => /verification code/i.test(m.text));
    await mailbox.next(SARAH, (m) => /verification code/i.test(m.text));
  }, 30_000);

  it('shows the account once the customer enters the code from their mailbox; the code works once and is kept only as a hash', async () => {
    const c = await http().start({ customer: { email: SARAH } });
    const asked = await http().say(c, 'where is my order #4821?');
    expect(asked.body.replies[0].action).toBe('verify_identity');
    const code = codeIn((await mailbox.next(SARAH, (m) => /verification code/i.test(m.text))).text);
    const wrong = code === '000000' ? '111111' : '000000';

    const bad = await verify(c, wrong);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'IDENTITY_ERR_CODE_INVALID', field: 'code' });
    const malformed = await verify(c, '12ab');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('VALIDATION_ERR_BODY');

    const ok = await verify(c, code);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ identity: 'code' });
    const state = await http().get(`/api/v1/conversations/${c.id}`, c.token);
    expect(state.body.conversation.customer).toMatchObject({ id: 'cus-sarah', identity: 'code' });
    const answered = await http().say(c, 'where is my order #4821?');
    expect(answered.body.replies[0].text).toContain('RM482100019GB');
    // Used once: a second entry finds no live code; a verified conversation stays verified.
    expect((await verify(c, code)).body).toEqual({ identity: 'code' });

    // Stored as a hash; the sent mail's copy of the code is removed.
    const rows = await s.ctx.db.selectFrom('verificationCodes').selectAll().where('conversationId', '=', c.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.codeHash).not.toContain(code);
    expect(rows[0]!.consumedAt).not.toBeNull();
    const [sent] = await listOutbox(s.ctx.db, { conversationId: c.id });
    expect(sent!.status).toBe('sent');
    expect(sent!.body).not.toContain(code);
  }, 30_000);

  it('sends a verified customer the handoff confirmation, with the case reply address', async () => {
    const c = await http().start({ customer: { email: 'robin.code@example.com', name: 'Robin' } });
    expect((await requestCode(c)).status).toBe(202);
    const code = codeIn((await mailbox.next('robin.code@example.com', (m) => /verification code/i.test(m.text))).text);
    expect((await verify(c, code)).status).toBe(200);
    await http().say(c, ASK_FOR_HUMAN);
    const mail = await mailbox.next('robin.code@example.com', (m) => /Hello Robin/.test(m.text));
    expect(replyToOf(mail)).toMatch(/^support\+[0-9a-f]{32}@northwind\.example$/);
  }, 30_000);

  it('allows five tries per code, ten minutes, and a limited number of codes', async () => {
    const c = await http().start({ customer: { email: 'tries@example.com' } });
    expect((await requestCode(c)).status).toBe(202);
    const code = codeIn((await mailbox.next('tries@example.com', (m) => /verification code/i.test(m.text))).text);
    const wrong = code === '999999' ? '888888' : '999999';
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await verify(c, wrong)).body.error.code);
    expect(codes).toEqual(['IDENTITY_ERR_CODE_INVALID', 'IDENTITY_ERR_CODE_INVALID', 'IDENTITY_ERR_CODE_INVALID', 'IDENTITY_ERR_CODE_INVALID', 'IDENTITY_ERR_CODE_EXPIRED']);
    // The right code after five wrong ones: too late.
    expect((await verify(c, code)).body.error.code).toBe('IDENTITY_ERR_CODE_EXPIRED');

    // A second code at once: refused; 31 s later: sent.
    const again = await requestCode(c);
    expect(again.status).toBe(429);
    expect(again.body.error.code).toBe('IDENTITY_ERR_CODE_LIMITED');
    offsetMs += 31_000;
    expect((await requestCode(c)).status).toBe(202);
    const fresh = codeIn((await mailbox.next('tries@example.com', (m) => /verification code/i.test(m.text))).text);
    // Ten minutes and a second later, it has expired.
    offsetMs += 10 * 60_000 + 1000;
    expect((await verify(c, fresh)).body.error.code).toBe('IDENTITY_ERR_CODE_EXPIRED');

    // Five codes an hour per address, across conversations.
    for (let i = 0; i < 3; i++) {
      offsetMs += 31_000;
      const other = await http().start({ customer: { email: 'tries@example.com' } });
      expect((await requestCode(other)).status).toBe(202);
    }
    offsetMs += 31_000;
    const sixth = await http().start({ customer: { email: 'tries@example.com' } });
    expect((await requestCode(sixth)).status).toBe(429);
    // An hour on, the address may have codes again.
    offsetMs += 3_600_000;
    expect((await requestCode(sixth)).status).toBe(202);
  }, 60_000);

  it('asks for an address when the customer gave none, and takes one with the code request', async () => {
    const c = await http().start({});
    const asked = await http().say(c, 'where is my order #4821?');
    expect(asked.body.replies[0].action).toBe('verify_address');
    expect(asked.body.replies[0].text).toMatch(/enter the email address on your account/);
    const none = await requestCode(c);
    expect(none.status).toBe(400);
    expect(none.body.error).toMatchObject({ code: 'IDENTITY_ERR_NO_ADDRESS', field: 'email' });
    expect((await requestCode(c, { email: 'Late.Giver@Example.com' })).status).toBe(202);
    await mailbox.next('late.giver@example.com', (m) => /verification code/i.test(m.text));
  }, 30_000);

  it("trusts the site's HMAC signature: the signed customer sees their account, a wrong signature is refused", async () => {
    const signed = await http().start({ customer: { email: 'Sarah.Jones@Example.com', identifierHash: identityHash(SECRET, SARAH) } });
    const state = await http().get(`/api/v1/conversations/${signed.id}`, signed.token);
    expect(state.body.conversation.customer).toEqual({ id: 'cus-sarah', name: 'Sarah Jones', email: SARAH, identity: 'signed' });
    const answered = await http().say(signed, 'where is my order #4821?');
    expect(answered.body.replies[0].text).toContain('RM482100019GB');

    // The site's own id, signed instead of the email.
    const byId = await http().start({ customer: { externalId: 'AC-1001', identifierHash: identityHash(SECRET, 'AC-1001').toUpperCase() } });
    expect((await http().get(`/api/v1/conversations/${byId.id}`, byId.token)).body.conversation.customer).toMatchObject({ id: 'cus-sarah', identity: 'signed' });

    for (const customer of [
      { email: SARAH, name: 'Mallory', identifierHash: identityHash('another-secret-0123456789', SARAH) },
      { email: SARAH, identifierHash: identityHash(SECRET, 'mallory@example.com') },
      { identifierHash: identityHash(SECRET, SARAH) },
    ]) {
      const r = await http().post('/api/v1/conversations', undefined, { customer });
      expect(r.status).toBe(401);
      expect(r.body.error).toMatchObject({ code: 'IDENTITY_ERR_HASH_INVALID', field: 'customer.identifierHash' });
    }
    const malformed = await http().post('/api/v1/conversations', undefined, { customer: { email: SARAH, identifierHash: 'abc' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('VALIDATION_ERR_BODY');
  }, 30_000);

  it('shares no account data by mail: an email conversation is told to confirm in the chat', async () => {
    // A mail "from" Sarah: the From can be forged, so it proves nothing.
    const r = await ingestInboundEmail(s.ctx, { from: { address: SARAH, name: 'Sarah' }, subject: 'Order', text: 'where is my order #4821?', messageId: 'forged-order@example.com', inReplyTo: null, references: [] });
    expect(r.status).toBe('posted');
    const conversationId = r.status === 'posted' ? r.conversationId : '';
    const messages = await http().messages(conversationId, await alex());
    const reply = messages.find((m) => m.author.kind === 'ai')!;
    expect(reply.action).toBe('verify_identity');
    expect(reply.text).toMatch(/not sent by email/);
    leaksNothing(reply.text);
    expect((await listOutbox(s.ctx.db, { conversationId })).map((m) => m.kind)).not.toContain('verification_code');
  }, 30_000);

  it("sends the code in the conversation's language: the mail's subject, text and HTML, and the SMS", async () => {
    offsetMs += 3_600_000; // a fresh hour of codes for Sarah's address
    const c = await http().start({ language: 'es', customer: { email: SARAH, name: 'Sarah' } });
    expect((await requestCode(c)).status).toBe(202);
    const mail = await mailbox.next(SARAH, (m) => m.text.includes('código de verificación'));
    const code = codeIn(mail.text);
    expect(code).toMatch(/^\d{6}$/);
    expect(mail.subject).toBe(`Su código de Northwind Support: ${code} [${c.caseNumber}]`);
    expect(mail.text).toContain(`Su código de verificación es ${code}.`);
    expect(mail.text).toContain('Es válido durante 10 minutos.');
    expect(mail.text).not.toMatch(/verification code|valid for|ignore this/i);
    expect(mail.html).toContain('<html lang="es">');
    expect(mail.html).toContain(`>${code}</strong>`);
    expect(mail.html).toContain('nadie puede ver su cuenta sin el código');
    const text = await waitFor('the code by SMS', () => sms.requests.find((r) => r.body.includes(code)));
    expect(new URLSearchParams(text.body).get('Body')).toBe(`Tu código de verificación es ${code}. Es válido durante 10 minutos.`);
    // Once sent, the stored copy keeps no trace of the code, in either part.
    const stored = await waitFor('the sent copy blanked', async () => (await listOutbox(s.ctx.db, { conversationId: c.id })).find((m) => m.kind === 'verification_code' && m.body.startsWith('[')));
    expect([stored.subject, stored.body, stored.html]).toEqual(['[the verification code was removed once sent]', '[the verification code was removed once sent]', null]);
  });

  it('refuses to start an email conversation from the public API', async () => {
    const r = await http().post('/api/v1/conversations', undefined, { channel: 'email', customer: { email: 'victim@example.com', name: 'http://phish.example' } });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'CONVERSATION_ERR_CHANNEL_REFUSED', field: 'channel' });
    expect(await s.ctx.db.selectFrom('conversations').select('id').where('customerEmail', '=', 'victim@example.com').execute()).toEqual([]);
  });
});
