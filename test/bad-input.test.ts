/**
 * Bad input on every write route (reliability plan 1b, AC-06, AP-01, AP-03, AP-05, AP-06, AP-07,
 * XS-06). The mutations are derived from each route's own JSON schema (from the OpenAPI document
 * the server builds out of the zod contract): every required field is dropped, every field gets a
 * wrong type, every length cap is exceeded. Each answer must be the documented error, naming the
 * field, and nothing may be written.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteInfo } from '#server/app.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { dialects } from './helpers/test-db.ts';
import {
  buildWorld,
  expectErrorShape,
  fillParams,
  makeUser,
  ownerIds,
  randomId,
  requestBodySchema,
  snapshot,
  validBodies,
  type Actor,
  type JsonSchema,
  type World,
} from './helpers/world.ts';

const keyOf = (r: { method: string; url: string }): string => `${r.method} ${r.url}`;

/** The JSON types a schema admits ('any' when it admits everything). */
function admittedTypes(s: JsonSchema): Set<string> | 'any' {
  if (s.anyOf) {
    const out = new Set<string>();
    for (const branch of s.anyOf) {
      const b = admittedTypes(branch);
      if (b === 'any') return 'any';
      for (const x of b) out.add(x);
    }
    return out;
  }
  if (s.type === undefined) return 'any';
  const types = Array.isArray(s.type) ? s.type : [s.type];
  return new Set(types.map((x) => (x === 'integer' ? 'number' : x)));
}

const jsonType = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const WRONG_VALUES: unknown[] = [12345, 'not the right type', true, ['x'], { x: 1 }];

function maxLengthOf(s: JsonSchema): number | undefined {
  if (typeof s.maxLength === 'number') return s.maxLength;
  for (const b of s.anyOf ?? []) if (typeof b.maxLength === 'number') return b.maxLength;
  return undefined;
}

interface Mutation {
  what: string;
  /** The raw body and its content type; a JS value is sent as JSON. */
  payload: unknown;
  contentType?: string;
  status: number;
  code: string;
  /** The field the error must name in details[].path (for validation errors). */
  field?: string;
}

