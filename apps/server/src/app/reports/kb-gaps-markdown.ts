import { gapsToMarkdown } from '@baton/core';
import type { KbGapsReport } from './kb-gaps-report.js';

/** The line that starts each file of the bundle; split on it to get the files back. */
export const FILE_MARKER = '<!-- baton:file ';

/**
 * The KB-gap drafts as one Markdown text: a header comment, then each draft article (KB format,
 * YAML front matter first) after a line `<!-- baton:file NAME.md -->`. HTML comments render as
 * nothing, and splitting on the marker lines gives back the files to drop into the KB folder.
 */
export function kbGapsMarkdown(report: KbGapsReport): string {
  const files = gapsToMarkdown(report.clusters);
  const header = `<!-- Baton KB-gap drafts, ${report.period.from} to ${report.period.to}: ${files.length} draft article(s) from ${report.questions} unanswered question(s). Each file starts at a "${FILE_MARKER}NAME -->" line. -->\n`;
  return header + files.map((f) => `\n${FILE_MARKER}${f.fileName} -->\n${f.content}`).join('');
}
