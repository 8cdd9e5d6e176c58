import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, migrate, openDatabase } from '@baton/server';
import { describe, expect, it } from 'vitest';

// The real command, compiled, on a PGlite data folder holding one dead letter and one replayed.
const BIN = fileURLToPath(new URL('../bin/baton.mjs', import.meta.url));

describe('baton dead-letters', () => {
  it('lists dead letters (dead by default, all with --status all), control characters made harmless', { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baton-dead-'));
    const db = await openDatabase(loadConfig({ BATON_DATA_DIR: dataDir }));
    try {
      await migrate(db, () => {}, { clock: () => new Date('2026-03-02T10:05:00Z') });
      const row = { listener: 'notifications', eventType: 'handoff.requested', attempts: 5, nextAttemptAt: null, failedAt: new Date('2026-03-02T10:00:00Z'), replayedAt: null };
      await db.insertInto('deadLetters').values([
        { ...row, id: 'dl-1', eventSeq: 812, status: 'dead', lastError: 'violates check constraint\u001b[31m "poison"', deadAt: new Date('2026-03-02T10:01:00Z') },
        { ...row, id: 'dl-2', eventSeq: 640, status: 'replayed', lastError: 'receiver down', deadAt: new Date('2026-03-01T09:00:00Z') },
      ]).execute();
    } finally {
      await db.close();
    }
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'dead-letters', ...args], { encoding: 'utf8', env: { ...process.env, BATON_DATA_DIR: dataDir, DATABASE_URL: '' } });

    const dead = run();
    expect(dead.status, dead.stderr).toBe(0);
    expect(dead.stdout).toContain('dl-1');
    expect(dead.stdout).toContain('event 812 handoff.requested  5 tries  2026-03-02T10:01:00.000Z');
    expect(dead.stdout).not.toContain('\u001b');
    expect(dead.stdout).not.toContain('dl-2');
    expect(run('--status', 'all').stdout).toContain('dl-2');
    expect(run('--status', 'retrying').stdout).toBe('no retrying dead letters\n');
    const bad = run('--status', 'buried');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--status must be dead, retrying, replayed or all');
  });
});
