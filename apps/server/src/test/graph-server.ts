import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metaSignature } from '../app/channels/meta-signature.js';
import type { TestServer } from './test-server.js';

/** One request the Graph API server got: its path, bearer token and JSON body. */
export interface GraphRequest {
  path: string;
  token: string | null;
  body: Record<string, unknown>;
}

type Reply = { status: number; body: unknown };

/**
 * A local server speaking the Graph API's send endpoints as Meta documents them, for the channel
 * tests: WhatsApp's `POST /{phone-number-id}/messages` (text ≤ 4,096, reply buttons ≤ 3 with
 * titles ≤ 20, lists ≤ 10 rows with titles ≤ 24, templates) answering `{messaging_product,
 * contacts, messages:[{id: wamid}]}`; the Messenger Platform's `POST /{page-id}/messages`
 * (`messaging_type`, HUMAN_AGENT only as a MESSAGE_TAG, quick replies ≤ 13 with titles ≤ 20)
 * answering `{recipient_id, message_id}`, and `/pass_thread_control`. A request outside those
 * rules gets Meta's error shape (code 100), so a rendering mistake fails the test. `failNext`
 * queues errors, such as WhatsApp's 130429 throughput limit.
 */
export async function startGraphServer(o: { token: string; version?: string }) {
  const version = o.version ?? 'v21.0';
  const requests: GraphRequest[] = [];
  const queued: Reply[] = [];
  let n = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0]!.replace(`/${version}/`, '');
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        body = {};
      }
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;
      const reply = answer(path, token, body);
      if (reply.status === 200) requests.push({ path, token, body });
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
    });
  });

  const error = (status: number, code: number, message: string): Reply => ({ status, body: { error: { message, type: 'OAuthException', code, fbtrace_id: 'AbCdEf' } } });

  function answer(path: string, token: string | null, b: Record<string, unknown>): Reply {
    if (token !== o.token) return error(401, 190, 'Invalid OAuth access token.');
    const next = queued.shift();
    if (next) return next;
    n += 1;
    if (/^\d+\/take_thread_control$/.test(path)) return b.recipient ? { status: 200, body: { success: true } } : error(400, 100, '(#100) recipient is required');
    if (/^\d+\/pass_thread_control$/.test(path)) return b.recipient && b.target_app_id ? { status: 200, body: { success: true } } : error(400, 100, '(#100) recipient and target_app_id are required');
    if (!/^\d+\/messages$/.test(path)) return error(404, 803, `Unknown path ${path}`);
    const problem = b.messaging_product === 'whatsapp' ? whatsappProblem(b) : messengerProblem(b);
    if (problem) return error(400, 100, `(#100) ${problem}`);
    if (b.messaging_product === 'whatsapp') return { status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: b.to ?? b.recipient, wa_id: b.to ?? b.recipient }], messages: [{ id: `wamid.OUT${n}` }] } };
    return { status: 200, body: { recipient_id: (b.recipient as { id: string }).id, message_id: `m_OUT${n}` } };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${version}`;
  return {
    url,
    requests,
    /** The next answers, before any request is checked: e.g. WhatsApp's throughput error. */
    failNext(...replies: Reply[]) {
      queued.push(...replies);
    },
    throughputError: error(400, 130429, 'Rate limit hit'),
    /** Waits for the `count`-th request (1-based) matching `match`, from `from` on. */
    async next(match: (r: GraphRequest) => boolean, from = 0, ms = 20_000): Promise<GraphRequest> {
      const end = Date.now() + ms;
      for (;;) {
        const r = requests.slice(from).find(match);
        if (r) return r;
        if (Date.now() > end) throw new Error(`timed out waiting for a Graph request; got ${JSON.stringify(requests.slice(from))}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function whatsappProblem(b: Record<string, unknown>): string | null {
  if (!b.to && !b.recipient) return 'to or recipient is required';
  if (b.type === 'text') {
    const body = (b.text as { body?: string } | undefined)?.body;
    return typeof body === 'string' && body.length > 0 && body.length <= 4096 ? null : 'text.body must be 1 to 4096 characters';
  }
  if (b.type === 'template') {
    const t = b.template as { name?: string; language?: { code?: string } } | undefined;
    return t?.name && t.language?.code ? null : 'template.name and template.language.code are required';
  }
  if (b.type !== 'interactive') return `unsupported type ${String(b.type)}`;
  const i = b.interactive as { type: string; body?: { text?: string }; action: { buttons?: { reply: { id: string; title: string } }[]; sections?: { rows: { id: string; title: string }[] }[] } };
  if (!i.body?.text || i.body.text.length > 1024) return 'interactive.body.text must be 1 to 1024 characters';
  if (i.type === 'button') {
    const buttons = i.action.buttons ?? [];
    if (buttons.length < 1 || buttons.length > 3) return 'interactive buttons: 1 to 3';
    return buttons.every((x) => x.reply.title.length <= 20 && x.reply.id.length <= 256) ? null : 'button titles are at most 20 characters';
  }
  const rows = (i.action.sections ?? []).flatMap((s) => s.rows);
  if (rows.length < 1 || rows.length > 10) return 'list rows: 1 to 10';
  return rows.every((r) => r.title.length <= 24) ? null : 'row titles are at most 24 characters';
}

function messengerProblem(b: Record<string, unknown>): string | null {
  if (!(b.recipient as { id?: string } | undefined)?.id) return 'recipient.id is required';
  if (!['RESPONSE', 'UPDATE', 'MESSAGE_TAG'].includes(String(b.messaging_type))) return 'messaging_type must be RESPONSE, UPDATE or MESSAGE_TAG';
  if ((b.messaging_type === 'MESSAGE_TAG') !== (b.tag !== undefined)) return 'tag goes with messaging_type MESSAGE_TAG';
  const m = b.message as { text?: string; quick_replies?: { title: string; payload: string }[] } | undefined;
  if (!m?.text || m.text.length > 2000) return 'message.text must be 1 to 2000 characters';
  const qr = m.quick_replies ?? [];
  return qr.length <= 13 && qr.every((q) => q.title.length <= 20 && q.payload.length <= 1000) ? null : 'quick replies: at most 13, titles at most 20 characters';
}

/** Posts a webhook delivery as Meta does: the JSON bytes, signed with the app secret (or as told). */
export async function postWebhook(s: TestServer, channel: 'whatsapp' | 'messenger', body: unknown, secret: string | null, signature?: string) {
  const raw = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== undefined) headers['x-hub-signature-256'] = signature;
  else if (secret) headers['x-hub-signature-256'] = metaSignature(raw, secret);
  return s.app.inject({ method: 'POST', url: `/api/v1/channels/${channel}/webhook`, headers, payload: raw });
}
