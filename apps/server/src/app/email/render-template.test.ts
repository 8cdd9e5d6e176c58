import { EMAIL_TEMPLATE_KINDS, EMAIL_TEMPLATE_LANGUAGES } from '@baton/contracts';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_VARIABLES, defaultEmailTemplate } from './email-template-defaults.js';
import { templateLanguage } from './email-templates.js';
import { renderTemplate, templateProblems } from './render-template.js';

describe('renderTemplate', () => {
  it.each([
    ['{{a}} and {{ b }}', { a: 'x', b: 'y' }, 'text', 'x and y\n'],
    ['{{#a}}[{{a}}]{{/a}}{{^a}}none{{/a}}', { a: '' }, 'text', 'none\n'],
    ['{{#a}}[{{a}}]{{/a}}{{^a}}none{{/a}}', { a: 'v' }, 'text', '[v]\n'],
    ['{{#ai}}bot{{/ai}}', { ai: true }, 'text', 'bot\n'],
    ['{{#ai}}bot{{/ai}}', { ai: false }, 'text', '\n'],
    ['one\n{{#x}}\n\ntwo{{/x}}\n\n\nthree', {}, 'text', 'one\n\nthree\n'],
    ['<p>{{m}}</p>', { m: '<script>"x" & \'y\'</script>\nline' }, 'html', '<p>&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;<br>\nline</p>'],
    ['{{#customer.firstName}}Hi {{customer.firstName}}{{/customer.firstName}}', { 'customer.firstName': 'Ana' }, 'html', 'Hi Ana'],
    ['{{unknown}}!', {}, 'html', '!'],
  ] as const)('%j with %j as %s', (template, values, mode, expected) => {
    expect(renderTemplate(template, values, mode)).toBe(expected);
  });

  it('names unknown variables and unclosed sections', () => {
    expect(templateProblems('{{case}} {{password}} {{#summary}}', ['case', 'summary'])).toEqual([
      '{{password}} is not a variable of this template (use {{case}}, {{summary}})',
      'the section {{#summary}} is not closed with {{/summary}}',
    ]);
  });
});

describe('the default templates', () => {
  it('exist for every kind and language, use only their variables, and carry the case number in every part', () => {
    for (const kind of EMAIL_TEMPLATE_KINDS) {
      for (const language of EMAIL_TEMPLATE_LANGUAGES) {
        const t = defaultEmailTemplate(kind, language);
        for (const part of [t.subject, t.text, t.html]) {
          expect(templateProblems(part, TEMPLATE_VARIABLES[kind])).toEqual([]);
          expect(part).toContain('{{case}}');
        }
      }
    }
    expect(new Set(EMAIL_TEMPLATE_LANGUAGES.map((l) => defaultEmailTemplate('handoff_confirmation', l).text)).size).toBe(EMAIL_TEMPLATE_LANGUAGES.length);
  });

  it.each([
    ['pt-BR', 'pt'],
    ['de', 'de'],
    ['nl', 'en'],
    [null, 'en'],
  ] as const)('the language for %j is %s', (tag, lang) => {
    expect(templateLanguage(tag)).toBe(lang);
  });
});
