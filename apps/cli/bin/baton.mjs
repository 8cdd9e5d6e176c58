#!/usr/bin/env node
// The `baton` command. The TypeScript is compiled by `npm ci` (the root `prepare` script).
import { main } from '../dist/main.js';
import { CliError } from '../dist/errors.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    if (err instanceof CliError) {
      process.stderr.write(`baton: ${err.message}\n`);
      process.exitCode = err.exitCode;
    } else {
      process.stderr.write(`baton: unexpected error, please report it:\n${err?.stack ?? err}\n`);
      process.exitCode = 70;
    }
  },
);
