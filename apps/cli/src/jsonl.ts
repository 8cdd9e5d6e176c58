import { readFileSync } from 'node:fs';
import type { TEvalConversation } from '@baton/contracts';
import { ZEvalConversationSchema } from '@baton/contracts';
import { CliError } from './errors.js';

/** A conversation read from a JSONL file, with where it came from. */
export interface InputConversation {
  file: string;
  line: number;
  item: TEvalConversation;
}

/** Reads a whole file (or stdin for '-'): input files are conversations, megabytes at most. */
export function readInput(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new CliError('INPUT_ERR_NOT_FOUND', `${path}: no such file`);
    if (e.code === 'EISDIR') throw new CliError('INPUT_ERR_IS_DIR', `${path}: is a folder; give a .jsonl file, or - for standard input`);
    throw new CliError('INPUT_ERR_READ', `${path}: cannot read it (${e.message})`);
  }
}

/**
 * Parses and validates every line before anything is assessed, so a bad file produces no
 * partial output. All bad lines are reported (up to 20), each with its line number and the
 * field at fault.
 */
export function parseConversations(text: string, file: string): InputConversation[] {
  const out: InputConversation[] = [];
  const problems: string[] = [];
  const ids = new Map<string, number>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw) continue;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      problems.push(`${file}:${line}: not valid JSON (${(err as Error).message})`);
      continue;
    }
    const parsed = ZEvalConversationSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 3)) {
        const at = issue.path.length ? issue.path.join('.') : '(the line)';
        problems.push(`${file}:${line}: ${at}: ${issue.message}`);
      }
      continue;
    }
    const seen = ids.get(parsed.data.id);
    if (seen !== undefined) problems.push(`${file}:${line}: id: "${parsed.data.id}" was already used on line ${seen}`);
    ids.set(parsed.data.id, line);
    out.push({ file, line, item: parsed.data });
  }
  if (problems.length) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `\n…and ${problems.length - shown.length} more` : '';
    throw new CliError('INPUT_ERR_INVALID', `${problems.length} bad line${problems.length === 1 ? '' : 's'}; nothing was assessed:\n${shown.join('\n')}${more}`);
  }
  return out;
}
