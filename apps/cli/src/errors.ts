/**
 * An error the CLI reports to a person: a stable code, and a message that names the file, the
 * line or key at fault, and what to do. Anything else that escapes is a bug and prints a stack.
 */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
