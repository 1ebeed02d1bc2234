/**
 * Every error in the API's one documented shape, `{"error": {"code", "message", "details"?}}`,
 * the framework's own included (issue: a 20 KB cookie or a 70 KB header answered 431 in Fastify's
 * shape). Those Node's HTTP server answers before Fastify sees the request are tested over a real
 * socket.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '#shared/api/common.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { dialects } from './helpers/test-db.ts';
import { expectErrorShape, expectNoInternals, makeUser } from './helpers/world.ts';
import type { Client } from './helpers/app.ts';

/** Sends raw bytes and returns the status, headers (lower-cased) and body of the answer. */
function raw(port: number, data: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => s.end(data));
    const chunks: Buffer[] = [];
    s.on('data', (d: Buffer) => chunks.push(d));
    s.on('error', (e: NodeJS.ErrnoException) => {
      // The server closes the connection after answering; a reset after the answer is fine.
      if (e.code !== 'ECONNRESET' && e.code !== 'EPIPE') reject(e);
    });
    s.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
  });
}

function expectRawShape(res: { status: number; headers: Record<string, string>; body: string }, status: number, code: string) {
  expect(res.status, res.body).toBe(status);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(JSON.parse(res.body)).toEqual({ error: { code, message: expect.any(String) } });
  expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
  expectNoInternals(res.body);
}

describe.each(dialects())('the one error shape on %s', (dialect) => {
  let t: TestApp;
  let u: Client;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    u = await makeUser(t);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as net.AddressInfo).port;
  });
  afterAll(async () => t.close());

  it('431 for a 20 KB cookie and a 70 KB header, before Fastify sees the request', async () => {
    expectRawShape(
      await raw(port, `GET /api/v1/me HTTP/1.1\r\nHost: x\r\nCookie: a=${'x'.repeat(20_000)}\r\nConnection: close\r\n\r\n`),
      431,
      'headers_too_large',
    );
    expectRawShape(
      await raw(port, `GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Big: ${'x'.repeat(70_000)}\r\nConnection: close\r\n\r\n`),
      431,
      'headers_too_large',
    );
    // A request line too long for Node's parser is the same case.
    expectRawShape(
      await raw(port, `GET /api/v1/people?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
      431,
      'headers_too_large',
    );
  });

  it('400 for a request Node cannot parse (a malformed request line, an unknown method)', async () => {
    expectRawShape(await raw(port, 'GARBAGE\r\n\r\n'), 400, 'bad_request');
    expectRawShape(await raw(port, 'FOO /api/v1/people HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), 400, 'bad_request');
  });

  it('404 for an unknown route', async () => {
    expectErrorShape(await u.req({ method: 'GET', url: '/api/v1/nothing-here' }), 404, 'not_found');
    expectErrorShape(await u.req({ method: 'POST', url: '/api/v1/nothing/here', payload: {} }), 404, 'not_found');
  });

  it('405 with Allow for a route that exists with other methods', async () => {
    const put = await u.req({ method: 'PUT', url: '/api/v1/people', payload: {} });
    expectErrorShape(put, 405, 'method_not_allowed');
    expect(put.headers.allow).toBe('GET, HEAD, POST');
    const del = await u.req({ method: 'DELETE', url: '/api/v1/auth/state' });
    expectErrorShape(del, 405, 'method_not_allowed');
    expect(del.headers.allow).toBe('GET, HEAD');
    const put2 = await u.req({ method: 'PUT', url: `/api/v1/people/${u.selfPersonId}`, payload: {} });
    expectErrorShape(put2, 405, 'method_not_allowed');
    expect(put2.headers.allow).toBe('DELETE, GET, HEAD, PATCH');
  });

  it('413 for a body over the limit', async () => {
    const res = await u.req({
      method: 'POST',
      url: '/api/v1/people',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x', notes: 'x'.repeat(t.deps.config.bodyLimitBytes) }),
    });
    expectErrorShape(res, 413, 'payload_too_large');
  });

  it('414 for a path parameter too long for the router', async () => {
    expectErrorShape(await u.req({ method: 'GET', url: `/api/v1/people/${'a'.repeat(5_000)}` }), 414, 'uri_too_long');
  });

  it('415 for a body that is not JSON', async () => {
    const res = await u.req({
      method: 'POST',
      url: '/api/v1/people',
      headers: { 'content-type': 'application/xml' },
      payload: '<person/>',
    });
    expectErrorShape(res, 415, 'unsupported_media_type');
  });

  it('400 for bad JSON', async () => {
    const res = await u.req({
      method: 'POST',
      url: '/api/v1/people',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expectErrorShape(res, 400, 'bad_request');
  });

  it('lists every stable code in the OpenAPI document', () => {
    const doc = t.app.swagger() as unknown as {
      components: { schemas: Record<string, { properties: { error: { properties: { code: { enum: string[] } } } } }> };
    };
    expect(doc.components.schemas.Error?.properties.error.properties.code.enum).toEqual(Object.keys(ERROR_CODES));
  });
});

describe.each(dialects())('the rate limit on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, {}, { RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(async () => t.close());

  it('429 in the same shape, with Retry-After', async () => {
    const statuses: number[] = [];
    let last = await t.app.inject({ method: 'GET', url: '/api/v1/auth/state' });
    statuses.push(last.statusCode);
    while (last.statusCode !== 429 && statuses.length < 10) {
      last = await t.app.inject({ method: 'GET', url: '/api/v1/auth/state' });
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expectErrorShape(last, 429, 'rate_limited');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });
});
