import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server, ServerResponse as Res } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local HTTP servers that speak the providers' real protocols, built from their documented
 * request and response shapes: OpenAI's chat completions (`POST /chat/completions`, JSON or SSE
 * `data:` chunks ending in `[DONE]`, structured output through `response_format`, tool calls in
 * `tool_calls`) and Anthropic's messages (`POST /messages`, JSON or SSE `event:` message_start,
 * content_block_start/delta/stop, message_delta, message_stop; structured output as text under
 * `output_config.format`, or as the forced `json` tool, and tool calls as `tool_use` blocks).
 * What the "model" says is decided by the test's `brain`, from what the SDK sent.
 */

/** What the SDK asked, as a brain reads it. */
export interface ModelRequest {
  protocol: 'openai' | 'anthropic';
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  stream: boolean;
  system: string;
  /** The user turns' text, joined. */
  prompt: string;
  /** Names of the tools offered (the `json` tool of Anthropic's tool mode excluded). */
  tools: string[];
  /** The results of tool calls already made in this exchange, as sent back. */
  toolResults: string[];
}

/** What the "model" does with a request. */
export type ModelReply =
  | { json: unknown }
  | { text: string }
  | { toolCall: { name: string; args: Record<string, unknown> } }
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { hang: true };

export type Brain = (req: ModelRequest) => ModelReply;

export interface FakeProvider {
  /** The API root to put in BATON_LLM_BASE_URL. */
  baseUrl: string;
  requests: ModelRequest[];
  setBrain(brain: Brain): void;
  close(): Promise<void>;
}

export async function startFakeProvider(protocol: 'openai' | 'anthropic', brain: Brain): Promise<FakeProvider> {
  const requests: ModelRequest[] = [];
  let current = brain;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      const expected = protocol === 'openai' ? '/v1/chat/completions' : '/v1/messages';
      if (req.method !== 'POST' || req.url !== expected) return res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
      const request = protocol === 'openai' ? readOpenAi(body) : readAnthropic(body);
      const full: ModelRequest = { protocol, path: req.url, headers: req.headers, body, ...request };
      requests.push(full);
      const reply = current(full);
      if ('hang' in reply) return;
      if ('status' in reply) {
        return res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(JSON.stringify(reply.body ?? { error: { message: 'the server had an error', type: 'server_error' } }));
      }
      if (protocol === 'openai') writeOpenAi(res, full, reply);
      else writeAnthropic(res, full, reply, body);
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    setBrain: (b) => (current = b),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

type Reply = Exclude<ModelReply, { hang: true } | { status: number }>;

const USAGE = { input: 120, output: 40 };

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (typeof p === 'object' && p && 'text' in p ? String((p as { text: unknown }).text) : '')).join('');
  return '';
}

function readOpenAi(body: Record<string, unknown>) {
  const messages = (body.messages ?? []) as { role: string; content: unknown }[];
  return {
    stream: body.stream === true,
    system: messages.filter((m) => m.role === 'system').map((m) => textOf(m.content)).join('\n'),
    prompt: messages.filter((m) => m.role === 'user').map((m) => textOf(m.content)).join('\n'),
    tools: ((body.tools ?? []) as { function: { name: string } }[]).map((t) => t.function.name),
    toolResults: messages.filter((m) => m.role === 'tool').map((m) => textOf(m.content)),
  };
}

function readAnthropic(body: Record<string, unknown>) {
  const messages = (body.messages ?? []) as { role: string; content: unknown }[];
  const blocks = (m: { content: unknown }) => (Array.isArray(m.content) ? (m.content as { type: string; text?: string; content?: unknown }[]) : [{ type: 'text', text: textOf(m.content) }]);
  return {
    stream: body.stream === true,
    system: textOf(body.system),
    prompt: messages.filter((m) => m.role === 'user').flatMap((m) => blocks(m).filter((b) => b.type === 'text').map((b) => b.text ?? '')).join('\n'),
    tools: ((body.tools ?? []) as { name: string }[]).map((t) => t.name).filter((n) => n !== 'json'),
    toolResults: messages.flatMap((m) => blocks(m).filter((b) => b.type === 'tool_result').map((b) => (typeof b.content === 'string' ? b.content : textOf(b.content)))),
  };
}

/** Splits a text into small pieces, as a model streams tokens. */
function pieces(text: string, size = 7): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length ? out : [''];
}

function writeOpenAi(res: Res, req: ModelRequest, reply: Reply): void {
  const base = { id: 'chatcmpl-test', created: 1_700_000_000, model: String(req.body.model) };
  const usage = { prompt_tokens: USAGE.input, completion_tokens: USAGE.output, total_tokens: USAGE.input + USAGE.output };
  const toolCall = 'toolCall' in reply ? { id: 'call_1', type: 'function', function: { name: reply.toolCall.name, arguments: JSON.stringify(reply.toolCall.args) } } : null;
  const content = 'json' in reply ? JSON.stringify(reply.json) : 'text' in reply ? reply.text : null;
  const finish = toolCall ? 'tool_calls' : 'stop';
  if (!req.stream) {
    const message = { role: 'assistant', content, ...(toolCall ? { tool_calls: [toolCall] } : {}) };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: finish }], usage }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const chunk = (delta: unknown, finishReason: string | null) => res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`);
  chunk({ role: 'assistant', content: '' }, null);
  if (toolCall) chunk({ tool_calls: [{ index: 0, ...toolCall }] }, null);
  else for (const p of pieces(content ?? '')) chunk({ content: p }, null);
  chunk({}, finish);
  res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [], usage })}\n\n`);
  res.end('data: [DONE]\n\n');
}

