import { readFileSync } from 'node:fs';
import type { Policy, PolicyInput } from '@baton/core';
import { resolvePolicy } from '@baton/core';
import { ZPolicyInputSchema } from '@baton/contracts';
import { parse as parseYaml } from 'yaml';
import { FileError } from './file-error.js';

/** Reads a policy file (YAML or JSON); without one, the defaults. */
export function loadPolicy(file?: string): Policy {
  return resolvePolicy(loadPolicyInput(file));
}

/** The policy file as written (validated), before the defaults are filled in: what the server stores as a version. */
export function loadPolicyInput(file?: string): PolicyInput {
  if (!file) return {};
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new FileError('POLICY_ERR_NOT_FOUND', `${file}: no such policy file`);
  }
  let raw: unknown;
  try {
    raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new FileError('POLICY_ERR_SYNTAX', `${file}: not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(err as Error).message}`);
  }
  return parsePolicyInput(raw ?? {}, file);
}

/** Validates a policy object; every bad key is named in one error. */
export function parsePolicyInput(raw: unknown, source: string): PolicyInput {
  const parsed = ZPolicyInputSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const at = i.path.join('.') || '(top level)';
      const keys = i.code === 'unrecognized_keys' ? ` ${i.keys.map((k) => (at === '(top level)' ? k : `${at}.${k}`)).join(', ')}` : '';
      return `  ${i.code === 'unrecognized_keys' ? 'unknown key' + (i.keys.length > 1 ? 's' : '') + ':' + keys : `${at}: ${i.message}`}`;
    });
    throw new FileError('POLICY_ERR_INVALID', `${source}: invalid policy:\n${lines.join('\n')}`);
  }
  return parsed.data as PolicyInput;
}
