import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GapCluster } from '@baton/core';
import { parseKbArticle } from '@baton/core';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/baton.mjs', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../../shared/eval/', import.meta.url));

function baton(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// The acceptance bar of DESIGN §8's KB gaps: the report on the CLINC out-of-scope questions
// groups them into clusters, each with its examples, and drafts one article per cluster.
describe.runIf(existsSync(join(SHARED, 'dev', 'clinc.jsonl')))('baton kb-gaps on the CLINC out-of-scope questions', () => {
  it('groups them into clusters with counts and examples, and writes draft articles the KB loader accepts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-kb-gaps-'));
    const oos = readFileSync(join(SHARED, 'dev', 'clinc.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('"not_answer"'));
    const input = join(dir, 'oos.jsonl');
    writeFileSync(input, oos.join('\n'));
    const drafts = join(dir, 'drafts');
    const json = join(dir, 'gaps.json');
    const r = baton(['kb-gaps', '--input', input, '--kb-root', join(SHARED, 'kb'), '--markdown', drafts, '--json', json]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { gaps: number; conversations: number; clusters: GapCluster[] };
    expect(report.conversations).toBe(oos.length);
    // The engine holds most out-of-scope questions (declines or clarifies them): they are the gaps.
    expect(report.gaps).toBeGreaterThan(oos.length * 0.6);
    const multi = report.clusters.filter((c) => c.count >= 2);
    expect(multi.length).toBeGreaterThanOrEqual(8);
    for (const c of multi) expect(c.examples.length).toBeGreaterThanOrEqual(2);
    expect(report.clusters.map((c) => c.title.toLowerCase())).toEqual(expect.arrayContaining(['bad habits', 'fake news', 'brexit']));
    const news = report.clusters.find((c) => c.title === 'Fake news')!;
    expect(r.stdout).toMatch(/\n\s+\d+ {2}Fake news/);
    for (const ex of news.examples) expect(r.stdout).toContain(`- ${ex}`);
    const files = readdirSync(drafts).sort();
    expect(files).toHaveLength(report.clusters.length);
    for (const f of files) {
      const article = parseKbArticle(readFileSync(join(drafts, f), 'utf8'), f);
      expect(article.questions.length).toBeGreaterThanOrEqual(1);
      expect(article.body).toMatch(/^TODO/);
    }
    // A second run leaves the drafts being edited alone.
    writeFileSync(join(drafts, files[0]!), 'edited');
    const again = baton(['kb-gaps', '--input', input, '--kb-root', join(SHARED, 'kb'), '--markdown', drafts]);
    expect(again.stderr).toMatch(/left \d+ existing files? alone/);
    expect(readFileSync(join(drafts, files[0]!), 'utf8')).toBe('edited');
  }, 60_000);
});

describe('baton kb-gaps arguments', () => {
  it('rejects a bad similarity', () => {
    const r = baton(['kb-gaps', '--similarity', '2', '--input', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--similarity must be a number from 0\.01 to 1/);
  });
});
