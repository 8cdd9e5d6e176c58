import { describe, expect, it } from 'vitest';
import { chooseTeam } from './choose-team.js';
import type { HandoffNeed } from './handoff-need.js';
import { RoutingError } from './routing-error.js';
import type { Skill } from './skill.js';
import type { Team } from './team.js';

const sla = { low: 240, medium: 60, high: 15, critical: 5 };
const cat = (value: string, proficiency = 4): Skill => ({ kind: 'category', value, proficiency });
const lang = (value: string, proficiency = 4): Skill => ({ kind: 'language', value, proficiency });
const chan = (value: string, proficiency = 4): Skill => ({ kind: 'channel', value, proficiency });
const team = (id: string, skills: Skill[], extra: Partial<Team> = {}): Team => ({ id, name: id, skills, sla, ...extra });

const general = team('general', [lang('en', 5), cat('general'), chan('chat'), chan('email')], { isDefault: true });
const billing = team('billing', [lang('en', 5), cat('billing', 5), chan('chat')], { overflow: { afterMinutes: 10, toTeamId: 'general' } });
const billingEnterprise = team('billing-enterprise', [lang('en'), cat('billing', 4)], { tiers: ['enterprise', 'VIP'] });
const security = team('security', [lang('en'), cat('security', 5), chan('chat')]);
const spanish = team('soporte', [lang('es', 5), cat('general')]);
const emailDesk = team('email-desk', [lang('en'), chan('email', 5)]);
const teams = [general, billing, billingEnterprise, security, spanish, emailDesk];

const need = (n: Partial<HandoffNeed>): HandoffNeed => ({ language: 'en', channel: 'chat', priority: 'medium', ...n });

describe('chooseTeam', () => {
  it.each([
    ['category match', need({ category: 'billing' }), 'billing'],
    ['category match, regional language tag', need({ category: 'security', language: 'en-GB' }), 'security'],
    ['language match beats category: a Spanish billing question', need({ category: 'billing', language: 'es' }), 'soporte'],
    ['language match without category', need({ category: 'orders', language: 'ES' }), 'soporte'],
    ['tier breaks the tie between two billing teams', need({ category: 'billing', tier: 'enterprise' }), 'billing-enterprise'],
    ['tier compared case-insensitively', need({ category: 'billing', tier: 'vip' }), 'billing-enterprise'],
    ['tier does not beat category', need({ category: 'security', tier: 'enterprise' }), 'security'],
    ['no tier: the better billing proficiency and channel', need({ category: 'billing', tier: 'free' }), 'billing'],
    ['nothing specific: the default team, not a better-speaking specialist', need({ category: 'orders' }), 'general'],
    ['general category', need({ category: 'general' }), 'general'],
    ['channel is the last tie-break', need({ category: 'orders', channel: 'email' }), 'general'],
    ['unknown language: category decides', need({ category: 'security', language: 'und' }), 'security'],
    ['nothing matches at all: default team', need({ category: 'legal', language: 'ja', channel: 'sms' }), 'general'],
  ])('%s', (_name, n, expected) => {
    expect(chooseTeam(n, teams).team.id).toBe(expected);
  });

  it('explains the choice and scores it', () => {
    const choice = chooseTeam(need({ category: 'billing', tier: 'enterprise' }), teams);
    expect(choice.why).toBe('language en (4), category billing (4), tier enterprise');
    expect(choice.score).toBeCloseTo(8 + 4 + 2 + 0.08);
    expect(chooseTeam(need({ language: 'ja', channel: 'sms' }), teams).why).toBe('no team matched; default team');
  });

  it('does not apply overflow: the billing team is chosen even though it overflows to general', () => {
    const choice = chooseTeam(need({ category: 'billing' }), teams);
    expect(choice.team).toBe(billing);
    expect(choice.team.overflow?.toTeamId).toBe('general');
  });

  it('among equal matches the default team wins over a better-speaking specialist listed first', () => {
    const specialist = team('specialist', [lang('en', 5), cat('legal', 5)]);
    const fallback = team('fallback', [lang('en', 2)], { isDefault: true });
    const choice = chooseTeam(need({ category: 'orders', channel: 'sms' }), [specialist, fallback]);
    expect(choice.team.id).toBe('fallback');
    expect(choice.why).toBe('language en (2); default team');
  });

  it('without a default team, falls back to the first team listed', () => {
    const choice = chooseTeam(need({ language: 'ja', channel: 'sms' }), [security, billing]);
    expect(choice.team.id).toBe('security');
    expect(choice.score).toBe(0);
    expect(choice.why).toMatch(/none is default/);
  });

  it('prefers the more proficient of two equal matches, then the admin order', () => {
    const a = team('a', [lang('en'), cat('orders', 3)]);
    const b = team('b', [lang('en'), cat('orders', 5)]);
    const c = team('c', [lang('en'), cat('orders', 5)]);
    expect(chooseTeam(need({ category: 'orders' }), [a, b, c]).team.id).toBe('b');
    expect(chooseTeam(need({ category: 'orders' }), [a, c, b]).team.id).toBe('c');
  });

  it('throws ROUTING_ERR_NO_TEAMS when there are no teams', () => {
    expect(() => chooseTeam(need({}), [])).toThrow(RoutingError);
    expect(() => chooseTeam(need({}), [])).toThrow(expect.objectContaining({ code: 'ROUTING_ERR_NO_TEAMS' }));
  });
});
