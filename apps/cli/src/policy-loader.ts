import { readFileSync } from 'node:fs';
import type { Policy } from '@baton/core';
import { resolvePolicy } from '@baton/core';
import { ZPolicyInputSchema } from '@baton/contracts';
import { parse as parseYaml } from 'yaml';
import { CliError } from './errors.js';

/** Reads a policy file (YAML or JSON); without one, the defaults. */
export function loadPolicy(file?: string): Policy {
  if (!file) return resolvePolicy();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError('POLICY_ERR_NOT_FOUND', `${file}: no such policy file`);
  }
  let raw: unknown;
  try {
    raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new CliError('POLICY_ERR_SYNTAX', `${file}: not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(err as Error).message}`);
  }
  return parsePolicy(raw ?? {}, file);
}

/** Validates a policy object and fills the defaults; every bad key is named in one error. */
export function parsePolicy(raw: unknown, source: string): Policy {
  const parsed = ZPolicyInputSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const at = i.path.join('.') || '(top level)';
      const keys = i.code === 'unrecognized_keys' ? ` ${i.keys.map((k) => (at === '(top level)' ? k : `${at}.${k}`)).join(', ')}` : '';
      return `  ${i.code === 'unrecognized_keys' ? 'unknown key' + (i.keys.length > 1 ? 's' : '') + ':' + keys : `${at}: ${i.message}`}`;
    });
    throw new CliError('POLICY_ERR_INVALID', `${source}: invalid policy:\n${lines.join('\n')}`);
  }
  return resolvePolicy(parsed.data);
}
