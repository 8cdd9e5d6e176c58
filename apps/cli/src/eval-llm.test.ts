import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeProvider } from '@baton/server/testing';
import { startFakeProvider, supportBrain } from '@baton/server/testing';

// `baton eval` with the same BATON_LLM_* settings as the server, against a local server speaking
// OpenAI's protocol. The command runs as a child process, so the provider in this process can answer it.
const BIN = fileURLToPath(new URL('../bin/baton.mjs', import.meta.url));
const DEMO_KB = fileURLToPath(new URL('../../../demo/kb', import.meta.url));

function baton(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('baton eval and baton backtest with BATON_LLM_*', () => {
  let provider: FakeProvider;
  let file: string;
  beforeAll(async () => {
    provider = await startFakeProvider('openai', supportBrain);
    file = join(mkdtempSync(join(tmpdir(), 'baton-eval-llm-')), 'items.jsonl');
    const item = (id: string, text: string, expect: Record<string, unknown>) => JSON.stringify({ id, messages: [{ role: 'customer', text }], expect });
    writeFileSync(file, [item('kb', 'how long does delivery take', { action: 'answer', articleId: 'delivery-times-costs' }), item('nl', 'Ik wil graag met een medewerker spreken', { action: 'escalate', reasons: ['customer_request'] })].join('\n') + '\n');
  });
  afterAll(async () => {
    await provider?.close();
  });

  it('weighs the model in on each decision, as the server does, and reports its calls', { timeout: 120_000 }, async () => {
    const env = { BATON_LLM: 'openai', BATON_LLM_API_KEY: 'sk-test-key', BATON_LLM_BASE_URL: provider.baseUrl, BATON_LLM_TIMEOUT_MS: '5000' };
    const decisions = join(file, '..', 'decisions.jsonl');
    const r = await baton(['eval', '--lexical', '--quiet', '--kb', DEMO_KB, '--decisions', decisions, file], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Language model openai gpt-4o-mini: 2 calls, 0 failed/);
    expect(provider.requests).toHaveLength(2);
    const out = readFileSync(decisions, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; action: string; reasons: string[] });
    // The rules alone do not read Dutch; the model's flag, quoted from the message, escalates it.
    const nl = out.find((d) => d.id === 'nl')!;
    expect(nl.action).toBe('escalate');
    expect(nl.reasons[0]).toBe('customer_request');
    expect(out.find((d) => d.id === 'kb')).toMatchObject({ action: 'answer', articleId: 'delivery-times-costs' });

    // The backtest takes the same settings: with the request for a person switched off, the Dutch request no longer escalates.
    const policy = join(file, '..', 'no-human.yaml');
    writeFileSync(policy, 'customerRequest:\n  enabled: false\n');
    const before = provider.requests.length;
    const json = join(file, '..', 'backtest.json');
    const bt = await baton(['backtest', '--policy', policy, '--kb', DEMO_KB, '--input', file, '--json', json, '--quiet'], env);
    expect(bt.code, bt.stderr).toBe(0);
    expect(bt.stdout).toMatch(/Language model openai gpt-4o-mini: 4 calls, 0 failed/);
    const flips = (JSON.parse(readFileSync(json, 'utf8')) as { flips: { id: string; from: string; handoff: string }[] }).flips;
    expect(flips.map((f) => [f.id, f.from, f.handoff])).toEqual([['nl', 'escalate', 'removed']]);
    expect(provider.requests.length - before).toBe(4);

    const bad = await baton(['eval', '--lexical', '--quiet', '--kb', DEMO_KB, file], { ...env, BATON_LLM: 'gemini' });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/BATON_LLM="gemini"/);
  });
});
