// npm run openapi: regenerates docs/openapi.json from the zod contracts (a test fails when it is stale).
import { writeFileSync } from 'node:fs';
import { openApiDocument } from '../apps/server/dist/http/openapi.js';

writeFileSync(new URL('../docs/openapi.json', import.meta.url), JSON.stringify(openApiDocument(), null, 2) + '\n');
console.log('wrote docs/openapi.json');
