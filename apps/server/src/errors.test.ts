import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERRORS } from '@baton/contracts';
import { IllegalTransitionError } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { FileError } from './adapters/files/file-error.js';
import { DomainError, mapError } from './errors.js';
import type { ErrorCode } from './errors.js';

const SRC = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Every code the server's own source can send: thrown as a DomainError, or written into an error body by hand. */
function codesInSource(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [/new DomainError\(\s*'([A-Z_]+)'/g, /new FileError\(\s*'([A-Z_]+)'/g, /notifyError\(\s*'([A-Z_]+)'/g, /error: \{ code: '([A-Z_]+)'/g];
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const re of patterns) for (const m of text.matchAll(re)) found.set(m[1]!, file.slice(SRC.length));
  }
  return found;
}

describe('the error catalogue', () => {
  it('has every code the server can send', () => {
    const codes = codesInSource();
    // The walk must find something, or a change of style would make this test pass on nothing.
    expect(codes.size).toBeGreaterThan(20);
    const missing = [...codes].filter(([code]) => !(code in ERRORS)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('gives each code an HTTP error status, a WebSocket close code from the 4000 range or 1011, and a sentence', () => {
    for (const [code, info] of Object.entries(ERRORS)) {
      expect(info.status, code).toBeGreaterThanOrEqual(400);
      expect(info.status, code).toBeLessThan(600);
      expect(info.wsClose === 1011 || info.wsClose === 4000 + info.status, code).toBe(true);
      expect(info.message.length, code).toBeGreaterThan(3);
      expect(code).toMatch(/^[A-Z]+_ERR(_[A-Z_]+)?$/);
    }
  });
});

describe('mapError', () => {
  it.each([
    ['HANDOFF_ERR_ALREADY_ACCEPTED', 409, 4409],
    ['AUTH_ERR_INVALID_TOKEN', 401, 4401],
    ['VALIDATION_ERR_BODY', 400, 4400],
    ['RATE_ERR_LIMITED', 429, 4429],
    ['ROUTE_ERR_NOT_FOUND', 404, 4404],
  ] as const)('maps %s by its code to %i and close %i, keeping the message and field', (code, status, wsClose) => {
    const m = mapError(new DomainError(code, 'the details', 'f'));
    expect(m).toEqual({ status, wsClose, code, body: { error: { code, message: 'the details', field: 'f' } }, expected: true });
  });

  it('maps a code missing from the catalogue to a 500 with a generic message', () => {
    const m = mapError(new DomainError('NOPE_ERR_UNKNOWN' as ErrorCode, 'secret details'));
    expect(m.status).toBe(500);
    expect(m.wsClose).toBe(1011);
    expect(m.expected).toBe(false);
    expect(m.body.error.code).toBe('INTERNAL_ERR');
    expect(JSON.stringify(m.body)).not.toContain('secret details');
  });

  it('maps an unknown error to a 500 that reveals nothing', () => {
    const m = mapError(new Error('db password is hunter2'));
    expect(m).toMatchObject({ status: 500, wsClose: 1011, code: 'INTERNAL_ERR', expected: false });
    expect(JSON.stringify(m.body)).not.toContain('hunter2');
  });

  it('maps an illegal lifecycle transition from core to CONVERSATION_ERR_ILLEGAL_TRANSITION', () => {
    const m = mapError(new IllegalTransitionError('resolved', 'accepted', []));
    expect(m.status).toBe(409);
    expect(m.body.error.code).toBe('CONVERSATION_ERR_ILLEGAL_TRANSITION');
  });

  it("maps fastify's body errors: bad JSON to 400 VALIDATION_ERR_BODY and a body over the limit to 413 VALIDATION_ERR_TOO_LARGE", () => {
    const bad = mapError(Object.assign(new Error('Unexpected token in JSON'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }));
    expect(bad).toMatchObject({ status: 400, code: 'VALIDATION_ERR_BODY' });
    expect(bad.body.error.message).toMatch(/^the body must be JSON/);
    const big = mapError(Object.assign(new Error('Request body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' }));
    expect(big).toMatchObject({ status: 413, code: 'VALIDATION_ERR_TOO_LARGE', body: { error: { code: 'VALIDATION_ERR_TOO_LARGE', message: 'the body is too large' } } });
    const url = mapError(Object.assign(new Error("'/%E0%A4%A' is not a valid url component"), { statusCode: 400, code: 'FST_ERR_BAD_URL' }));
    expect(url).toMatchObject({ status: 400, code: 'VALIDATION_ERR_URL' });
  });

  it.each([
    ['KB_ERR_FORMAT', 400],
    ['KB_ERR_NOT_FOUND', 409],
    ['KB_ERR_EMPTY', 409],
  ] as const)('maps a FileError by its code through the catalogue: %s to %i, the message naming the file kept', (code, status) => {
    const m = mapError(new FileError(code, 'kb/refunds.md: questions is missing'));
    expect(m).toEqual({ status, wsClose: 4000 + status, code, body: { error: { code, message: 'kb/refunds.md: questions is missing' } }, expected: true });
  });

  it('gives a DomainError the user-facing sentence of its code', () => {
    expect(new DomainError('CSAT_ERR_ALREADY_GIVEN', 'x').userMessage).toBe(ERRORS.CSAT_ERR_ALREADY_GIVEN.message);
  });
});
