/**
 * Response headers, health and the API description (reliability plan 1b, section N: HD-01 … HD-03,
 * and XS-05 / XS-06).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { dialects } from './helpers/test-db.ts';
import { fillParams, makeUser, randomId } from './helpers/world.ts';
import type { Client } from './helpers/app.ts';

function csp(res: LightMyRequestResponse): Map<string, string[]> {
  const header = res.headers['content-security-policy'];
  expect(header, `no CSP on ${res.statusCode} ${res.headers['content-type']}`).toEqual(expect.any(String));
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [String(name).toLowerCase(), values]),
  );
}

/** The headers every response of Rete must carry, HTML and JSON alike. */
function expectSecurityHeaders(res: LightMyRequestResponse, what: string): void {
  const policy = csp(res);
  expect(policy.get('default-src'), `${what}: default-src`).toEqual(["'self'"]);
  expect(policy.get('script-src'), `${what}: script-src`).toEqual(["'self'"]);
  expect(policy.get('object-src'), `${what}: object-src`).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors'), `${what}: frame-ancestors`).toEqual(["'none'"]);
  expect(policy.get('base-uri'), `${what}: base-uri`).toEqual(["'none'"]);
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['referrer-policy'], what).toBe('no-referrer');
  expect(res.headers['cross-origin-opener-policy'], what).toBe('same-origin');
  expect(res.headers['x-powered-by'], what).toBeUndefined();
}

describe.each(dialects())('headers on %s', (dialect) => {
  let t: TestApp;
  let u: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    u = await makeUser(t);
  });
  afterAll(async () => t.close());

  it('puts CSP, nosniff and no-referrer on API answers, errors included (HD-01, XS-06)', async () => {
    const requests: Array<[string, () => Promise<LightMyRequestResponse>]> = [
      ['an authenticated read', () => u.req({ method: 'GET', url: '/api/v1/me' })],
      ['a write', () => u.req({ method: 'POST', url: '/api/v1/people', payload: { name: 'Header Test' } })],
      ['a 404', () => u.req({ method: 'GET', url: `/api/v1/people/${randomId()}` })],
      ['a 401', () => t.app.inject({ method: 'GET', url: '/api/v1/people' })],
      [
        'a 400',
        () => u.req({ method: 'POST', url: '/api/v1/people', payload: '{bad', headers: { 'content-type': 'application/json' } }),
      ],
      ['an unknown API path', () => t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' })],
      ['health', () => t.app.inject({ method: 'GET', url: '/healthz' })],
      ['the OpenAPI document', () => t.app.inject({ method: 'GET', url: '/api/openapi.json' })],
    ];
    for (const [what, call] of requests) {
      const res = await call();
      expectSecurityHeaders(res, what);
      expect(res.headers['content-type'], what).toBe('application/json; charset=utf-8');
    }
  });

  it('puts the same policy on every HTML page: the API docs and, when built, the web app (XS-05)', async () => {
    const pages: string[] = ['/api/docs'];
    if (fs.existsSync(path.resolve('dist/web/index.html'))) pages.push('/', '/people/some-client-side-route');
    for (const url of pages) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expectSecurityHeaders(res, url);
      expect(res.body, `${url} has no inline script`).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    }
  });

  it('marks every authenticated API answer Cache-Control: no-store (HD-02)', async () => {
    const reads = t.routes.filter((r) => r.method === 'GET' && r.access !== 'public');
    expect(reads.length).toBeGreaterThan(5);
    for (const r of reads) {
      for (const id of [u.selfPersonId, randomId()]) {
        const res = await u.req({ method: 'GET', url: fillParams(r.url, id) });
        expect(res.headers['cache-control'], `${r.url} (${res.statusCode})`).toBe('no-store');
      }
    }
    const write = await u.req({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'no-store check' } });
    expect(write.statusCode).toBe(201);
    expect(write.headers['cache-control']).toBe('no-store');
  });

  it('reports health: database reachable and migrations current', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: dialect, migrations: { current: true, pending: [] } });
    expect(res.headers['cache-control'] ?? '').not.toMatch(/public|max-age=[1-9]/);
  });

  it('serves an OpenAPI 3.1 document that describes every /api/v1 route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = JSON.parse(res.body) as {
      openapi: string;
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    const api = t.routes.filter((r) => r.url.startsWith('/api/v1/'));
    expect(api.length).toBeGreaterThan(20);
    const missing = api.filter((r) => !doc.paths[r.url.replace(/:([A-Za-z_]+)/g, '{$1}')]?.[r.method.toLowerCase()]);
    expect(
      missing.map((r) => `${r.method} ${r.url}`),
      'routes missing from /api/openapi.json',
    ).toEqual([]);
    // Every guarded route documents its 401.
    for (const r of api.filter((x) => x.access !== 'public')) {
      const op = doc.paths[r.url.replace(/:([A-Za-z_]+)/g, '{$1}')]?.[r.method.toLowerCase()];
      expect(Object.keys(op?.responses ?? {}), `${r.method} ${r.url}`).toContain('401');
    }
  });

  it('answers unknown API methods and paths with a JSON 404, and never serves files from outside the web app', async () => {
    for (const opts of [
      { method: 'PUT', url: '/api/v1/people' },
      { method: 'TRACE', url: '/api/v1/people' },
      { method: 'GET', url: '/api/nothing' },
    ] as InjectOptions[]) {
      const res = await t.app.inject(opts);
      expect([404, 405], `${opts.method} ${opts.url}`).toContain(res.statusCode);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    }
    // Outside /api/ the web app's page may answer (client-side routes), but never a real file.
    for (const url of [
      '/api/v1/../../etc/passwd',
      '/.git/config',
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2f..%2fetc%2fpasswd',
      '/.env',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect([200, 400, 403, 404], url).toContain(res.statusCode);
      if (res.statusCode === 200) expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).not.toMatch(/\[core\]|root:x:|"dependencies"|DATABASE_URL/);
    }
  });
});

// Its own apps, one after the other: two live PostgreSQL test schemas at once trip Kysely's migrator
// (see the report in test/migrations.test.ts).
describe.each(dialects())('client address on %s', (dialect) => {
  let n = 0;
  const attempt = (app: TestApp, forwardedFor: string) =>
    app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      // A different unknown email each time, so only the per-IP key can slow the attacker down.
      payload: { email: `spray-${++n}@example.com`, password: 'guess guess guess' },
      remoteAddress: '192.0.2.77',
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('ignores X-Forwarded-For when no proxy is trusted: the per-IP log-in backoff cannot be dodged (HD-03)', async () => {
    const t = await createTestApp(dialect);
    try {
      for (let i = 0; i < 5; i++) expect((await attempt(t, `203.0.113.${i}`)).statusCode).toBe(401);
      const sixth = await attempt(t, '203.0.113.99');
      expect(sixth.statusCode).toBe(429);
      expect(sixth.headers['retry-after']).toEqual(expect.any(String));
    } finally {
      await t.close();
    }
  });

  it('trusts X-Forwarded-For only behind a configured proxy (the control for the test above)', async () => {
    // Behind a trusted proxy the forwarded address is the client, so the same spray from
    // "different" clients is not throttled: the test above can tell the two cases apart.
    const proxied = await createTestApp(dialect, { trustProxy: true });
    try {
      for (let i = 0; i < 6; i++) expect((await attempt(proxied, `203.0.113.${i}`)).statusCode).toBe(401);
    } finally {
      await proxied.close();
    }
  });
});
