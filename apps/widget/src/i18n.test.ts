import { describe, expect, it } from 'vitest';
import type { Lang } from './i18n.js';
import { IDENTITY_STRINGS } from './components/identity-strings.js';
import { pickLang, stringsFor, TABLE } from './i18n.js';

const LANGS = Object.keys(TABLE) as Lang[];
const en = stringsFor('en');

describe('widget strings', () => {
  it('has at least English, Spanish, French, German, Portuguese and Italian', () => {
    expect(LANGS.sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'pt']);
  });

  it.each(LANGS)('%s has every key English has, of the same kind, and no other', (lang) => {
    const t = stringsFor(lang);
    expect(Object.keys(t).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(t)) {
      const ref = en[key as keyof typeof en];
      expect([key, typeof value, Array.isArray(value)]).toEqual([key, typeof ref, Array.isArray(ref)]);
      if (typeof value === 'string') expect([key, value.trim().length > 0]).toEqual([key, true]);
      if (typeof value === 'function') expect([key, (value as (...a: unknown[]) => string)('Zoë', 'Billing')]).toEqual([key, expect.stringMatching(/\S/)]);
    }
  });

  it.each(LANGS.filter((l) => l !== 'en'))('%s is translated, not English left in place', (lang) => {
    const t = stringsFor(lang);
    const same = Object.keys(en).filter((k) => typeof en[k as keyof typeof en] === 'string' && t[k as keyof typeof t] === en[k as keyof typeof en]);
    // A few words are the same in some languages ("Conversation", "Support", "Assistant").
    expect(same.length).toBeLessThanOrEqual(4);
    expect(t.greetingNamed('Zoë')).toContain('Zoë');
    expect(t.withAgent('Billing')).toContain('Billing');
  });

  it.each(LANGS)('%s has every string of the identity check', (lang) => {
    const keys = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v as object).map((x) => `${k}.${x}`) : [k]));
    expect(keys(IDENTITY_STRINGS[lang]).sort()).toEqual(keys(IDENTITY_STRINGS.en).sort());
  });

  it('picks the page language, then the browser language, then English', () => {
    expect(pickLang('pt-BR', 'en')).toBe('pt');
    expect(pickLang(undefined, 'it-IT')).toBe('it');
    expect(pickLang('ja', 'zh')).toBe('en');
  });
});
