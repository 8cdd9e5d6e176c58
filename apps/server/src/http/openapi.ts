import * as c from '@baton/contracts';
import { z } from 'zod';
import { ZRedundancyCheckSchema, ZReportQuerySchema } from './routes/reports.routes.js';

interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  auth: 'none' | 'customer' | 'customer-or-agent' | 'agent' | 'supervisor' | 'admin';
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  status?: number;
}

/** Every route, with the contracts it parses and returns: the OpenAPI document is generated from this. */
export const ROUTES: RouteDoc[] = [
  { method: 'post', path: '/api/v1/conversations', summary: 'Start a conversation; returns the customer token', auth: 'none', body: c.ZCreateConversationSchema, response: c.ZCreateConversationResponseSchema, status: 201 },
  { method: 'get', path: '/api/v1/conversations/{id}', summary: 'A conversation and its open handoff', auth: 'customer-or-agent' },
  { method: 'post', path: '/api/v1/conversations/{id}/messages', summary: 'Send a message (customer: the AI answers or hands over; agent: a reply or a private note)', auth: 'customer-or-agent', body: c.ZPostMessageSchema, response: c.ZPostMessageResponseSchema, status: 201 },
  { method: 'get', path: '/api/v1/conversations/{id}/messages', summary: 'Messages after a sequence number', auth: 'customer-or-agent', query: c.ZMessagesQuerySchema, response: c.ZMessagesResponseSchema },
  { method: 'post', path: '/api/v1/conversations/{id}/csat', summary: 'Rate a resolved conversation (customer)', auth: 'customer', body: c.ZCsatSchema, status: 201 },
  { method: 'get', path: '/api/v1/conversations/{id}/callback-options', summary: 'Callback slots within the team hours, and the email-reply deadline', auth: 'customer-or-agent' },
  { method: 'post', path: '/api/v1/conversations/{id}/callback', summary: 'Book a callback at an offered time, or an email reply', auth: 'customer-or-agent', body: c.ZBookCallbackSchema, status: 201 },
  { method: 'patch', path: '/api/v1/teams/{id}', summary: "Change a team: skills, tiers, SLA minutes, default, business hours (IANA zone, weekly schedule, holidays)", auth: 'admin', body: c.ZTeamHoursSchema },
  { method: 'post', path: '/api/v1/auth/login', summary: 'Agent login; returns a bearer token', auth: 'none', body: c.ZLoginSchema, response: c.ZLoginResponseSchema },
  { method: 'post', path: '/api/v1/auth/logout', summary: 'End the session', auth: 'agent', status: 204 },
  { method: 'get', path: '/api/v1/handoffs', summary: 'Handoffs in queue order, each with its brief', auth: 'agent', query: c.ZHandoffsQuerySchema, response: z.object({ handoffs: z.array(c.ZHandoffSchema) }) },
  { method: 'get', path: '/api/v1/handoffs/{id}', summary: 'One handoff', auth: 'agent', response: z.object({ handoff: c.ZHandoffSchema }) },
  { method: 'post', path: '/api/v1/handoffs/{id}/accept', summary: 'Accept a waiting handoff (409 HANDOFF_ERR_ALREADY_ACCEPTED when someone was first)', auth: 'agent', response: z.object({ handoff: c.ZHandoffSchema }) },
  { method: 'post', path: '/api/v1/handoffs/{id}/resolve', summary: 'Resolve with category, outcome and verdict', auth: 'agent', body: c.ZResolveSchema, response: z.object({ handoff: c.ZHandoffSchema }) },
  { method: 'post', path: '/api/v1/handoffs/{id}/transfer', summary: 'Transfer to a team or an agent, with a note', auth: 'agent', body: c.ZTransferSchema, response: z.object({ handoff: c.ZHandoffSchema }) },
  { method: 'post', path: '/api/v1/handoffs/{id}/hand-back', summary: 'Hand the conversation back to the AI', auth: 'agent', body: c.ZHandBackSchema, response: z.object({ handoff: c.ZHandoffSchema }) },
  { method: 'post', path: '/api/v1/handoffs/{id}/brief-opened', summary: 'Record that the brief was opened (context utilisation)', auth: 'agent' },
  { method: 'get', path: '/api/v1/agents', summary: 'Agents with their load', auth: 'agent' },
  { method: 'get', path: '/api/v1/agents/me', summary: 'The calling agent', auth: 'agent' },
  { method: 'patch', path: '/api/v1/agents/me', summary: 'Set presence and capacity', auth: 'agent', body: c.ZPresenceSchema },
  { method: 'post', path: '/api/v1/agents', summary: 'Create an agent', auth: 'admin', body: c.ZCreateAgentSchema, status: 201 },
  { method: 'get', path: '/api/v1/teams', summary: 'Teams with skills, SLA and hours', auth: 'agent' },
  { method: 'post', path: '/api/v1/teams', summary: 'Create a team', auth: 'admin', body: c.ZCreateTeamSchema, status: 201 },
  { method: 'get', path: '/api/v1/customers', summary: 'Search customers', auth: 'agent' },
  { method: 'get', path: '/api/v1/customers/{id}', summary: 'A customer with orders and previous tickets', auth: 'agent' },
  { method: 'get', path: '/api/v1/notifications/endpoints', summary: 'Notification endpoints', auth: 'admin' },
  { method: 'post', path: '/api/v1/notifications/endpoints', summary: 'Add a notification endpoint (a webhook secret is returned once)', auth: 'admin', body: c.ZCreateEndpointSchema, status: 201 },
  { method: 'patch', path: '/api/v1/notifications/endpoints/{id}', summary: 'Change or rotate an endpoint', auth: 'admin', body: c.ZUpdateEndpointSchema },
  { method: 'delete', path: '/api/v1/notifications/endpoints/{id}', summary: 'Remove an endpoint and its log', auth: 'admin', status: 204 },
  { method: 'get', path: '/api/v1/notifications/deliveries', summary: 'The delivery log', auth: 'admin', query: c.ZDeliveriesQuerySchema },
  { method: 'post', path: '/api/v1/notifications/deliveries/{id}/retry', summary: 'Re-queue a dead delivery', auth: 'admin' },
  { method: 'get', path: '/api/v1/kb/articles', summary: 'The KB articles the AI answers from', auth: 'agent' },
  { method: 'post', path: '/api/v1/kb/reload', summary: 'Reload the KB folder and retrain, without a restart (a bad article changes nothing)', auth: 'admin' },
  { method: 'get', path: '/api/v1/kb/articles/{id}', summary: 'One KB article with its answer', auth: 'agent' },
  { method: 'post', path: '/api/v1/channels/email/inbound', summary: 'Inbound email webhook (header x-baton-email-secret)', auth: 'none', body: c.ZInboundEmailSchema, response: c.ZInboundEmailResponseSchema, status: 201 },
  { method: 'post', path: '/api/v1/conversations/{id}/redundancy-check', summary: 'Does a draft ask for what the brief already holds? (composer warning)', auth: 'agent', body: ZRedundancyCheckSchema },
  { method: 'get', path: '/api/v1/reports/kb-gaps', summary: 'KB gaps: unanswered questions clustered into draft articles', auth: 'supervisor', query: ZReportQuerySchema },
  { method: 'get', path: '/api/v1/reports/kb-gaps.md', summary: 'KB-gap draft articles as one Markdown bundle', auth: 'supervisor', query: ZReportQuerySchema },
  { method: 'get', path: '/api/v1/reports/recurring-escalations', summary: 'Escalations recurring by reason and topic, with trend', auth: 'supervisor', query: ZReportQuerySchema },
  { method: 'get', path: '/api/v1/reports/learning', summary: 'Reason codes, resolution categories and verdicts', auth: 'supervisor', query: ZReportQuerySchema },
  { method: 'get', path: '/api/v1/policy', summary: 'The escalation policy in force, with its version', auth: 'agent' },
  { method: 'put', path: '/api/v1/policy', summary: 'Save a new policy version (validated; 409 on a stale version)', auth: 'admin', body: c.ZPutPolicySchema },
  { method: 'post', path: '/api/v1/policy/preview', summary: 'Preview a policy change: stored conversations replayed through the current and the proposed policy', auth: 'supervisor', body: c.ZPolicyPreviewSchema },
  { method: 'get', path: '/api/v1/policy/versions', summary: 'Every saved policy version', auth: 'supervisor' },
  { method: 'get', path: '/api/v1/metrics/handoffs', summary: 'Handoff metrics', auth: 'agent', query: c.ZMetricsQuerySchema },
  { method: 'get', path: '/api/v1/stream', summary: 'Realtime events over WebSocket; `token` and `after=SEQ` in the query', auth: 'customer-or-agent' },
  { method: 'get', path: '/healthz', summary: 'Liveness and database check', auth: 'none' },
  { method: 'get', path: '/metrics', summary: 'Prometheus metrics', auth: 'none' },
];

const schema = (s: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(s, { io, unrepresentable: 'any' });

/** The OpenAPI 3.1 document, generated from the zod contracts. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = r.query ? Object.entries((schema(r.query, 'input').properties ?? {}) as Record<string, unknown>).map(([name, s]) => ({ name, in: 'query', required: false, schema: s })) : [];
    const op: Record<string, unknown> = {
      summary: r.summary,
      ...(r.auth === 'none' ? { security: [] } : { security: [{ bearer: [] }], 'x-baton-auth': r.auth }),
      ...(params.length || query.length ? { parameters: [...params, ...query] } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(r.body, 'input') } } } } : {}),
      responses: {
        [String(r.status ?? 200)]: { description: 'OK', ...(r.response ? { content: { 'application/json': { schema: schema(r.response, 'output') } } } : {}) },
        default: { description: 'An error: a stable code, a message and the field at fault', content: { 'application/json': { schema: schema(c.ZErrorSchema, 'output') } } },
      },
    };
    (paths[r.path] ??= {})[r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Baton API', version: '1', description: 'Customer support with an AI that hands over to people at the right moment.' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An agent session token (POST /auth/login) or a conversation token (POST /conversations)' } } },
    paths,
  };
}