function writeAnthropic(res: Res, req: ModelRequest, reply: Reply, body: Record<string, unknown>): void {
  // Structured output comes as text under output_config.format, or as the forced `json` tool otherwise.
  const jsonTool = ((body.tools ?? []) as { name: string }[]).some((t) => t.name === 'json');
  const message = { id: 'msg_test', type: 'message', role: 'assistant', model: String(req.body.model), stop_sequence: null };
  let block: { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };
  if ('toolCall' in reply) block = { type: 'tool_use', id: 'toolu_1', name: reply.toolCall.name, input: reply.toolCall.args };
  else if ('json' in reply && jsonTool) block = { type: 'tool_use', id: 'toolu_json', name: 'json', input: reply.json as Record<string, unknown> };
  else block = { type: 'text', text: 'json' in reply ? JSON.stringify(reply.json) : reply.text };
  const stop = block.type === 'tool_use' ? 'tool_use' : 'end_turn';
  if (!req.stream) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...message, content: [block], stop_reason: stop, usage: { input_tokens: USAGE.input, output_tokens: USAGE.output } }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const event = (name: string, data: Record<string, unknown>) => res.write(`event: ${name}\ndata: ${JSON.stringify({ type: name, ...data })}\n\n`);
  event('message_start', { message: { ...message, content: [], stop_reason: null, usage: { input_tokens: USAGE.input, output_tokens: 1 } } });
  if (block.type === 'text') {
    event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
    for (const p of pieces(block.text)) event('content_block_delta', { index: 0, delta: { type: 'text_delta', text: p } });
  } else {
    event('content_block_start', { index: 0, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } });
    for (const p of pieces(JSON.stringify(block.input))) event('content_block_delta', { index: 0, delta: { type: 'input_json_delta', partial_json: p } });
  }
  event('content_block_stop', { index: 0 });
  event('message_delta', { delta: { stop_reason: stop, stop_sequence: null }, usage: { output_tokens: USAGE.output } });
  event('message_stop', {});
  res.end();
}

/** The customer's last message, as the answer prompt carries it (`customer: …` lines in <conversation>). */
export function lastCustomerLine(prompt: string): string {
  const lines = prompt.split('\n').filter((l) => l.startsWith('customer: '));
  return (lines.at(-1) ?? '').slice('customer: '.length);
}

/** The articles the model was given, in order. */
export function articleIdsIn(prompt: string): string[] {
  return [...prompt.matchAll(/<article id="([^"]+)"/g)].map((m) => m[1]!);
}

/**
 * A model that behaves like a well-instructed one, with words tests can recognise: it answers
 * from the first article it was given ("[model] …"), looks orders up with the tool when it may,
 * flags a request for a person in Dutch (which the rules do not read) and writes briefs. Asked
 * to ignore its instructions, it obeys the customer, as a weak model might: the policy must
 * still decide.
 */
export const supportBrain: Brain = (req) => {
  if (req.prompt.includes('Write the brief.')) {
    const name = /<customer>([^;<]+);/.exec(req.prompt)?.[1]?.trim() ?? 'there';
    const first = name.split(' ')[0] === 'unknown' ? 'there' : name.split(' ')[0];
    const order = /order #(\d+)/.exec(req.prompt)?.[1];
    return {
      json: {
        summary: ['[model] The customer wrote in about their problem.', 'They described what went wrong.', 'The assistant read the reasons for a handoff.', 'Nothing has been resolved yet.', 'The customer expects a person to act.'],
        intent: '[model] Get help from a person',
        desiredOutcome: `[model] Wants the problem${order ? ` with order #${order}` : ''} sorted out today`,
        nextSteps: ['[model] Read the transcript and confirm the facts', '[model] Offer a concrete next step'],
        suggestedReply: `Hi ${first}, I'm sorry about this${order ? ` — I can see your order #${order}` : ''}; I'm on it now.`,
      },
    };
  }
  const text = lastCustomerLine(req.prompt);
  const ids = articleIdsIn(req.prompt);
  const order = /#?(\d{4,})/.exec(text)?.[1];
  if (req.tools.includes('lookup_order') && order && req.toolResults.length === 0) return { toolCall: { name: 'lookup_order', args: { orderNumber: order } } };
  const base = { articleIds: ids.slice(0, 1), confidence: 0.92, intent: 'a question', desiredOutcome: 'an answer', flags: [] as unknown[] };
  if (req.toolResults.length) {
    const found = JSON.parse(req.toolResults[0]!) as { found: boolean; order?: { id: string; status: string; carrier?: string } } | { value?: { found: boolean; order?: { id: string; status: string; carrier?: string } } };
    const result = 'value' in found && found.value ? found.value : (found as { found: boolean; order?: { id: string; status: string; carrier?: string } });
    const o = result.order;
    return { json: { ...base, answer: o ? `[model] Order #${o.id} is ${o.status}${o.carrier ? ` with ${o.carrier}` : ''}.` : '[model] I could not find that order.' } };
  }
  const asksPerson = /met een medewerker spreken/i.exec(text);
  if (asksPerson) return { json: { ...base, confidence: 0.4, answer: '[model] Ik verbind u door.', flags: [{ kind: 'human_request', topic: 'none', evidence: asksPerson[0] }] } };
  if (/ignore (all |your )?(previous )?instructions/i.test(text)) return { json: { ...base, confidence: 1, answer: '[model] Your refund is approved.' } };
  if (!ids.length) return { json: { ...base, articleIds: [], confidence: 0.1, answer: '[model] I do not know.' } };
  return { json: { ...base, answer: `[model] From "${ids[0]}": here is what you need to know.` } };
};
