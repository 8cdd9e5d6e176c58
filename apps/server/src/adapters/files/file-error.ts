/** A KB folder or policy file that cannot be used: a stable code and a message naming the file and field. */
export class FileError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'FileError';
  }
}
