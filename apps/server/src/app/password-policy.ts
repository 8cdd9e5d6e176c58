import commonPasswords from 'fxa-common-password-list';
import { DomainError } from '../errors.js';

export const MIN_PASSWORD_LENGTH = 12;

/**
 * The password policy for agents: at least 12 characters, not one of the passwords most often
 * found in breaches (Mozilla's list, `fxa-common-password-list`), and not the account's own
 * email or name. Throws `AUTH_ERR_WEAK_PASSWORD` naming the field and the rule broken.
 */
export function checkPasswordPolicy(password: string, account: { email: string; name?: string }, field = 'password'): void {
  const chars = [...password.normalize('NFKC')].length;
  if (chars < MIN_PASSWORD_LENGTH) throw new DomainError('AUTH_ERR_WEAK_PASSWORD', `the password must have at least ${MIN_PASSWORD_LENGTH} characters (it has ${chars})`, field);
  const lower = password.toLowerCase();
  if (commonPasswords.test(password) || commonPasswords.test(lower)) throw new DomainError('AUTH_ERR_WEAK_PASSWORD', 'this password is on the list of common passwords found in breaches; choose another', field);
  // Compared on letters and digits alone, so "ana-lima-2024" counts as containing "Ana Lima".
  const bare = (v: string) => v.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const plain = bare(password);
  const local = bare(account.email.split('@')[0]!);
  const name = bare(account.name ?? '');
  if ((local.length >= 4 && plain.includes(local)) || (name.length >= 4 && plain.includes(name))) {
    throw new DomainError('AUTH_ERR_WEAK_PASSWORD', "the password must not contain the agent's email or name", field);
  }
}
