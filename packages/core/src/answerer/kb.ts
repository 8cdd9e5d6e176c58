import { parse as parseYaml } from 'yaml';

/**
 * One knowledge-base article as the answerer sees it. `questions` are the operator's own example
 * phrasings: they are the main training signal, so the answerer works best with 10+ of them.
 */
export interface KbArticle {
  /** Stable id, also what a decision cites as `articleId`. */
  id: string;
  /** Human title; also used as an extra example phrasing. */
  title: string;
  /** Example customer phrasings of the question this article answers. */
  questions: string[];
  /** Optional grouping, for display and routing only. */
  category?: string;
  /** Optional free tags, for display and search only. */
  tags: string[];
  /** The answer text (Markdown), as sent to the customer. */
  body: string;
  /**
   * `purpose: handoff` in the front matter: the article exists to reach a person ("Talk to a
   * human agent"). A confident match to it is a request for a person, not a question to answer.
   */
  purpose?: 'handoff';
}

/**
 * Thrown for a malformed article. It names the file and the field so that an operator editing a
 * KB by hand can fix it without reading a stack trace.
 */
export class KbFormatError extends Error {
  readonly code = 'KB_ERR_FORMAT';
  constructor(
    readonly file: string,
    readonly field: string,
    message: string,
  ) {
    super(`${file}: ${field}: ${message}`);
    this.name = 'KbFormatError';
  }
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function optionalString(value: unknown, file: string, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  throw new KbFormatError(file, field, 'must be a string');
}

function stringList(value: unknown, file: string, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new KbFormatError(file, field, 'must be a list of strings');
  return value.map((item, i) => {
    if (typeof item === 'string' || typeof item === 'number') return String(item);
    throw new KbFormatError(file, `${field}[${i}]`, 'must be a string');
  });
}

/**
 * Parses one Markdown article with YAML front matter. It is strict about the fields the answerer
 * relies on (`id`, `questions`) and lenient about the rest, because a KB that loads with a silently
 * dropped article answers worse with no visible cause.
 */
export function parseKbArticle(source: string, fileName: string): KbArticle {
  const match = FRONT_MATTER.exec(source);
  if (!match) throw new KbFormatError(fileName, 'front matter', 'missing "---" YAML front matter at the top');
  let meta: unknown;
  try {
    meta = parseYaml(match[1] ?? '');
  } catch (err) {
    throw new KbFormatError(fileName, 'front matter', `invalid YAML: ${(err as Error).message}`);
  }
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) {
    throw new KbFormatError(fileName, 'front matter', 'must be a YAML mapping');
  }
  const fields = meta as Record<string, unknown>;
  const id = optionalString(fields['id'], fileName, 'id')?.trim();
  if (!id) throw new KbFormatError(fileName, 'id', 'is required');
  const title = optionalString(fields['title'], fileName, 'title')?.trim() || id;
  const questions = stringList(fields['questions'], fileName, 'questions')
    .map((q) => q.trim())
    .filter((q) => q.length > 0);
  const category = optionalString(fields['category'], fileName, 'category')?.trim();
  const tags = stringList(fields['tags'], fileName, 'tags');
  const body = source.slice(match[0].length).trim();
  const purpose = optionalString(fields['purpose'], fileName, 'purpose')?.trim();
  if (purpose !== undefined && purpose !== 'handoff' && purpose !== 'answer') {
    throw new KbFormatError(fileName, 'purpose', `must be "answer" or "handoff", not "${purpose}"`);
  }
  const article: KbArticle = { id, title, questions, tags, body };
  if (category) article.category = category;
  if (purpose === 'handoff') article.purpose = 'handoff';
  return article;
}
