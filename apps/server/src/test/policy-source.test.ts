import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { policySourceLine } from '../app/policy-settings.js';
import { api } from './api.js';
import { startTestServer } from './test-server.js';

describe('which policy is in force', () => {
  it.each([
    [0, null, 'info', 'policy: the defaults (no BATON_POLICY, none saved)'],
    [0, 'strict.yaml', 'info', 'policy: from BATON_POLICY (strict.yaml)'],
    [2, null, 'info', 'policy: version 2, saved in the workspace'],
    [2, 'strict.yaml', 'warn', 'policy: version 2, saved in the workspace, is in force; BATON_POLICY (strict.yaml) is ignored while a saved version exists (docs/policy.md)'],
  ] as const)('version %s with BATON_POLICY %s: %s "%s"', (version, file, level, message) => {
    expect(policySourceLine(version, file)).toEqual({ level, message });
  });

  const dir = mkdtempSync(join(tmpdir(), 'baton-policy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says so at start and on the policy page, and a saved version takes over from the file', { timeout: 90_000 }, async () => {
    const file = join(dir, 'strict.yaml');
    writeFileSync(file, 'confidence:\n  threshold: 0.8\n');
    const lines: string[] = [];
    const s = await startTestServer('pglite', { workers: false, env: { BATON_POLICY: file, BATON_LOG_LEVEL: 'info' }, onLog: (_level, message) => lines.push(message) });
    try {
      expect(lines).toContain(`policy: from BATON_POLICY (${file})`);
      const http = api(s);
      const admin = await s.login('casey');
      const before = (await http.get('/api/v1/policy', admin)).body;
      expect(before.source).toEqual({ kind: 'file', file });
      expect((await http.put('/api/v1/policy', admin, { version: 0, policy: { confidence: { threshold: 0.7 } } })).status).toBe(200);
      expect((await http.get('/api/v1/policy', admin)).body.source).toEqual({ kind: 'saved', file });
    } finally {
      await s.close();
    }
  });
});
