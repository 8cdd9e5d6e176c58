/** The values a template is rendered with: text, or a flag for a section. Dotted names (`customer.name`) are plain keys. */
export type TemplateValues = Record<string, string | boolean | null | undefined>;

/** `{{name}}`, `{{#name}}…{{/name}}` (shown when name has a value) and `{{^name}}…{{/name}}` (shown when it has none). */
const SECTION = /\{\{([#^])\s*([\w.]+)\s*\}\}([\s\S]*?)\{\{\/\s*\2\s*\}\}/g;
const VARIABLE = /\{\{\s*([\w.]+)\s*\}\}/g;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Renders a mail template. In `html` mode every value is escaped, and its line breaks become
 * `<br>`: a customer's or an agent's words can never become markup. Unknown variables render as
 * nothing (`templateProblems` reports them when an admin saves). Text output has runs of blank
 * lines left by empty sections folded into one.
 */
export function renderTemplate(template: string, values: TemplateValues, mode: 'text' | 'html'): string {
  const present = (name: string) => {
    const v = values[name];
    return v !== undefined && v !== null && v !== false && v !== '';
  };
  let out = template;
  // Sections may nest: render the innermost first, until none is left.
  for (let i = 0; i < 10 && SECTION.test(out); i++) {
    SECTION.lastIndex = 0;
    out = out.replace(SECTION, (_m, kind: string, name: string, body: string) => ((kind === '#') === present(name) ? body : ''));
  }
  out = out.replace(VARIABLE, (_m, name: string) => {
    const v = values[name];
    const s = typeof v === 'string' ? v : '';
    return mode === 'html' ? escapeHtml(s).replace(/\r?\n/g, '<br>\n') : s;
  });
  return mode === 'text' ? `${out.replace(/\n{3,}/g, '\n\n').trim()}\n` : out;
}

/** What is wrong with a template: variables it names that do not exist, or sections left open. */
export function templateProblems(template: string, known: readonly string[]): string[] {
  const problems: string[] = [];
  for (const m of template.matchAll(/\{\{\s*[#^/]?\s*([\w.]+)\s*\}\}/g)) {
    if (!known.includes(m[1]!)) problems.push(`{{${m[1]}}} is not a variable of this template (use ${known.map((k) => `{{${k}}}`).join(', ')})`);
  }
  const opened = [...template.matchAll(/\{\{[#^]\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!);
  const closed = [...template.matchAll(/\{\{\/\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!);
  for (const name of new Set([...opened, ...closed])) {
    if (opened.filter((n) => n === name).length !== closed.filter((n) => n === name).length) problems.push(`the section {{#${name}}} is not closed with {{/${name}}}`);
  }
  return [...new Set(problems)];
}
