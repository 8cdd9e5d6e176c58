import type { KbArticle, Policy } from '@baton/core';
import { FileError, loadKb as loadKbFolder, loadPolicy as loadPolicyFile } from '@baton/server';
import { CliError } from './errors.js';

function asCliError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof FileError) throw new CliError(err.code, err.message);
    throw err;
  }
}

/** A KB folder, every bad article reported with its file and field. */
export const loadKb = (dir: string): KbArticle[] => asCliError(() => loadKbFolder(dir));

/** A policy file (YAML or JSON), every bad key named; without one, the defaults. */
export const loadPolicy = (file?: string): Policy => asCliError(() => loadPolicyFile(file));
