// Lint enforces the layer direction of STYLE.md: core imports nothing with I/O and no other
// workspace package; contracts imports only zod; apps talk to each other only through contracts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'util', 'stream', 'events', 'worker_threads', 'timers', 'process'];

const SERVER_OUTSIDE_ADAPTERS = ['apps/server/src/{app,http,ws,jobs,listeners,demo}/**/*.ts', 'apps/server/src/*.ts'];
const NO_SQL = 'No SQL outside the repositories: add or use a function in adapters/db/repositories.';
const NO_SQL_IMPORTS = {
  paths: ['kysely', 'pg', 'pg-boss', '@electric-sql/pglite'].map((name) => ({ name, message: NO_SQL })),
  patterns: [
    { group: ['kysely/*', '@electric-sql/pglite/*'], message: NO_SQL },
    { regex: '^@baton/(?!core$|contracts$|encoder$)', message: 'the server uses core, contracts and the encoder (wired in main.ts) only.' },
  ],
};
const NO_SQL_SYNTAX = [
  { selector: 'ExportAllDeclaration[source.value!=/^\\.\\//]', message: 'Re-export only from the package root barrel.' },
  { selector: 'CallExpression[callee.property.name=/^(query|executeSql|executeQuery)$/]', message: NO_SQL },
  { selector: 'CallExpression[callee.property.name=/^(selectFrom|selectNoFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto)$/]', message: NO_SQL },
  { selector: "TaggedTemplateExpression[tag.name='sql'], MemberExpression[object.name='sql']", message: NO_SQL },
];
// Every time the server stores or compares with a stored one comes from the app's clock
// (AppContext.clock), which tests set: never the database's now(), never the machine's.
const APP_CLOCK = "Take the time from the app's clock (ctx.clock(), or a Date parameter): a test runs the server on a clock of its own. For a duration the process measures, use performance.now().";
const NO_WALL_CLOCK = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: APP_CLOCK },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: APP_CLOCK },
];
const NO_DATABASE_CLOCK = [
  { selector: 'TemplateElement[value.raw=/\\b(now|clock_timestamp|statement_timestamp|transaction_timestamp)\\(|\\b(current_timestamp|localtimestamp)\\b/i]', message: "The database's clock is not the app's: pass the time in as a parameter (AppContext.clock)." },
];
const LIFECYCLE = 'apps/server/src/app/conversation-lifecycle.ts';
const NOT_THE_LIFECYCLE = 'Only app/conversation-lifecycle.ts changes a conversation\'s or a handoff\'s status: call it.';
const LIFECYCLE_IMPORTS = [
  { group: ['**/repositories/conversations.repository.js'], importNames: ['setConversationStatus'], message: NOT_THE_LIFECYCLE },
  { group: ['**/repositories/handoffs.repository.js'], importNames: ['setHandoffStatus', 'insertHandoff', 'claimHandoff'], message: NOT_THE_LIFECYCLE },
];
const LIFECYCLE_SYNTAX = [
  { selector: "Property[key.name='type'][value.value='conversation.status_changed']", message: NOT_THE_LIFECYCLE },
  { selector: "CallExpression[callee.name='transition']", message: NOT_THE_LIFECYCLE },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'data/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', performance: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportAllDeclaration[source.value!=/^\\.\\//]', message: 'Re-export only from the package root barrel.' }],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: 'core is pure: pass data in instead of doing I/O.' })),
          patterns: [
            { group: ['node:*'], message: 'core is pure: no node:* imports.' },
            { group: ['@baton/*'], message: 'core imports no other workspace package.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'core reads no environment: config is an argument.' },
        { name: 'setTimeout', message: 'core has no timers: deadlines are data.' },
        { name: 'setInterval', message: 'core has no timers: deadlines are data.' },
        { name: 'fetch', message: 'core does no I/O.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'core takes the time as an argument.' },
        { object: 'Math', property: 'random', message: 'core is deterministic: take ids or a seed as arguments.' },
        { object: 'performance', property: 'now', message: 'core takes the time as an argument.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'core takes the time as an argument.' },
        { selector: 'ExportAllDeclaration[source.value!=/^\\.\\//]', message: 'Re-export only from the package root barrel.' },
      ],
    },
  },
  {
    files: ['packages/contracts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!zod$|\\.{1,2}/)', message: 'contracts imports only zod.' }] }],
    },
  },
  {
    // The encoder implements core's port: it may see core (for the port's types), nothing above it.
    files: ['packages/encoder/src/**/*.ts', 'packages/encoder/src/**/*.js'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^@baton/(?!core$)', message: 'the encoder depends on core only.' }, { regex: '^\\.\\./\\.\\./', message: 'import other packages by name, not by path.' }] }],
    },
  },
  {
    files: ['apps/cli/src/**/*.ts'],
    rules: {
      // The CLI runs the server (`serve`) and its admin commands on the configured database, so it may
      // import @baton/server; the web apps may not.
      'no-restricted-imports': ['error', { patterns: [{ regex: '^@baton/(?!core$|contracts$|server$|encoder$)', message: 'the CLI uses core, contracts, the encoder and the server package only.' }, { regex: '^\\.\\./\\.\\./', message: 'import other packages by name, not by path.' }] }],
    },
  },
  {
    // The CLI's tests may also use the server's test doubles (local servers speaking an LLM provider's protocol).
    files: ['apps/cli/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^@baton/(?!core$|contracts$|server(/testing)?$|encoder$)', message: 'the CLI uses core, contracts, the encoder and the server package only.' }, { regex: '^\\.\\./\\.\\./', message: 'import other packages by name, not by path.' }] }],
    },
  },
  {
    files: ['apps/workspace/src/**/*.{ts,tsx}', 'apps/widget/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^@baton/(?!client$|contracts(/event-names|/errors)?$)', message: 'the web apps talk to the server through the client and share only the contracts (its zod-free entries /event-names and /errors included).' }] }],
    },
  },
  {
    // The typed client runs in browsers: the contracts' types and the web platform, nothing of Node.
    files: ['packages/client/src/**/*.ts'],
    ignores: ['packages/client/src/**/*.test.ts', 'packages/client/src/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!@baton/contracts$|\\./)', message: 'the client is browser-safe: it imports the contracts (types) and its own files only.' }] }],
    },
  },
  {
    files: ['apps/server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^@baton/(?!core$|contracts$|encoder$)', message: 'the server uses core, contracts and the encoder only.' }] }],
    },
  },
  {
    files: ['apps/server/src/adapters/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./\\.\\./(\\.\\./)?(app|http|ws|jobs)/', message: 'adapters never import use cases or the transport.' }, { regex: '^@baton/(?!core$|contracts$|encoder$)', message: 'the server uses core, contracts and the encoder only.' }] },
      ],
    },
  },
  {
    // Only repositories touch SQL (STYLE.md, after immich): use cases, the transport, jobs and
    // listeners call repository functions in adapters/db/repositories and never see the query
    // builder, a driver or a statement. `db.transaction()` is allowed: use cases own transactions.
    // And one module owns the lifecycle (chatwoot's Conversation#bot_handoff!): only
    // app/conversation-lifecycle.ts writes a conversation's or a handoff's status and announces it.
    files: SERVER_OUTSIDE_ADAPTERS,
    ignores: ['**/*.test.ts', LIFECYCLE],
    rules: {
      'no-restricted-imports': ['error', { paths: NO_SQL_IMPORTS.paths, patterns: [...NO_SQL_IMPORTS.patterns, ...LIFECYCLE_IMPORTS] }],
      'no-restricted-syntax': ['error', ...NO_SQL_SYNTAX, ...LIFECYCLE_SYNTAX, ...NO_WALL_CLOCK],
    },
  },
  {
    files: [LIFECYCLE],
    rules: { 'no-restricted-imports': ['error', NO_SQL_IMPORTS], 'no-restricted-syntax': ['error', ...NO_SQL_SYNTAX, ...NO_WALL_CLOCK] },
  },
  {
    files: ['apps/server/src/adapters/db/repositories/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', { selector: 'ExportAllDeclaration[source.value!=/^\\.\\//]', message: 'Re-export only from the package root barrel.' }, ...NO_DATABASE_CLOCK] },
  },
  {
    files: ['**/*.test.ts', 'bench/**', '**/*.mjs', '**/*.js'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'no-restricted-properties': 'off', 'no-restricted-syntax': 'off' },
  },
);
