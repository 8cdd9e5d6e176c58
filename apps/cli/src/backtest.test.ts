import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BacktestResult } from '@baton/core';
import { loadConfig, startServer } from '@baton/server';
import { beforeAll, describe, expect, it } from 'vitest';

// These tests run the real command, compiled, as a user would (`npm test` builds first).
const BIN = fileURLToPath(new URL('../bin/baton.mjs', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../../shared/eval/', import.meta.url));

function baton(args: string[], env: Record<string, string> = {}) {
  // The database is chosen by the test alone: CI's DATABASE_URL must not leak into the child.
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...inherited, BATON_LOG_LEVEL: 'error', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Report = BacktestResult & { policies: { current: string; proposed: string } };

let dir: string;
let kb: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baton-backtest-'));
  kb = join(dir, 'kb');
  mkdirSync(kb);
  const art = (id: string, title: string, qs: string[]) =>
    writeFileSync(join(kb, `${id}.md`), `---\nid: ${id}\ntitle: "${title}"\nquestions:\n${qs.map((q) => `  - "${q}"`).join('\n')}\n---\n\n${title}: the answer.\n`);
  art('track-order', 'Track an order', ['where is my order', 'track my package', 'when will my parcel arrive', 'has my order shipped']);
  art('reset-password', 'Reset your password', ['i forgot my password', 'how do i reset my password', 'password reset link', 'cannot log in']);
  writeFileSync(join(dir, 'no-human.yaml'), 'customerRequest:\n  enabled: false\n');
});

const line = (id: string, ...texts: string[]) => JSON.stringify({ id, messages: texts.map((text) => ({ role: 'customer', text })) });

describe('baton backtest on an imported file', () => {
  it('names the conversations that flip, escapes them in the HTML report, and writes every flip to JSON', () => {
    const input = join(dir, 'small.jsonl');
    writeFileSync(input, [line('a', 'where is my order?'), line('b', 'let me talk to a real person <script>alert(1)</script>'), line('c', 'how do I reset my password')].join('\n'));
    const json = join(dir, 'small.json');
    const html = join(dir, 'small.html');
    const r = baton(['backtest', '--policy', join(dir, 'no-human.yaml'), '--kb', kb, '--input', input, '--json', json, '--html', html, '--per-hour', '30', '--agents', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/handoff rate\s+33\.33%\s+0\.00%\s+-33\.33 pp/);
    expect(r.stdout).toMatch(/1 conversation flip: 0 newly handed off, 1 no longer handed off/);
    expect(r.stdout).toMatch(/\n {2}b {2}escalate → \w+ .*-customer_request/);
    expect(r.stdout).toMatch(/SLA risk \(Erlang C/);
    expect(r.stderr).toMatch(/replayed 3\/3/);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    expect(report.policies).toEqual({ current: 'the built-in defaults', proposed: 'no-human.yaml' });
    expect(report.flips.map((f) => f.id)).toEqual(['b']);
    expect(report.slaRisk?.current.handoffsPerHour).toBe(10);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<svg');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toMatch(/<script|<link|src=|@import|url\(/i);
  });

  it('says why there is no SLA risk, and rejects bad arguments', () => {
    const input = join(dir, 'one.jsonl');
    writeFileSync(input, line('a', 'where is my order?'));
    const r = baton(['backtest', '--policy', join(dir, 'no-human.yaml'), '--kb', kb, '--input', input, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/SLA risk: not estimated \(no arrival rate: pass --per-hour/);
    expect(r.stderr).toBe('');
    expect(baton(['backtest', '--kb', kb, '--input', input]).stderr).toMatch(/needs --policy/);
    expect(baton(['backtest', '--policy', join(dir, 'no-human.yaml'), '--input', input, '--agents', 'x']).code).toBe(2);
    expect(baton(['backtest', '--policy', join(dir, 'nope.yaml'), '--input', input]).code).toBe(1);
    expect(baton(['backtest', '--policy', join(dir, 'no-human.yaml'), '--kb', kb, '--input', input, '--from', '2024-01-01']).stderr).toMatch(/no conversations.*1 had no timestamps/);
  });
});

describe('baton backtest on stored conversations', () => {
  it('replays the configured database, and says so when it holds nothing', async () => {
    const data = join(dir, 'data');
    const env = { BATON_DATA_DIR: data, BATON_KB_DIR: kb };
    const server = await startServer(loadConfig({ ...env, PORT: '0', BATON_LOG_LEVEL: 'error' }), { listen: false, workers: false, log: () => {} });
    let client = 0;
    const converse = async (...texts: string[]) => {
      client++;
      const started = await server.app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {}, remoteAddress: `10.9.0.${client}` });
      expect(started.statusCode).toBe(201);
      const c = started.json() as { id: string; token: string };
      for (const text of texts) {
        const res = await server.app.inject({ method: 'POST', url: `/api/v1/conversations/${c.id}/messages`, headers: { authorization: `Bearer ${c.token}` }, payload: { text }, remoteAddress: `10.9.0.${client}` });
        expect(res.statusCode, res.body).toBe(201);
      }
      return c.id;
    };
    try {
      await converse('where is my order?');
      await converse('hello', 'let me talk to a real person');
      await converse('how do i reset my password');
    } finally {
      await server.stop();
    }

    const json = join(dir, 'stored.json');
    const r = baton(['backtest', '--policy', join(dir, 'no-human.yaml'), '--json', json, '--agents', '3', '--per-hour', '12'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`3 conversations from the PGlite database in ${data}`);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    expect(report.total).toBe(3);
    expect(report.current.handoffs).toBe(1);
    expect(report.proposed.handoffs).toBe(0);
    expect(report.flips).toHaveLength(1);
    expect(report.flips[0]).toMatchObject({ from: 'escalate', handoff: 'removed', text: 'let me talk to a real person' });
    expect(r.stdout).toContain(report.flips[0]!.id);

    const none = baton(['backtest', '--policy', join(dir, 'no-human.yaml'), '--from', '2001-01-01', '--to', '2001-12-31'], env);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no conversations with a customer message in the PGlite database .* between 2001-01-01 and 2001-12-31/);
    const missing = baton(['backtest', '--policy', join(dir, 'no-human.yaml')], { BATON_DATA_DIR: join(dir, 'no-such-dir') });
    expect(missing.stderr).toMatch(/there is no database in/);
    expect(existsSync(join(dir, 'no-such-dir'))).toBe(false);
  }, 60_000);
});

// The acceptance bar of issue 6 on the shared eval set: raise the confidence threshold from its
// default (0.6) to 0.8 and see what changes. On single-message CLINC conversations the default
// policy clarifies once before it escalates for low confidence, so the raised threshold turns
// answers into clarifying questions (AI no longer answers) rather than into handoffs; with
// clarifyTimes 0 the same threshold turns them into handoffs. Both are checked.
describe.runIf(existsSync(join(SHARED, 'dev', 'clinc.jsonl')))('baton backtest on shared/eval/dev/clinc.jsonl', () => {
  const run = (policy: string, name: string) => {
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, policy);
    const json = join(dir, `${name}.json`);
    const r = baton(['backtest', '--policy', file, '--input', join(SHARED, 'dev', 'clinc.jsonl'), '--kb-root', join(SHARED, 'kb'), '--json', json, '--per-hour', '120', '--agents', '6', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    return { stdout: r.stdout, report: JSON.parse(readFileSync(json, 'utf8')) as Report };
  };

  it('threshold 0.8: more conversations not answered by the AI, each flip named with +low_confidence', () => {
    const { stdout, report } = run('confidence:\n  threshold: 0.8\n', 'clinc-08');
    expect(report.total).toBe(3100);
    expect(report.proposed.notAnswered).toBeGreaterThan(report.current.notAnswered + 100);
    expect(report.proposed.byAction.answer).toBeLessThan(report.current.byAction.answer);
    expect(report.proposed.handoffs).toBeGreaterThanOrEqual(report.current.handoffs);
    expect(report.flips.length).toBe(report.current.byAction.answer - report.proposed.byAction.answer);
    for (const f of report.flips) {
      expect(f.from).toBe('answer');
      expect(f.reasonsAdded).toContain('low_confidence');
      expect(f.confidence).toBeGreaterThanOrEqual(0.6);
      expect(f.confidence).toBeLessThanOrEqual(0.8); // rounded to 3 places: 0.7996 shows as 0.8
    }
    expect(stdout).toContain(`${report.flips.length} conversations flip`);
    expect(stdout).toContain(report.flips[0]!.id);
    expect(stdout).toMatch(/…and \d+ more \(every flip is in the --json output\)/);
  }, 60_000);

  it('threshold 0.8 without a clarifying question first: more escalations, named, and a higher SLA risk', () => {
    const { stdout, report } = run('confidence:\n  threshold: 0.8\n  clarifyTimes: 0\n', 'clinc-08-noclarify');
    expect(report.proposed.handoffs).toBeGreaterThan(report.current.handoffs * 3);
    expect(report.proposed.rate).toBeGreaterThan(report.current.rate);
    const added = report.flips.filter((f) => f.handoff === 'added');
    expect(added.length).toBe(report.proposed.handoffs - report.current.handoffs);
    expect(stdout).toMatch(/handoffs to a person\s+\d+\s+\d+\s+\+\d+/);
    expect(stdout).toContain(added[0]!.id);
    expect(report.slaRisk!.proposed.pooled.utilisation).toBeGreaterThan(report.slaRisk!.current.pooled.utilisation);
    expect(Object.values(report.delta.byQueue).some((d) => d > 0)).toBe(true);
  }, 60_000);
});

describe('baton help', () => {
  it('lists backtest and kb-gaps', () => {
    const r = baton(['help']);
    expect(r.stdout).toContain('baton backtest --policy NEW.yaml');
    expect(r.stdout).toContain('baton kb-gaps');
  });
});