/** Every bad body this route's schema lets us derive, plus the generic abuses. */
function mutations(schema: JsonSchema, valid: Record<string, unknown>, bodyLimit: number): Mutation[] {
  const out: Mutation[] = [];
  const props = schema.properties ?? {};
  const without = (k: string) => Object.fromEntries(Object.entries(valid).filter(([x]) => x !== k));

  for (const field of schema.required ?? []) {
    out.push({ what: `missing ${field}`, payload: without(field), status: 400, code: 'validation_failed', field });
  }
  for (const [field, p] of Object.entries(props)) {
    const admitted = admittedTypes(p);
    if (admitted !== 'any') {
      const wrong = WRONG_VALUES.find((v) => !admitted.has(jsonType(v)));
      if (wrong !== undefined)
        out.push({
          what: `${field} as ${jsonType(wrong)}`,
          payload: { ...valid, [field]: wrong },
          status: 400,
          code: 'validation_failed',
          field,
        });
    }
    const max = maxLengthOf(p);
    if (max !== undefined) {
      out.push({
        what: `${field} of ${max + 1} chars`,
        payload: { ...valid, [field]: 'x'.repeat(max + 1) },
        status: 400,
        code: 'validation_failed',
        field,
      });
    }
    if (p.type === 'array') {
      const itemMax = p.items ? maxLengthOf(p.items) : undefined;
      if (itemMax !== undefined) {
        out.push({
          what: `${field}[0] of ${itemMax + 1} chars`,
          payload: { ...valid, [field]: ['x'.repeat(itemMax + 1)] },
          status: 400,
          code: 'validation_failed',
          field,
        });
      }
      const sample = Array.isArray(valid[field]) ? (valid[field] as unknown[])[0] : undefined;
      if (typeof p.maxItems === 'number' && sample !== undefined) {
        out.push({
          what: `${field} with ${p.maxItems + 1} items`,
          payload: { ...valid, [field]: Array.from({ length: p.maxItems + 1 }, () => sample) },
          status: 400,
          code: 'validation_failed',
          field,
        });
      }
      out.push({
        what: `${field} with 200,000 items`,
        payload: { ...valid, [field]: Array.from({ length: 200_000 }, () => 1) },
        status: 400,
        code: 'validation_failed',
        field,
      });
    }
  }
  const anyField = Object.keys(props)[0] ?? 'x';
  out.push(
    {
      what: 'an unknown field',
      payload: { ...valid, zzUnknownField: 'x' },
      status: 400,
      code: 'validation_failed',
      field: 'zzUnknownField',
    },
    { what: 'not JSON', payload: '{bad', contentType: 'application/json', status: 400, code: 'bad_request' },
    {
      what: 'truncated JSON',
      payload: JSON.stringify(valid).slice(0, -1),
      contentType: 'application/json',
      status: 400,
      code: 'bad_request',
    },
    { what: 'an empty JSON body', payload: '', contentType: 'application/json', status: 400, code: 'bad_request' },
    { what: 'JSON null', payload: 'null', contentType: 'application/json', status: 400, code: 'validation_failed' },
    { what: 'a JSON array', payload: '[]', contentType: 'application/json', status: 400, code: 'validation_failed' },
    { what: 'a JSON string', payload: '"hello"', contentType: 'application/json', status: 400, code: 'validation_failed' },
    {
      what: '__proto__',
      payload: JSON.stringify({ ...valid, __proto__: { isAdmin: true } }).replace(/^\{/, '{"__proto__":{"isAdmin":true},'),
      contentType: 'application/json',
      status: 400,
      code: 'bad_request',
    },
    {
      what: 'constructor.prototype',
      payload: JSON.stringify({ ...valid, constructor: { prototype: { isAdmin: true } } }),
      contentType: 'application/json',
      status: 400,
      code: 'bad_request',
    },
    {
      what: 'nesting 100,000 deep',
      payload: JSON.stringify({ ...valid, [anyField]: '@DEEP@' }).replace(
        '"@DEEP@"',
        `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      ),
      contentType: 'application/json',
      status: 400,
      code: 'validation_failed',
      field: anyField,
    },
    {
      what: 'a body over the limit',
      payload: JSON.stringify({ ...valid, padding: 'x'.repeat(bodyLimit) }),
      contentType: 'application/json',
      status: 413,
      code: 'payload_too_large',
    },
    {
      what: 'text/plain',
      payload: JSON.stringify(valid),
      contentType: 'text/plain',
      status: 415,
      code: 'unsupported_media_type',
    },
    {
      what: 'form-encoded',
      payload: 'a=b',
      contentType: 'application/x-www-form-urlencoded',
      status: 415,
      code: 'unsupported_media_type',
    },
  );
  return out;
}

describe.each(dialects())('bad input on %s', (dialect) => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await buildWorld(t);
  });
  afterAll(async () => t.close());

  /** A's request on A's own object: without the mutation, it would succeed. */
  function send(route: RouteInfo, owner: Actor, payload: unknown, contentType?: string): Promise<LightMyRequestResponse> {
    const id = ownerIds[keyOf(route)]?.(owner) ?? randomId();
    const opts: InjectOptions = {
      method: route.method,
      url: fillParams(route.url, id),
      payload: payload as InjectOptions['payload'],
      ...(contentType ? { headers: { 'content-type': contentType } } : {}),
    };
    return route.access === 'public' ? t.app.inject(opts) : owner.req(opts);
  }

  it('knows a valid body for every route that takes one', () => {
    const withBody = t.routes.filter((r) => requestBodySchema(t, r) !== null).map(keyOf);
    expect(withBody.length).toBeGreaterThanOrEqual(12);
    expect(
      withBody.filter((k) => !(k in validBodies)),
      'write routes without a valid body in test/helpers/world.ts',
    ).toEqual([]);
  });

  describe.each(Object.keys(validBodies))('%s', (key) => {
    it('answers every bad body with the documented error, naming the field, and writes nothing', async ({ skip }) => {
      const route = t.routes.find((r) => keyOf(r) === key);
      if (!route) return skip();
      const schema = requestBodySchema(t, route);
      expect(schema, `${key} has no request body schema`).not.toBeNull();
      const build = validBodies[key] as (o: Actor) => Record<string, unknown>;
      const valid = build(w.a);
      const list = mutations(schema as JsonSchema, valid, t.deps.config.bodyLimitBytes);
      expect(list.length).toBeGreaterThan(12);

      const before = await snapshot(t);
      for (const m of list) {
        const t0 = performance.now();
        const res = await send(route, w.a, m.payload, m.contentType);
        const label = `${key}: ${m.what}`;
        expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(m.status);
        const err = expectErrorShape(res, m.status, m.code);
        if (m.field) {
          const paths = (err.details ?? []).map((d) => d.path);
          expect(paths.length, `${label}: details ${JSON.stringify(err.details)}`).toBeGreaterThan(0);
          // Only the bad field is reported: the rest of the body was valid.
          for (const d of err.details ?? []) {
            const names =
              d.path === m.field || d.path.startsWith(`${m.field}.`) || (d.path === '(root)' && d.message.includes(m.field));
            expect(names, `${label}: ${JSON.stringify(err.details)}`).toBe(true);
          }
        }
        expect(performance.now() - t0, `${label} took too long`).toBeLessThan(3000);
      }
      expect(await snapshot(t), `${key}: a bad body wrote something`).toEqual(before);
      expect(({} as Record<string, unknown>).isAdmin, 'prototype pollution').toBeUndefined();

      // Positive control: the valid body itself goes through. An account deletion is tried on a
      // throwaway account of its own, since A is needed by the cases after this one.
      const spare = key === 'DELETE /api/v1/me' ? await makeUser(t) : null;
      const ok = spare
        ? await spare.req({ method: 'DELETE', url: '/api/v1/me', payload: { password: spare.password } })
        : await send(route, w.a, build(w.a));
      expect(ok.statusCode, `${key} with its valid body: ${ok.body}`).toBeLessThan(300);
      if (key === 'POST /api/v1/auth/password') w.a.password = `${w.a.password}+`;
    });
  });

  describe('list queries', () => {
    /** GET routes of the API with their query parameters, from the OpenAPI document. */
    function queryRoutes(): Array<{ route: RouteInfo; params: Array<{ name: string; required?: boolean; schema: JsonSchema }> }> {
      const doc = t.app.swagger() as {
        paths: Record<
          string,
          Record<string, { parameters?: Array<{ name: string; in: string; required?: boolean; schema: JsonSchema }> }>
        >;
      };
      return t.routes
        .filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/'))
        .map((route) => ({
          route,
          params: (doc.paths[route.url.replace(/:([A-Za-z_]+)/g, '{$1}')]?.get?.parameters ?? []).filter((p) => p.in === 'query'),
        }))
        .filter((x) => x.params.length > 0);
    }

    it('refuses or clamps absurd page sizes, and refuses huge queries, bad cursors and unknown parameters (AP-01, AP-05)', async () => {
      const routes = queryRoutes();
      expect(routes.map((x) => keyOf(x.route))).toContain('GET /api/v1/people');
      for (const { route, params } of routes) {
        const base = params.filter((p) => p.required).map((p) => `${p.name}=${encodeURIComponent('tax advice')}`);
        const url = (extra: string) => `${fillParams(route.url, w.a.people.main)}?${[...base, extra].filter(Boolean).join('&')}`;
        const names = params.map((p) => p.name);
        const bad: string[] = ['zzUnknown=1'];
        if (names.includes('q')) bad.push(`q=${'a'.repeat(10_240)}`, `q=${'ab '.repeat(3_500)}`);
        if (names.includes('cursor'))
          bad.push('cursor=notacursor', `cursor=${'A'.repeat(10_000)}`, `cursor=${Buffer.from('{"n":1}').toString('base64url')}`);
        for (const extra of bad) {
          const res = await w.a.req({ method: 'GET', url: url(extra) });
          expectErrorShape(res, 400, 'validation_failed');
        }
        const limit = params.find((p) => p.name === 'limit');
        if (limit) {
          const max = Number(limit.schema.maximum);
          for (const v of ['1000000', '-1', 'NaN', '1e3', '0', '1.5', 'abc', '', '9'.repeat(400)]) {
            const res = await w.a.req({ method: 'GET', url: url(`limit=${v}`) });
            if (res.statusCode === 200) {
              expect(res.json<{ items: unknown[] }>().items.length, `limit=${v}`).toBeLessThanOrEqual(max);
            } else {
              expectErrorShape(res, 400, 'validation_failed');
              expect(
                res.json().error.details.map((d: { path: string }) => d.path),
                `limit=${v}`,
              ).toEqual(['querystring.limit']);
            }
          }
        }
      }
    });

    it('treats search syntax as plain words: wildcards, quotes and operators never cause a 500 (AP-05)', async () => {
      for (const q of [
        '%',
        '_',
        '%%%',
        '"',
        "'",
        'a OR b',
        'NEAR(a b)',
        '*',
        'a AND NOT b',
        '\\',
        '(',
        ')',
        '-a',
        '^',
        ':',
        '; drop table people; --',
        "' or 1=1 --",
        '\u0000',
        '😀',
        'ab'.repeat(100),
      ]) {
        const res = await w.a.req({ method: 'GET', url: `/api/v1/people?q=${encodeURIComponent(q)}` });
        expect(res.statusCode, `q=${JSON.stringify(q)}: ${res.body}`).toBe(200);
        expect(res.json()).toEqual({ items: expect.any(Array), nextCursor: null });
      }
      // Wildcards must not match everything the way an unescaped LIKE would.
      for (const q of ['%', '_', '*', '%%', '__']) {
        expect((await w.a.req({ method: 'GET', url: `/api/v1/people?q=${encodeURIComponent(q)}` })).json().items, q).toEqual([]);
      }
    });

    it('answers malformed ids in the path with 400, not 404 or 500', async () => {
      for (const id of ['123', 'not-a-uuid', '00000000-0000-0000-0000-00000000000g', `${randomId()}x`, "1' or '1'='1", '%00']) {
        const res = await w.a.req({ method: 'GET', url: `/api/v1/people/${encodeURIComponent(id)}` });
        const err = expectErrorShape(res, 400, 'validation_failed');
        expect(err.details?.map((d) => d.path)).toEqual(['params.id']);
      }
    });
  });
});
