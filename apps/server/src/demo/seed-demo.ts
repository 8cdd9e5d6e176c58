import { randomBytes } from 'node:crypto';
import type { OrderRecord, Priority, Skill, TicketRecord } from '@baton/core';
import { getAgentByEmail } from '../adapters/db/repositories/agents.repository.js';
import { getTeamByName } from '../adapters/db/repositories/teams.repository.js';
import type { Presence, Role } from '../adapters/db/repositories/agents.repository.js';
import { getCustomerProfile, insertTicket, upsertCustomer, upsertOrder } from '../adapters/db/repositories/customers.repository.js';
import type { AppContext } from '../app/context.js';
import { createAgent, createTeam, setPresence } from '../app/manage-agents.js';

/** A demo agent's credentials, printed once on start: passwords are stored hashed only. */
export interface DemoLogin {
  email: string;
  name: string;
  role: string;
  team: string;
  password: string;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The same SLA targets for every demo team (minutes to the first human reply). */
const SLA: Record<Priority, number> = { critical: 5, high: 15, medium: 30, low: 120 };

const category = (value: string, proficiency: number): Skill => ({ kind: 'category', value, proficiency });
const language = (value: string, proficiency: number): Skill => ({ kind: 'language', value, proficiency });

/**
 * The demo teams. None has business hours, so the demo hands over at any time of day; a team
 * without `hours` is always open (DESIGN §5).
 */
const TEAMS: { name: string; skills: Skill[]; isDefault: boolean }[] = [
  {
    name: 'Support',
    isDefault: true,
    skills: [
      category('general', 5),
      category('orders', 5),
      category('account', 4),
      category('technical', 2),
      language('en', 5),
      language('es', 3),
      language('fr', 3),
      language('de', 2),
    ],
  },
  { name: 'Billing', isDefault: false, skills: [category('billing', 5), category('security', 4), category('account', 3), language('en', 5)] },
  { name: 'Technical', isDefault: false, skills: [category('technical', 5), language('en', 5)] },
];

const AGENTS: { email: string; name: string; role: Role; teams: string[]; presence: Presence; skills: Skill[] }[] = [
  { email: 'alex@northwind.example', name: 'Alex Morgan', role: 'agent', teams: ['Support'], presence: 'online', skills: [category('orders', 5), language('en', 5), language('es', 3)] },
  { email: 'priya@northwind.example', name: 'Priya Shah', role: 'agent', teams: ['Billing'], presence: 'online', skills: [category('billing', 5), category('security', 4), language('en', 5)] },
  { email: 'sam@northwind.example', name: 'Sam Lee', role: 'agent', teams: ['Technical'], presence: 'online', skills: [category('technical', 5), language('en', 5)] },
  {
    email: 'jordan@northwind.example',
    name: 'Jordan Reyes',
    role: 'supervisor',
    teams: ['Support', 'Billing', 'Technical'],
    presence: 'online',
    skills: [category('general', 4), category('billing', 3), category('technical', 3), language('en', 5), language('fr', 3)],
  },
  { email: 'casey@northwind.example', name: 'Casey Admin', role: 'admin', teams: [], presence: 'offline', skills: [language('en', 5)] },
];

interface DemoCustomer {
  id: string;
  name: string;
  email: string;
  phone?: string;
  tier: string;
  accountId: string;
  since: string;
  orders: OrderRecord[];
  tickets: TicketRecord[];
}

/** The demo customers, their orders and tickets, with every date relative to `now`. */
export function demoCustomers(now: Date): DemoCustomer[] {
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const days = (n: number) => ago(n * DAY);
  return [
    {
      id: 'cus-sarah',
      name: 'Sarah Jones',
      email: 'sarah.jones@example.com',
      phone: '+44 7700 900123',
      tier: 'standard',
      accountId: 'AC-1001',
      since: '2023-02-11',
      orders: [
        // The demo's "where is my order?": dispatched four weeks ago, no tracking scan for three.
        {
          id: '4821',
          status: 'dispatched',
          placedAt: days(30),
          dispatchedAt: days(28),
          lastScanAt: days(21),
          carrier: 'Royal Mail',
          trackingNumber: 'RM482100019GB',
          total: { amount: 89.99, currency: 'GBP' },
          items: ['Cast iron casserole dish 24cm'],
        },
        {
          id: '4377',
          status: 'delivered',
          placedAt: days(142),
          dispatchedAt: days(141),
          lastScanAt: days(139),
          carrier: 'Evri',
          trackingNumber: 'H01HYA0043770912',
          total: { amount: 34.5, currency: 'GBP' },
          items: ['Linen tea towels (set of 3)', 'Olive wood serving spoon'],
        },
      ],
      tickets: [],
    },
    {
      id: 'cus-daniel',
      name: 'Daniel Okafor',
      email: 'daniel.okafor@example.com',
      phone: '+44 7700 900456',
      tier: 'vip',
      accountId: 'AC-0427',
      since: '2019-09-03',
      orders: [
        {
          id: '5102',
          status: 'processing',
          placedAt: days(1),
          total: { amount: 642, currency: 'GBP' },
          items: ['Oak dining bench 140cm', 'Stoneware dinner set (12 pieces)'],
        },
        {
          id: '4760',
          status: 'delivered',
          placedAt: days(47),
          dispatchedAt: days(46),
          lastScanAt: days(45),
          carrier: 'DPD',
          trackingNumber: '15501847600231',
          total: { amount: 219, currency: 'GBP' },
          items: ['Copper-core saucepan set (3 pieces)'],
        },
        {
          id: '3915',
          status: 'delivered',
          placedAt: days(210),
          dispatchedAt: days(209),
          lastScanAt: days(208),
          carrier: 'DPD',
          trackingNumber: '15501391500518',
          total: { amount: 158.4, currency: 'GBP' },
          items: ['Enamelled cast iron griddle', 'Chef knife 20cm'],
        },
      ],
      tickets: [{ caseNumber: 'NW-18244', createdAt: days(95), category: 'delivery', outcome: 'resolved', summary: 'Asked for a Saturday delivery slot for a bench order' }],
    },
    {
      // A recent ticket: the brief shows it ("second contact about this order").
      id: 'cus-marie',
      name: 'Marie Dubois',
      email: 'marie.dubois@example.fr',
      phone: '+33 6 12 34 56 78',
      tier: 'standard',
      accountId: 'AC-2218',
      since: '2024-05-19',
      orders: [
        {
          id: '5034',
          status: 'delivered',
          placedAt: days(19),
          dispatchedAt: days(18),
          lastScanAt: days(14),
          carrier: 'DPD',
          trackingNumber: '15501503400744',
          total: { amount: 72.4, currency: 'EUR' },
          items: ['Stoneware side plates (set of 4)', 'Linen table runner'],
        },
      ],
      tickets: [
        {
          caseNumber: 'NW-20931',
          createdAt: days(12),
          category: 'damaged-faulty-item',
          outcome: 'replacement sent',
          summary: 'Two side plates from order 5034 arrived broken; replacement plates sent',
        },
      ],
    },
    {
      id: 'cus-emily',
      name: 'Emily Carter',
      email: 'emily.carter@example.com',
      phone: '+1 555 010 4477',
      tier: 'standard',
      accountId: 'AC-3310',
      since: '2024-11-28',
      orders: [
        {
          id: '5215',
          status: 'processing',
          placedAt: ago(3 * HOUR),
          total: { amount: 129, currency: 'USD' },
          items: ['Enamel stovetop kettle 1.7L', 'Pour-over coffee set'],
        },
      ],
      tickets: [],
    },
    {
      id: 'cus-lukas',
      name: 'Lukas Becker',
      email: 'lukas.becker@example.de',
      tier: 'standard',
      accountId: 'AC-3587',
      since: '2025-01-07',
      orders: [
        {
          id: '5160',
          status: 'cancelled',
          placedAt: days(6),
          total: { amount: 48.9, currency: 'EUR' },
          items: ['Bamboo bread bin'],
        },
      ],
      tickets: [],
    },
  ];
}

function password(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Seeds the demo: teams, agents with fresh passwords, and customers with orders and tickets.
 * Idempotent: what already exists is left exactly as it is, so a second run changes nothing and
 * returns no logins (passwords are stored hashed and cannot be shown again).
 */
export async function seedDemo(ctx: AppContext, opts: { now: Date; log: (line: string) => void }): Promise<{ logins: DemoLogin[] }> {
  let teams = 0;
  for (const t of TEAMS) {
    if (await getTeamByName(ctx.db, t.name)) continue;
    await createTeam(ctx, { name: t.name, skills: t.skills, sla: { ...SLA }, isDefault: t.isDefault });
    teams++;
  }

  const logins: DemoLogin[] = [];
  for (const a of AGENTS) {
    if (await getAgentByEmail(ctx.db, a.email)) continue;
    const pw = password();
    const agent = await createAgent(ctx, { email: a.email, name: a.name, password: pw, role: a.role, teams: a.teams, skills: a.skills });
    if (agent.presence !== a.presence) await setPresence(ctx, agent, { presence: a.presence });
    logins.push({ email: a.email, name: a.name, role: a.role, team: a.teams.join(', ') || '-', password: pw });
  }

  let customers = 0;
  for (const c of demoCustomers(opts.now)) {
    if (await getCustomerProfile(ctx.db, c.id)) continue;
    await ctx.db.transaction().execute(async (tx) => {
      await upsertCustomer(tx, { id: c.id, name: c.name, email: c.email, ...(c.phone ? { phone: c.phone } : {}), tier: c.tier, accountId: c.accountId, since: c.since, createdAt: opts.now });
      for (const o of c.orders) await upsertOrder(tx, c.id, o);
      for (const t of c.tickets) await insertTicket(tx, c.id, t);
    });
    customers++;
  }

  if (teams + logins.length + customers === 0) {
    opts.log('demo: the demo data is already there (agent passwords are only shown when they are created).');
    opts.log('demo: to add an agent you can sign in as, run: npx baton agent add --email you@northwind.example --name "Your Name" --password <password> --role agent --team Support');
  } else {
    opts.log(`demo: created ${teams} team(s), ${logins.length} agent(s) and ${customers} customer(s)`);
  }
  return { logins };
}
