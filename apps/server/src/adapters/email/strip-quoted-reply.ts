/** "On Tue, 4 Jun 2024 at 10:02, Support <support@example.com> wrote:" and its translations. */
const ATTRIBUTION = [
  /^On\b[\s\S]{0,400}\bwrote:$/i,
  /^Le\b[\s\S]{0,400}\ba écrit\s?:$/i,
  /^Am\b[\s\S]{0,400}\bschrieb[\s\S]{0,200}:$/i,
  /^El\b[\s\S]{0,400}\bescribió:$/i,
];
const SEPARATOR = [/^-{2,}\s*(Original Message|Message d'origine|Ursprüngliche Nachricht|Mensaje original)\s*-{2,}$/i, /^_{10,}$/, /^Sent from my \w+/i, /^Get Outlook for \w+/i];
const HEADER_FROM = /^\*?(From|De|Von):\*?\s/i;
const HEADER_NEXT = /^\*?(Sent|Date|Envoyé|Gesendet|Enviado|To|Subject):\*?\s/i;

/**
 * What the customer wrote, without the history their mail client quoted back: lines from the
 * first attribution ("On … wrote:", also wrapped over two lines), an Outlook header block
 * ("From: … / Sent: …"), a "-----Original Message-----" separator or a signature ("-- ") to
 * the end are dropped, and so is every line starting with ">" (interleaved quotes too). The
 * agent still has the whole conversation, so nothing is lost by leaving the quote out.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.trim();
    if (isCut(t, lines, i)) break;
    if (t.startsWith('>')) continue;
    kept.push(line.trimEnd());
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function isCut(t: string, lines: string[], i: number): boolean {
  // The signature delimiter is "-- " (RFC 3676); some clients trim its space.
  if (/^--\s?$/.test(lines[i]!)) return true;
  if (SEPARATOR.some((r) => r.test(t))) return true;
  if (ATTRIBUTION.some((r) => r.test(t))) return true;
  const next = lines[i + 1]?.trim() ?? '';
  if (t && next && /^(On|Le|Am|El)\b/i.test(t) && ATTRIBUTION.some((r) => r.test(`${t} ${next}`))) return true;
  if (HEADER_FROM.test(t)) {
    for (let j = i + 1; j < Math.min(lines.length, i + 5); j++) if (HEADER_NEXT.test(lines[j]!.trim())) return true;
  }
  return false;
}
