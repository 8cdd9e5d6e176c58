/**
 * Who may call each route, declared once, route by route: the authorisation matrix test
 * (api-routes.test.ts) calls every route in the OpenAPI document as each kind of caller and
 * checks the answer against this table, so a route added without a line here fails it.
 *
 * - `public`: anyone, without a token.
 * - `signed`: nobody without the route's shared secret (the inbound-email webhook, the metrics token).
 * - `any-token`: any valid token, customer or agent (the stream, which shows each their own).
 * - `customer`: the customer holding the conversation's token, and no agent.
 * - `customer-or-agent`: that customer, or any agent.
 * - `customer-or-team`: that customer, or an agent of the team holding the case, or a supervisor or admin.
 * - `agent`: any agent, supervisor or admin.
 * - `team`: an agent of the handoff's team, or a supervisor or admin.
 * - `assignee`: the agent the handoff is assigned to, or a supervisor or admin.
 * - `supervisor`, `admin`: that role or above.
 */
export type AccessRule = 'public' | 'signed' | 'any-token' | 'customer' | 'customer-or-agent' | 'customer-or-team' | 'agent' | 'team' | 'assignee' | 'supervisor' | 'admin';

export const ACCESS_RULES: Record<string, AccessRule> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  // The metrics token (BATON_METRICS_TOKEN) is the shared secret; no agent or customer token opens it.
  'GET /metrics': 'signed',
  'POST /api/v1/conversations': 'public',
  'POST /api/v1/conversations/:id/resume': 'public',
  'GET /api/v1/conversations/:id': 'customer-or-agent',
  'POST /api/v1/conversations/:id/messages': 'customer-or-team',
  'GET /api/v1/conversations/:id/messages': 'customer-or-agent',
  'POST /api/v1/conversations/:id/csat': 'customer',
  // Uploading is writing in the conversation (as notes: the team's agents); reading is as the transcript.
  'POST /api/v1/conversations/:id/attachments': 'customer-or-team',
  'GET /api/v1/conversations/:id/attachments/:attachmentId': 'customer-or-agent',
  'POST /api/v1/conversations/:id/verify/code': 'customer',
  'POST /api/v1/conversations/:id/verify': 'customer',
  'GET /api/v1/conversations/:id/callback-options': 'customer-or-agent',
  'POST /api/v1/conversations/:id/callback': 'customer-or-agent',
  'POST /api/v1/conversations/:id/redundancy-check': 'agent',
  'GET /api/v1/handoffs': 'agent',
  'GET /api/v1/handoffs/:id': 'agent',
  'POST /api/v1/handoffs/:id/accept': 'team',
  'POST /api/v1/handoffs/:id/brief-opened': 'team',
  'POST /api/v1/handoffs/:id/resolve': 'assignee',
  'POST /api/v1/handoffs/:id/transfer': 'assignee',
  'POST /api/v1/handoffs/:id/hand-back': 'assignee',
  'POST /api/v1/handoffs/:id/callback-outcome': 'team',
  'GET /api/v1/handoffs/:id/history': 'team',
  'GET /api/v1/callbacks': 'agent',
  'GET /api/v1/search': 'agent',
  'GET /api/v1/canned-replies': 'agent',
  'POST /api/v1/canned-replies': 'admin',
  'PATCH /api/v1/canned-replies/:id': 'admin',
  'DELETE /api/v1/canned-replies/:id': 'admin',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'agent',
  'GET /api/v1/agents': 'agent',
  'POST /api/v1/agents': 'admin',
  'GET /api/v1/agents/me': 'agent',
  'PATCH /api/v1/agents/me': 'agent',
  'PATCH /api/v1/agents/:id': 'admin',
  'POST /api/v1/agents/:id/password': 'admin',
  'GET /api/v1/teams': 'agent',
  'POST /api/v1/teams': 'admin',
  'PATCH /api/v1/teams/:id': 'admin',
  'GET /api/v1/customers': 'agent',
  'GET /api/v1/customers/:id': 'agent',
  'GET /api/v1/kb/articles': 'agent',
  'GET /api/v1/kb/articles/:id': 'agent',
  'POST /api/v1/kb/reload': 'admin',
  'GET /api/v1/notifications/endpoints': 'admin',
  'POST /api/v1/notifications/endpoints': 'admin',
  'PATCH /api/v1/notifications/endpoints/:id': 'admin',
  'DELETE /api/v1/notifications/endpoints/:id': 'admin',
  'GET /api/v1/notifications/deliveries': 'admin',
  'POST /api/v1/notifications/deliveries/:id/retry': 'admin',
  'GET /api/v1/admin/dead-letters': 'admin',
  'POST /api/v1/admin/dead-letters/:id/replay': 'admin',
  'POST /api/v1/admin/dead-letters/replay': 'admin',
  'POST /api/v1/channels/email/inbound': 'signed',
  // Meta's handshake answers only the verify token, its deliveries only the app secret's signature.
  'GET /api/v1/channels/whatsapp/webhook': 'signed',
  'POST /api/v1/channels/whatsapp/webhook': 'signed',
  'GET /api/v1/channels/messenger/webhook': 'signed',
  'POST /api/v1/channels/messenger/webhook': 'signed',
  'GET /api/v1/channels/conversations/:id': 'agent',
  // Chatwoot's signature (BATON_CHATWOOT_WEBHOOK_SECRET) is the shared secret; refused while the integration is off.
  'POST /api/v1/integrations/chatwoot/webhook': 'signed',
  // The webhook's secret (BATON_ZENDESK_WEBHOOK_SECRET, header X-API-Key); refused while Zendesk messaging is off.
  'POST /api/v1/integrations/zendesk/webhook': 'signed',
  'GET /api/v1/admin/email-templates': 'admin',
  'PUT /api/v1/admin/email-templates/:kind/:language': 'admin',
  'POST /api/v1/admin/email-templates/preview': 'admin',
  'GET /api/v1/policy': 'agent',
  'PUT /api/v1/policy': 'admin',
  'GET /api/v1/policy/versions': 'supervisor',
  'POST /api/v1/policy/preview': 'supervisor',
  'GET /api/v1/reports/kb-gaps': 'supervisor',
  'GET /api/v1/reports/kb-gaps.md': 'supervisor',
  'GET /api/v1/reports/recurring-escalations': 'supervisor',
  'GET /api/v1/reports/learning': 'supervisor',
  'GET /api/v1/metrics/handoffs': 'agent',
  'GET /api/v1/metrics/llm': 'agent',
  'GET /api/v1/llm': 'admin',
  'POST /api/v1/llm/test': 'admin',
  'GET /api/v1/stream': 'any-token',
};
