import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkResponses } from './check-responses.js';
import { jsonSerializerCompiler, zodValidatorCompiler } from './zod-schemas.js';

async function appSending(body: unknown, status = 200) {
  const app = Fastify();
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(jsonSerializerCompiler);
  checkResponses(app);
  const ZThing = z.object({ id: z.string(), tags: z.array(z.object({ name: z.string() })) });
  app.get('/thing', { schema: { response: { 200: ZThing } } }, async (_req, reply) => reply.code(status as 200).send(body));
  app.setErrorHandler((err, _req, reply) => reply.code(500).send({ error: { code: 'INTERNAL_ERR', message: (err as Error).message } }));
  return app;
}

describe('checkResponses (tests only)', () => {
  it('lets a response that matches its schema through untouched', async () => {
    const res = await (await appSending({ id: 'a', tags: [{ name: 'x' }] })).inject({ method: 'GET', url: '/thing' });
    expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 200, body: { id: 'a', tags: [{ name: 'x' }] } });
  });

  it('fails a response with a field its schema lacks, naming the field', async () => {
    const res = await (await appSending({ id: 'a', tags: [{ name: 'x', colour: 'red' }] })).inject({ method: 'GET', url: '/thing' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.message).toContain('the schema lacks $.tags[0].colour');
  });

  it('fails a response that breaks its schema, and a status the route does not declare', async () => {
    const wrong = await (await appSending({ id: 1, tags: [] })).inject({ method: 'GET', url: '/thing' });
    expect(wrong.statusCode).toBe(500);
    expect(wrong.json().error.message).toContain('id:');
    const undeclared = await (await appSending({ id: 'a', tags: [] }, 201)).inject({ method: 'GET', url: '/thing' });
    expect(undeclared.json().error.message).toContain('answered 201, which its schema does not declare');
  });
});
