import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The admin's account commands, run as a user would, on a PGlite database of their own.
const BIN = fileURLToPath(new URL('../bin/baton.mjs', import.meta.url));
let env: NodeJS.ProcessEnv;

function baton(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  const { DATABASE_URL: _pg, REDIS_URL: _redis, ...rest } = process.env;
  env = { ...rest, BATON_DATA_DIR: mkdtempSync(join(tmpdir(), 'baton-cli-agents-')), BATON_PASSWORD_COST: '14', BATON_LOG_LEVEL: 'error' };
});

describe('baton agent disable|enable|role|password', () => {
  it('creates agents only with a password the policy accepts, naming the rule', () => {
    const short = baton('agent', 'add', '--email', 'ana@northwind.example', '--name', 'Ana Lima', '--password', 'short-pw');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 12 characters.*\(password\)/);
    const common = baton('agent', 'add', '--email', 'ana@northwind.example', '--name', 'Ana Lima', '--password', 'password1234');
    expect(common.stderr).toMatch(/common passwords/);
    expect(baton('agent', 'add', '--email', 'ana@northwind.example', '--name', 'Ana Lima', '--password', 'copper-lantern-meadow-3').code).toBe(0);
  }, 240_000);

  it('re-roles, disables, enables and resets, each ending the sessions', () => {
    expect(baton('agent', 'role', '--email', 'ana@northwind.example', '--role', 'supervisor').stdout).toBe('Ana Lima <ana@northwind.example>: supervisor, active; their sessions ended\n');
    expect(baton('agent', 'disable', '--email', 'ana@northwind.example').stdout).toBe('Ana Lima <ana@northwind.example>: supervisor, disabled; their sessions ended\n');
    expect(baton('agent', 'enable', '--email', 'ana@northwind.example').stdout).toContain('supervisor, active');
    const weak = baton('agent', 'password', '--email', 'ana@northwind.example', '--password', 'ana-lima-2024-pw');
    expect({ code: weak.code, stderr: weak.stderr }).toEqual({ code: 1, stderr: expect.stringMatching(/must not contain the agent's email or name/) });
    expect(baton('agent', 'password', '--email', 'ana@northwind.example', '--password', 'violet-harbour-kettle-42').stdout).toContain('password reset');
  }, 240_000);

  it('says which argument is wrong or which agent is missing', () => {
    expect(baton('agent', 'role', '--email', 'ana@northwind.example', '--role', 'owner')).toMatchObject({ code: 2, stderr: 'baton: --role must be agent, supervisor or admin\n' });
    expect(baton('agent', 'disable', '--email', 'nobody@northwind.example')).toMatchObject({ code: 1, stderr: 'baton: no agent with email nobody@northwind.example\n' });
    expect(baton('agent', 'disable')).toMatchObject({ code: 2, stderr: 'baton: agent disable needs --email\n' });
  }, 240_000);
});
