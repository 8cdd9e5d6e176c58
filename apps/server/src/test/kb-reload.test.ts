import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from './test-server.js';
import { DEMO_KB, startTestServer } from './test-server.js';

describe('reloading the KB without a restart', () => {
  let s: TestServer;
  let kb: string;
  beforeAll(async () => {
    kb = mkdtempSync(join(tmpdir(), 'baton-kb-'));
    cpSync(DEMO_KB, kb, { recursive: true });
    s = await startTestServer('pglite', { env: { BATON_KB_DIR: kb } });
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    rmSync(kb, { recursive: true, force: true });
  });

  const ask = async (text: string) => {
    const conv = (await s.app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} })).json();
    return (await s.app.inject({ method: 'POST', url: `/api/v1/conversations/${conv.id}/messages`, headers: { authorization: `Bearer ${conv.token}` }, payload: { text } })).json().replies[0] as { action: string; articleId?: string };
  };

  it('answers from a new article once reloaded, and keeps the KB in force when an article is broken', async () => {
    const question = 'do you sell replacement lids for the cast iron casserole?';
    const before = await ask(question);
    expect(before.articleId).not.toBe('replacement-parts');

    writeFileSync(
      join(kb, 'replacement-parts.md'),
      `---\nid: replacement-parts\ntitle: "Replacement lids and parts"\ncategory: product\nquestions:\n${[
        'do you sell replacement lids',
        'can I buy a spare lid for my casserole',
        'where can I get replacement parts',
        'I broke the lid of my pot, can I buy a new one',
        'spare parts for cookware',
        'replacement handle for my pan',
        'do you sell spare lids for cast iron pots',
        'I need a new lid for my dutch oven',
      ]
        .map((q) => `  - "${q}"`)
        .join('\n')}\n---\n\nYes: lids, handles and knobs for our cookware are sold separately under Spare parts.\n`,
    );
    const casey = await s.login('casey');
    const alex = await s.login('alex');
    const reload = () => s.app.inject({ method: 'POST', url: '/api/v1/kb/reload', headers: { authorization: `Bearer ${casey}` } });
    expect((await s.app.inject({ method: 'POST', url: '/api/v1/kb/reload', headers: { authorization: `Bearer ${alex}` } })).statusCode).toBe(403);
    const r = await reload();
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ articles: 21, version: 1 });
    const after = await ask(question);
    expect(after).toMatchObject({ action: 'answer', articleId: 'replacement-parts' });

    writeFileSync(join(kb, 'broken.md'), '---\ntitle: "No id"\nquestions: []\n---\nbody\n');
    const bad = await reload();
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('KB_ERR_FORMAT');
    expect(bad.json().error.message).toMatch(/broken\.md: id/);
    expect((await ask(question)).articleId).toBe('replacement-parts');

    // A folder that is gone is a code of its own, through the same catalogue; the KB stays in force.
    rmSync(kb, { recursive: true, force: true });
    const gone = await reload();
    expect({ status: gone.statusCode, code: gone.json().error.code }).toEqual({ status: 409, code: 'KB_ERR_NOT_FOUND' });
    expect(gone.json().error.message).toContain('no such KB folder');
    expect((await ask(question)).articleId).toBe('replacement-parts');
  });
});
