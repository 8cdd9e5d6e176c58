import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REASON_CODES } from '@baton/core';
import { ZAssessDecisionSchema, ZReasonCodeSchema } from '@baton/contracts';
import { beforeAll, describe, expect, it } from 'vitest';

// These tests run the real command, compiled, as a user would (`npm test` builds first).
const BIN = fileURLToPath(new URL('../bin/baton.mjs', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../../shared/eval/', import.meta.url));

function baton(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
let kb: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baton-cli-'));
  kb = join(dir, 'kb');
  mkdirSync(kb);
  const art = (id: string, title: string, qs: string[]) =>
    writeFileSync(join(kb, `${id}.md`), `---\nid: ${id}\ntitle: "${title}"\nquestions:\n${qs.map((q) => `  - "${q}"`).join('\n')}\n---\n\n${title}: the answer.\n`);
  art('track-order', 'Track an order', ['where is my order', 'track my package', 'when will my parcel arrive', 'has my order shipped']);
  art('reset-password', 'Reset your password', ['i forgot my password', 'how do i reset my password', 'password reset link', 'cannot log in']);
  art('delivery-options', 'Delivery options', ['what shipping methods do you offer', 'do you have express delivery', 'how much does shipping cost']);
});

const line = (id: string, ...texts: string[]) => JSON.stringify({ id, messages: texts.map((text) => ({ role: 'customer', text })) });

describe('baton assess', () => {
  it('writes one decision per conversation, in order, in the documented shape', () => {
    const input = [line('a', 'where is my order?'), line('b', 'let me talk to a real person'), line('c', 'how do I reset my password')].join('\n');
    const r = baton(['assess', '--kb', kb, '-'], input);
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => ZAssessDecisionSchema.parse(JSON.parse(l)));
    expect(out.map((d) => d.id)).toEqual(['a', 'b', 'c']);
    expect(out[0]).toMatchObject({ action: 'answer', articleId: 'track-order' });
    expect(out[1]).toMatchObject({ action: 'escalate' });
    expect(out[1]!.reasons).toContain('customer_request');
    expect(out[2]).toMatchObject({ action: 'answer', articleId: 'reset-password' });
  });

  it('names the line and the field of a malformed input, and writes nothing', () => {
    const input = [line('a', 'hi'), '{"id": "b", "messages": [{"role": "robot", "text": "x"}]}', 'not json', line('a', 'dup')].join('\n');
    const r = baton(['assess', '--kb', kb, '-'], input);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/-:2: messages\.0\.role/);
    expect(r.stderr).toMatch(/-:3: not valid JSON/);
    expect(r.stderr).toMatch(/-:4: id: "a" was already used on line 1/);
  });

  it('rejects an invalid policy, naming each bad key', () => {
    const policy = join(dir, 'bad.yaml');
    writeFileSync(policy, 'confidence:\n  threshold: 1.5\nkeywords:\n  words: nope\nsentimnet: {}\n');
    const r = baton(['assess', '--kb', kb, '--policy', policy, '-'], line('a', 'hi'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/confidence\.threshold/);
    expect(r.stderr).toMatch(/keywords\.words/);
    expect(r.stderr).toMatch(/unknown key: sentimnet/);
  });

  it('applies a valid policy', () => {
    const policy = join(dir, 'strict.yaml');
    writeFileSync(policy, 'customerRequest:\n  enabled: false\n');
    const text = line('a', 'let me talk to a real person');
    expect(JSON.parse(baton(['assess', '--kb', kb, '-'], text).stdout).reasons).toContain('customer_request');
    const r = baton(['assess', '--kb', kb, '--policy', policy, '-'], text);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).reasons).not.toContain('customer_request');
  });

  it('explains a missing KB and a missing file', () => {
    expect(baton(['assess', '--kb', join(dir, 'nope'), '-'], line('a', 'hi')).stderr).toMatch(/no such KB folder/);
    expect(baton(['assess', join(dir, 'missing.jsonl')]).stderr).toMatch(/missing\.jsonl: no such file/);
    expect(baton(['frobnicate']).code).toBe(2);
  });

  it('reports a bad KB article with its file and field', () => {
    const bad = join(dir, 'badkb');
    mkdirSync(bad);
    writeFileSync(join(bad, 'x.md'), '---\ntitle: "No id"\nquestions:\n  - "q"\n---\nbody\n');
    const r = baton(['assess', '--kb', bad, '-'], line('a', 'hi'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/x\.md: id/);
  });
});

describe('reason codes', () => {
  it('are the same list in core and contracts', () => {
    expect([...REASON_CODES].sort()).toEqual([...ZReasonCodeSchema.options].sort());
  });
});

describe.runIf(existsSync(join(SHARED, 'score.mjs')))('baton eval on shared/eval', () => {
  // The scoring is the subject here, not the engine (eval-dev.test.ts holds the engine with the
  // encoder to its bars), so the lexical path keeps this quick on a cold vector cache.
  it('agrees with score.mjs on every figure', { timeout: 120_000 }, () => {
    const files = ['retail.jsonl', 'handoff.jsonl'].map((f) => join(SHARED, 'dev', f));
    const out = execFileSync(process.execPath, [BIN, 'eval', '--quiet', '--lexical', '--scorer', join(SHARED, 'score.mjs'), ...files], { encoding: 'utf8' });
    expect(out).toMatch(/agrees with the scorer on every figure/);
    expect(out).toMatch(/esc\.recall/);
  });
});
