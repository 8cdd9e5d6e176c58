import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { KbArticle } from '@baton/core';
import { KbFormatError, parseKbArticle } from '@baton/core';
import { FileError } from './file-error.js';

/**
 * Loads a KB folder: every `.md` file below it, one article each. Every bad article is reported
 * with its file and field, and two articles with one id are an error, since answers are keyed on it.
 */
export function loadKb(dir: string): KbArticle[] {
  let files: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new FileError('KB_ERR_NOT_DIR', `${dir}: the KB must be a folder of Markdown files`);
    files = listMarkdown(dir);
  } catch (err) {
    if (err instanceof FileError) throw err;
    throw new FileError('KB_ERR_NOT_FOUND', `${dir}: no such KB folder`);
  }
  const articles: KbArticle[] = [];
  const problems: string[] = [];
  const ids = new Map<string, string>();
  for (const file of files) {
    const name = relative(dir, file);
    try {
      const article = parseKbArticle(readFileSync(file, 'utf8'), name);
      const other = ids.get(article.id);
      if (other) problems.push(`${name}: id: "${article.id}" is also the id of ${other}`);
      ids.set(article.id, name);
      articles.push(article);
    } catch (err) {
      if (err instanceof KbFormatError) problems.push(`${name}: ${err.field}: ${err.message}`);
      else throw err;
    }
  }
  if (problems.length) throw new FileError('KB_ERR_FORMAT', `${dir}: ${problems.length} bad article${problems.length === 1 ? '' : 's'}:\n${problems.join('\n')}`);
  if (!articles.length) throw new FileError('KB_ERR_EMPTY', `${dir}: no .md articles in this folder`);
  return articles;
}

function listMarkdown(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listMarkdown(path));
    else if (entry.isFile() && entry.name.endsWith('.md') && entry.name.toLowerCase() !== 'readme.md') out.push(path);
  }
  return out;
}
