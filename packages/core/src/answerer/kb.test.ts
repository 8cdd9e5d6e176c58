import { describe, it, expect } from 'vitest';
import { KbFormatError, parseKbArticle } from './kb.js';

const good = `---
id: reset-password
title: "Reset your password"
category: account
tags: [login, security]
questions:
  - "I forgot my password"
  - "how do I reset my password?"
---

Click **Forgot password** on the sign-in page.
`;

function errorOf(source: string): KbFormatError {
  try {
    parseKbArticle(source, 'a.md');
  } catch (err) {
    if (err instanceof KbFormatError) return err;
    throw err;
  }
  throw new Error('expected a KbFormatError');
}

describe('parseKbArticle', () => {
  it('reads every field and keeps the body without the front matter', () => {
    expect(parseKbArticle(good, 'reset.md')).toEqual({
      id: 'reset-password',
      title: 'Reset your password',
      category: 'account',
      tags: ['login', 'security'],
      questions: ['I forgot my password', 'how do I reset my password?'],
      body: 'Click **Forgot password** on the sign-in page.',
    });
  });

  it('accepts CRLF line endings and defaults the title to the id', () => {
    const a = parseKbArticle('---\r\nid: x\r\nquestions:\r\n  - "q"\r\n---\r\nbody\r\n', 'x.md');
    expect(a).toMatchObject({ id: 'x', title: 'x', questions: ['q'], tags: [], body: 'body' });
    expect(a.category).toBeUndefined();
  });

  it.each([
    ['no front matter', '# Just markdown\n', 'front matter'],
    ['missing id', '---\ntitle: T\nquestions: ["a"]\n---\nbody', 'id'],
    ['empty id', '---\nid: "  "\n---\nbody', 'id'],
    ['questions not a list', '---\nid: a\nquestions: "how do I?"\n---\nbody', 'questions'],
    ['a question that is not a string', '---\nid: a\nquestions:\n  - {x: 1}\n---\nbody', 'questions[0]'],
    ['tags not a list', '---\nid: a\ntags: 3\n---\nbody', 'tags'],
    ['front matter not a mapping', '---\n- a\n- b\n---\nbody', 'front matter'],
    ['invalid YAML', '---\nid: [unclosed\n---\nbody', 'front matter'],
  ])('rejects %s, naming the field', (_name, source, field) => {
    const err = errorOf(source);
    expect(err.code).toBe('KB_ERR_FORMAT');
    expect(err.file).toBe('a.md');
    expect(err.field).toBe(field);
    expect(err.message).toContain('a.md');
  });
});
