import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttachmentStore } from '../adapters/attachments/attachment-store.js';
import { createDiskAttachmentStore } from '../adapters/attachments/disk-attachment-store.js';
import { createS3AttachmentStore } from '../adapters/attachments/s3-attachment-store.js';
import { conversationAttachmentUsage } from '../adapters/db/repositories/attachments.repository.js';
import { sweepUnsentUploads } from '../app/attachments/sweep-unsent-uploads.js';
import { uploadAttachment } from '../app/attachments/upload-attachment.js';
import type { Api, StartedConversation } from './api.js';
import { api } from './api.js';
import { HOSTILE, PDF_MINIMAL, PNG_1X1 } from './attachment-files.js';
import { TEST_DATABASES } from './databases.js';
import { KEY_ID, SECRET, startS3 } from './s3-server.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

const MAX = 64 * 1024;

// Uploads, downloads and who may do which, through the HTTP API, on each database (its attachment store: the database).
describe.each(TEST_DATABASES)('attachments on %s', (kind) => {
  let s: TestServer;
  let http: Api;
  let alex: string;
  let priya: string;
  let now = new Date('2026-03-02T09:00:00Z');
  beforeAll(async () => {
    s = await startTestServer(kind, { workers: false, clock: () => now, env: { BATON_ATTACHMENT_MAX_BYTES: String(MAX), BATON_ATTACHMENT_MAX_PER_CONVERSATION: '6', BATON_UPLOAD_TTL_HOURS: '24', BATON_CUSTOMER_TOKEN_IDLE_HOURS: '720' } });
    http = api(s);
    alex = await s.login('alex');
    priya = await s.login('priya');
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  const upload = async (conversationId: string, token: string, bytes: Buffer, query = '', contentType = 'image/png') => {
    const res = await s.app.inject({ method: 'POST', url: `/api/v1/conversations/${conversationId}/attachments${query}`, headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, payload: bytes });
    return { status: res.statusCode, body: res.json() as { attachment: { id: string; name: string; contentType: string; size: number; url: string }; error?: { code: string; field?: string } } };
  };
  const download = (url: string, token: string) => s.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const usage = (c: StartedConversation) => conversationAttachmentUsage(s.ctx.db, c.id);

  it('keeps an image a customer uploads under a cleaned name, once per key, and sends it with a message the AI leaves to a person', async () => {
    const c = await http.start();
    const name = encodeURIComponent('../../etc/\u202Egnp.exe\u0007 receipt');
    const first = await upload(c.id, c.token, PNG_1X1, `?name=${name}&clientAttachmentId=up-1`, 'application/octet-stream');
    expect(first.status).toBe(201);
    expect(first.body.attachment).toMatchObject({ contentType: 'image/png', size: PNG_1X1.length, name: 'gnp.exe receipt.png', url: `/api/v1/conversations/${c.id}/attachments/${first.body.attachment.id}` });
    // A double click: the same key answers with the first upload, and nothing more is stored.
    const again = await upload(c.id, c.token, PNG_1X1, '?clientAttachmentId=up-1');
    expect({ status: again.status, id: again.body.attachment.id }).toEqual({ status: 200, id: first.body.attachment.id });
    const other = await upload(c.id, c.token, PDF_MINIMAL, '?clientAttachmentId=up-1');
    expect({ status: other.status, code: other.body.error?.code }).toEqual({ status: 409, code: 'ATTACHMENT_ERR_ID_REUSED' });
    expect((await usage(c)).count).toBe(1);

    const sent = await http.call('POST', `/api/v1/conversations/${c.id}/messages`, { token: c.token, body: { text: '', attachmentIds: [first.body.attachment.id], clientMessageId: 'm-1' } });
    expect(sent.status).toBe(201);
    expect(sent.body.message.attachments).toEqual([first.body.attachment]);
    expect(sent.body.replies).toEqual([]);
    // Sent once: a second message cannot take it, and an unknown id is named.
    const twice = await http.call('POST', `/api/v1/conversations/${c.id}/messages`, { token: c.token, body: { text: 'again', attachmentIds: [first.body.attachment.id] } });
    expect({ status: twice.status, code: twice.body.error.code, field: twice.body.error.field }).toEqual({ status: 409, code: 'ATTACHMENT_ERR_ALREADY_SENT', field: 'attachmentIds' });
    const unknown = await http.call('POST', `/api/v1/conversations/${c.id}/messages`, { token: c.token, body: { text: 'see file', attachmentIds: ['nope'] } });
    expect({ status: unknown.status, code: unknown.body.error.code }).toEqual({ status: 404, code: 'ATTACHMENT_ERR_NOT_FOUND' });
    const blank = await http.call('POST', `/api/v1/conversations/${c.id}/messages`, { token: c.token, body: { text: '  ' } });
    expect({ status: blank.status, field: blank.body.error.field }).toEqual({ status: 400, field: 'text' });
    // The refused messages stored nothing: the transcript has the one message with its file.
    const messages = await http.messages(c.id, c.token);
    expect(messages.map((m) => [m.text, (m as { attachments?: unknown[] }).attachments?.length ?? 0])).toEqual([['', 1]]);
  });

  it('refuses HTML, SVG, a program renamed .png, an empty file and one over the limit, with a clear code, and stores none of them', async () => {
    const c = await http.start();
    const cases: [Buffer, string, number, string][] = [
      [HOSTILE.html, 'text/html', 415, 'ATTACHMENT_ERR_TYPE'],
      [HOSTILE.svg, 'image/svg+xml', 415, 'ATTACHMENT_ERR_TYPE'],
      [HOSTILE.exe, 'image/png', 415, 'ATTACHMENT_ERR_TYPE'],
      [Buffer.alloc(0), 'image/png', 400, 'ATTACHMENT_ERR_EMPTY'],
      [Buffer.concat([PNG_1X1, Buffer.alloc(MAX)]), 'image/png', 413, 'ATTACHMENT_ERR_TOO_LARGE'],
    ];
    const got = [];
    for (const [bytes, type] of cases) {
      const r = await upload(c.id, c.token, bytes, '?name=photo.png', type);
      got.push([r.status, r.body.error?.code]);
    }
    expect(got).toEqual(cases.map(([, , status, code]) => [status, code]));
    expect(await usage(c)).toEqual({ count: 0, bytes: 0 });
  });

  it('stores nothing when the store fails, and says the store is at fault', async () => {
    const c = await http.start();
    const real = s.ctx.attachments;
    const down: AttachmentStore = { ...real, put: () => Promise.reject(new Error('connection refused')) };
    s.ctx.attachments = down;
    try {
      const r = await upload(c.id, c.token, PNG_1X1, '?clientAttachmentId=k');
      expect({ status: r.status, code: r.body.error?.code }).toEqual({ status: 503, code: 'ATTACHMENT_ERR_STORAGE' });
    } finally {
      s.ctx.attachments = real;
    }
    expect((await usage(c)).count).toBe(0);
    // The retry with the same key, once the store is back, stores it.
    expect((await upload(c.id, c.token, PNG_1X1, '?clientAttachmentId=k')).status).toBe(201);
  });

  it('caps the files one conversation may hold', async () => {
    const c = await http.start();
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await upload(c.id, c.token, PNG_1X1)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 413]);
  });

  it('serves files so no browser runs them, to the customer and agents only, and keeps an agent’s unsent or private file from the customer', async () => {
    const c = await http.escalated(alex);
    const png = (await upload(c.id, c.token, PNG_1X1, '?name=screen.png')).body.attachment;
    await http.call('POST', `/api/v1/conversations/${c.id}/messages`, { token: c.token, body: { text: 'here it is', attachmentIds: [png.id] } });

    const img = await download(png.url, c.token);
    expect(img.statusCode).toBe(200);
    expect(img.rawPayload.equals(PNG_1X1)).toBe(true);
    expect(img.headers).toMatchObject({ 'content-type': 'image/png', 'content-length': String(PNG_1X1.length), 'x-content-type-options': 'nosniff', 'content-disposition': `inline; filename="screen.png"; filename*=UTF-8''screen.png` });
    expect(String(img.headers['content-security-policy'])).toMatch(/^default-src 'none'/);
    // An <img src> carries the token in the query.
    expect((await s.app.inject({ method: 'GET', url: `${png.url}?token=${encodeURIComponent(c.token)}` })).statusCode).toBe(200);
    // Any agent reads it, as the transcript; another customer does not, nor does anyone without a token.
    expect((await download(png.url, priya)).statusCode).toBe(200);
    const stranger = await http.start();
    const refused = await download(png.url, stranger.token);
    expect({ status: refused.statusCode, code: refused.json().error.code }).toEqual({ status: 403, code: 'AUTH_ERR_WRONG_CONVERSATION' });
    expect((await s.app.inject({ method: 'GET', url: png.url })).statusCode).toBe(401);

    // Agents of another team cannot put files in the case; the team's agent can, and a PDF downloads.
    const fromPriya = await upload(c.id, priya, PDF_MINIMAL, '?name=terms.pdf');
    expect({ status: fromPriya.status, code: fromPriya.body.error?.code }).toEqual({ status: 403, code: 'AUTH_ERR_OTHER_TEAM' });
    const pdf = (await upload(c.id, alex, PDF_MINIMAL, '?name=returns%20label.pdf')).body.attachment;
    const note = (await upload(c.id, alex, PNG_1X1, '?name=internal.png')).body.attachment;
    expect((await download(pdf.url, c.token)).statusCode).toBe(404);
    expect((await http.post(`/api/v1/handoffs/${c.handoffId}/accept`, alex)).status).toBe(200);
    // The customer's upload is not the agent's to send.
    const foreign = await http.call('POST', `/api/v1/conversations/${c.id}/messages`, { token: alex, body: { text: 'mine now', attachmentIds: [png.id] } });
    expect(foreign.body.error.code).toBe('ATTACHMENT_ERR_NOT_FOUND');
    expect((await http.call('POST', `/api/v1/conversations/${c.id}/messages`, { token: alex, body: { text: 'seen on the photo', private: true, attachmentIds: [note.id] } })).status).toBe(201);
    const reply = await http.call('POST', `/api/v1/conversations/${c.id}/messages`, { token: alex, body: { text: 'Your returns label', attachmentIds: [pdf.id] } });
    expect(reply.status).toBe(201);

    const file = await download(pdf.url, c.token);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="returns label.pdf"; filename*=UTF-8''returns%20label.pdf`);
    expect((await download(note.url, c.token)).statusCode).toBe(404);
    expect((await download(note.url, alex)).statusCode).toBe(200);
    const seen = await http.messages(c.id, c.token);
    expect(seen.filter((m) => (m as { attachments?: unknown[] }).attachments).map((m) => m.text)).toEqual(['here it is', 'Your returns label']);
  });

  /** Runs `fn` with the server's own store (the database), a disk store (in `dir`) and an S3 store, its log lines collected, and puts the server back after. */
  const withEveryStore = async (fn: (stores: AttachmentStore[], logged: string[], dir: string) => Promise<void>) => {
    const s3 = await startS3({ clock: () => now });
    const dir = await mkdtemp(join(tmpdir(), 'baton-sweep-'));
    const stores: AttachmentStore[] = [s.ctx.attachments, createDiskAttachmentStore(dir), createS3AttachmentStore({ endpoint: s3.url, bucket: 'bucket-1', region: 'us-east-1', accessKeyId: KEY_ID, secretAccessKey: SECRET, prefix: 'sweep/' }, { clock: () => now })];
    const real = s.ctx.attachments;
    const logged: string[] = [];
    const log = s.ctx.log;
    s.ctx.log = (level, message, fields) => {
      logged.push(message);
      log(level, message, fields);
    };
    try {
      // What the tests above left unsent goes first, so each round counts only its own files.
      now = new Date(now.getTime() + 25 * 3_600_000);
      await sweepUnsentUploads(s.ctx);
      await fn(stores, logged, dir);
    } finally {
      s.ctx.attachments = real;
      s.ctx.log = log;
      await s3.close();
      await rm(dir, { recursive: true, force: true });
    }
  };

  it('sweeps uploads no message sent once they are a day old, from the database, disk and S3 stores alike, and never a file a message sent', async () => {
    await withEveryStore(async (stores, logged) => {
      const real = s.ctx.attachments;
      for (const store of stores) {
        s.ctx.attachments = store;
        // Agent sessions end after hours: each day signs in afresh.
        const agent = await s.login('alex');
        const c = await http.escalated(agent);
        const abandoned = (await upload(c.id, c.token, PNG_1X1, '?name=closed-tab.png')).body.attachment;
        const sent = (await upload(c.id, c.token, PDF_MINIMAL)).body.attachment;
        const draft = (await upload(c.id, agent, PNG_1X1, '?name=draft.png')).body.attachment;
        expect((await http.call('POST', `/api/v1/conversations/${c.id}/messages`, { token: c.token, body: { text: 'the invoice', attachmentIds: [sent.id] } })).status).toBe(201);
        now = new Date(now.getTime() + 23 * 3_600_000);
        const fresh = (await upload(c.id, c.token, PNG_1X1, '?name=just-now.png')).body.attachment;
        // Not a day old yet: nothing goes.
        expect((await sweepUnsentUploads(s.ctx)).removed).toBe(0);
        now = new Date(now.getTime() + 2 * 3_600_000);
        expect(await sweepUnsentUploads(s.ctx), store.kind).toMatchObject({ removed: 2, failed: 0 });
        expect(logged.at(-1)).toMatch(new RegExp(`^removed 2 unsent uploads \\(\\d+ KB\\) older than 24 h from the ${store.kind} attachment store$`));
        // The abandoned and the draft are gone, bytes and all; the sent file and the fresh upload stay.
        const later = await s.login('alex');
        for (const gone of [abandoned, draft]) {
          expect((await download(gone.url, later)).statusCode).toBe(404);
          expect(await store.get(gone.id)).toBeNull();
        }
        const kept = await download(sent.url, c.token);
        expect({ status: kept.statusCode, same: kept.rawPayload.equals(PDF_MINIMAL) }).toEqual({ status: 200, same: true });
        expect(await store.get(fresh.id)).not.toBeNull();
        // The fresh upload can still be sent; once sent, no later sweep touches it.
        expect((await http.call('POST', `/api/v1/conversations/${c.id}/messages`, { token: c.token, body: { text: '', attachmentIds: [fresh.id] } })).status).toBe(201);
        now = new Date(now.getTime() + 48 * 3_600_000);
        expect((await sweepUnsentUploads(s.ctx)).removed).toBe(0);
        expect((await usage(c)).count).toBe(2);
      }
      // A store that fails to remove the bytes: the row comes back, to be tried again.
      s.ctx.attachments = { ...real, delete: () => Promise.reject(new Error('connection refused')) };
      const c = await http.start();
      const stuck = (await upload(c.id, c.token, PNG_1X1)).body.attachment;
      now = new Date(now.getTime() + 25 * 3_600_000);
      expect(await sweepUnsentUploads(s.ctx)).toMatchObject({ removed: 0, failed: 1 });
      s.ctx.attachments = real;
      expect((await download(stuck.url, c.token)).statusCode).toBe(200);
      expect((await sweepUnsentUploads(s.ctx)).removed).toBe(1);
    });
  });

  it('leaves no orphan bytes after a process killed between storing and recording, or between removing a row and its bytes, and loses no live file', async () => {
    const killed = () => Promise.reject(new Error('the process was killed'));
    await withEveryStore(async (stores, logged, dir) => {
      for (const store of stores) {
        s.ctx.attachments = store;
        const c = await http.start();
        const live = (await upload(c.id, c.token, PDF_MINIMAL, '?name=invoice.pdf')).body.attachment;
        expect((await http.call('POST', `/api/v1/conversations/${c.id}/messages`, { token: c.token, body: { text: 'the invoice', attachmentIds: [live.id] } })).status).toBe(201);
        // Killed after the bytes were stored, before their row was written.
        let orphanKey = '';
        await expect(uploadAttachment(s.ctx, c.id, { kind: 'customer' }, { bytes: PNG_1X1, name: 'lost.png' }, { afterStored: (key) => ((orphanKey = key), killed()) })).rejects.toThrow('the process was killed');
        expect(await store.get(orphanKey), store.kind).not.toBeNull();
        expect((await usage(c)).count).toBe(1);
        // A day on, a sweep killed after removing an abandoned upload's row, before its bytes.
        const abandoned = (await upload(c.id, c.token, PNG_1X1, '?name=closed-tab.png')).body.attachment;
        now = new Date(now.getTime() + 25 * 3_600_000);
        await expect(sweepUnsentUploads(s.ctx, { afterRowRemoved: killed })).rejects.toThrow('the process was killed');
        expect((await download(abandoned.url, c.token)).statusCode).toBe(404);
        expect(await store.get(abandoned.id), store.kind).not.toBeNull();
        const fresh = (await upload(c.id, c.token, PNG_1X1, '?name=just-now.png')).body.attachment;

        // The next sweep removes both leftovers, and only them.
        expect(await sweepUnsentUploads(s.ctx), store.kind).toMatchObject({ removed: 0, orphans: 2, failed: 0 });
        expect(logged.at(-1)).toBe(`removed the bytes of 2 files no row refers to (an upload or a sweep stopped half way) from the ${store.kind} attachment store`);
        expect([await store.get(orphanKey), await store.get(abandoned.id)]).toEqual([null, null]);
        const kept = await download(live.url, c.token);
        expect({ status: kept.statusCode, length: kept.headers['content-length'], same: kept.rawPayload.equals(PDF_MINIMAL) }).toEqual({ status: 200, length: String(PDF_MINIMAL.length), same: true });
        expect((await download(fresh.url, c.token)).rawPayload.equals(PNG_1X1)).toBe(true);
        expect((await sweepUnsentUploads(s.ctx)).orphans).toBe(0);
        // Sent, so the next store's round sees no upload of this one.
        expect((await http.call('POST', `/api/v1/conversations/${c.id}/messages`, { token: c.token, body: { text: '', attachmentIds: [fresh.id] } })).status).toBe(201);

        // Bytes an older version left with neither row nor journal entry: only the daily listing of the store finds them, once past the TTL.
        await store.put('left-by-an-older-version', PNG_1X1, 'image/png');
        if (store.kind === 'disk') await utimes(join(dir, 'le', 'left-by-an-older-version'), now, now);
        now = new Date(now.getTime() + 25 * 3_600_000);
        expect((await sweepUnsentUploads(s.ctx)).orphans).toBe(0);
        expect(await sweepUnsentUploads(s.ctx, { reconcile: true }), store.kind).toMatchObject({ removed: 0, orphans: 1 });
        expect(await store.get('left-by-an-older-version')).toBeNull();
        expect((await download(fresh.url, c.token)).rawPayload.equals(PNG_1X1)).toBe(true);
      }
      // A folder where most old files are unknown is not taken for leftovers: likely another installation's, or the wrong database.
      const disk = stores[1]!;
      s.ctx.attachments = disk;
      const strangers = Array.from({ length: 100 }, (_, i) => `ff-stranger-${i}`);
      for (const key of strangers) await disk.put(key, PNG_1X1, 'image/png');
      await Promise.all(strangers.map((key) => utimes(join(dir, 'ff', key), now, now)));
      now = new Date(now.getTime() + 25 * 3_600_000);
      expect((await sweepUnsentUploads(s.ctx, { reconcile: true })).orphans).toBe(0);
      expect(logged.at(-1)).toBe(`the disk attachment store holds at least 100 files older than 24 h that this database has no row for, out of 100 looked at; none was removed. Check that this server uses the database that goes with this store (and that no other installation shares its folder or bucket prefix)`);
      expect(await disk.get(strangers[0]!)).not.toBeNull();
      // Exactly one large object per file the database store holds.
      s.ctx.attachments = stores[0]!;
      const { rows } = await sql<{ objects: number; blobs: number }>`select (select count(*) from pg_largeobject_metadata)::int as objects, (select count(*) from attachment_blobs)::int as blobs`.execute(s.ctx.db);
      expect(rows[0]!.objects).toBe(rows[0]!.blobs);
    });
  });
});
