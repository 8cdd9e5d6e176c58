/**
 * Shortening text for people to read (quotes in reasons and briefs, notification headlines, log
 * excerpts). Cuts fall only between grapheme clusters (`Intl.Segmenter`), so an emoji, a flag, a
 * letter with its combining marks or a surrogate pair is never split: a split pair would be an
 * unpaired surrogate, which PostgreSQL refuses in `jsonb` and which breaks every consumer after it.
 * Lengths are in UTF-16 code units, the unit of `String.length` and of the limits of Slack, SMS
 * and the database columns, so the result always fits the limit it was clipped to.
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The longest prefix of `text` of at most `max` code units that ends between two graphemes.
 * Only the cluster around the cut is looked at, so it is cheap on long text.
 */
export function graphemePrefix(text: string, max: number): string {
  if (max <= 0) return '';
  if (text.length <= max) return text;
  const cut = graphemes.segment(text).containing(max);
  return text.slice(0, cut ? cut.index : max);
}

/** The longest suffix of `text` of at most `max` code units that starts between two graphemes. */
export function graphemeSuffix(text: string, max: number): string {
  if (max <= 0) return '';
  if (text.length <= max) return text;
  const start = text.length - max;
  const seg = graphemes.segment(text).containing(start);
  if (!seg || seg.index === start) return text.slice(start);
  return text.slice(seg.index + seg.segment.length);
}

/**
 * `text` when it fits in `max` code units; otherwise its longest grapheme-whole prefix followed by
 * `ellipsis`, the whole at most `max` code units.
 */
export function clipText(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  if (max <= ellipsis.length) return graphemePrefix(ellipsis, max);
  return `${graphemePrefix(text, max - ellipsis.length)}${ellipsis}`;
}

/**
 * `text` when it fits in `max` code units; otherwise its beginning and its end joined by
 * `separator`, each grapheme-whole, the whole at most `max` code units. For analysis, where the
 * end of a long message matters as much as its start.
 */
export function clipMiddle(text: string, max: number, separator = '\n'): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - separator.length);
  const head = Math.ceil(room / 2);
  return `${graphemePrefix(text, head)}${separator}${graphemeSuffix(text, room - head)}`;
}
