/**
 * The access-control enumerator (reliability plan 1b, AC-01, AC-02, AC-04, AC-06, AC-11, AC-12).
 *
 * `cases` says, for every route the server registers, how user B tries to reach user A's data
 * through it. A route without an entry fails the suite, and so does an entry whose kind does not
 * match the route's declared access, so a new route cannot ship without a cross-user case.
 */
import { randomBytes } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteInfo } from '#server/app.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { dialects } from './helpers/test-db.ts';
import {
  buildWorld,
  expectErrorShape,
  expectNoLeak,
  fillParams,
  requestBodySchema,
  ownerIds,
  randomId,
  rowsOf,
  snapshot,
  validBodies,
  type Actor,
  type World,
} from './helpers/world.ts';

interface Ctx {
  t: TestApp;
  w: World;
}

type Case =
  /** Open to anyone: exercised without credentials; must not reveal anything of A or B. */
  | { kind: 'public'; probe: (c: Ctx) => InjectOptions; expect: number }
  /** A user route without an id: it can only mean "mine". B's answers never carry A's data. */
  | {
      kind: 'own';
      probes: (c: Ctx) => InjectOptions[];
      /** A running the first probe sees A's canaries: proof that the probe would find them. */
      ownerSees?: boolean;
      after?: (res: LightMyRequestResponse, c: Ctx) => void;
    }
  /** A route with an id: B gets 404 for A's object, byte-identical to a random id, and nothing changes. */
  | { kind: 'foreign-id' }
  /** Administrators only: B (not an admin) gets 403 and nothing changes. */
  | { kind: 'admin' };

const people = (q: string): InjectOptions => ({ method: 'GET', url: `/api/v1/people${q}` });
/** B uploads a vCard; its people must never match or touch A's. */
const importProbe = (url: string): InjectOptions => ({
  method: 'POST',
  url,
  headers: { 'content-type': 'application/octet-stream' },
  payload: Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Imported Person\r\nEMAIL:imported@example.com\r\nEND:VCARD\r\n'),
});

const cases: Record<string, Case> = {
  // Operations and documentation
  'GET /healthz': { kind: 'public', probe: () => ({ method: 'GET', url: '/healthz' }), expect: 200 },
  'GET /api/openapi.json': { kind: 'public', probe: () => ({ method: 'GET', url: '/api/openapi.json' }), expect: 200 },
  'GET /api/docs': { kind: 'public', probe: () => ({ method: 'GET', url: '/api/docs' }), expect: 200 },
  'GET /api/docs/json': { kind: 'public', probe: () => ({ method: 'GET', url: '/api/docs/json' }), expect: 200 },
  'GET /api/docs/yaml': { kind: 'public', probe: () => ({ method: 'GET', url: '/api/docs/yaml' }), expect: 200 },
  'GET /api/docs/static/index.html': {
    kind: 'public',
    probe: () => ({ method: 'GET', url: '/api/docs/static/index.html' }),
    expect: 302,
  },
  'GET /api/docs/static/swagger-initializer.js': {
    kind: 'public',
    probe: () => ({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' }),
    expect: 200,
  },
  'GET /api/docs/static/*': {
    kind: 'public',
    probe: () => ({ method: 'GET', url: '/api/docs/static/swagger-ui.css' }),
    expect: 200,
  },

  // Accounts
  'GET /api/v1/auth/state': { kind: 'public', probe: () => ({ method: 'GET', url: '/api/v1/auth/state' }), expect: 200 },
  'POST /api/v1/auth/signup': {
    kind: 'public',
    probe: ({ w }) => ({ method: 'POST', url: '/api/v1/auth/signup', payload: validBodies['POST /api/v1/auth/signup']?.(w.b) }),
    expect: 201,
  },
  'POST /api/v1/auth/login': {
    kind: 'public',
    probe: ({ w }) => ({ method: 'POST', url: '/api/v1/auth/login', payload: { email: w.b.email, password: w.b.password } }),
    expect: 200,
  },
  'POST /api/v1/auth/logout': { kind: 'public', probe: () => ({ method: 'POST', url: '/api/v1/auth/logout' }), expect: 200 },
  'GET /api/v1/auth/me': { kind: 'own', probes: () => [{ method: 'GET', url: '/api/v1/auth/me' }], ownerSees: true },
  'PATCH /api/v1/auth/me': {
    kind: 'own',
    probes: ({ w }) => [{ method: 'PATCH', url: '/api/v1/auth/me', payload: validBodies['PATCH /api/v1/auth/me']?.(w.b) }],
  },
  'POST /api/v1/auth/password': {
    kind: 'own',
    probes: ({ w }) => [
      { method: 'POST', url: '/api/v1/auth/password', payload: validBodies['POST /api/v1/auth/password']?.(w.b) },
    ],
    after: (res, { w }) => {
      expect(res.statusCode).toBe(200);
      w.b.password = `${w.b.password}+`;
    },
  },
  'POST /api/v1/admin/users': { kind: 'admin' },
  'GET /api/v1/tokens': { kind: 'own', probes: () => [{ method: 'GET', url: '/api/v1/tokens' }], ownerSees: true },
  'POST /api/v1/tokens': {
    kind: 'own',
    probes: () => [{ method: 'POST', url: '/api/v1/tokens', payload: { name: 'B script' } }],
  },
  'DELETE /api/v1/tokens/:id': { kind: 'foreign-id' },

  // Me, people, search
  'GET /api/v1/me': { kind: 'own', probes: () => [{ method: 'GET', url: '/api/v1/me' }], ownerSees: true },
  'GET /api/v1/people': {
    kind: 'own',
    probes: () => [
      people('?q=canary'),
      people('?limit=200'),
      people(`?q=${encodeURIComponent('CANARY-A-notes')}`),
      people('?q=lawyer'),
      people('?q=tax'),
      people('?tag=canary-a-tag'),
      people(`?city=${encodeURIComponent('CANARY-A-city')}`),
      people('?hasOpenNeeds=true'),
    ],
    ownerSees: true,
  },
  'GET /api/v1/people/facets': { kind: 'own', probes: () => [{ method: 'GET', url: '/api/v1/people/facets' }], ownerSees: true },
  'POST /api/v1/people': {
    kind: 'own',
    probes: ({ w }) => [{ method: 'POST', url: '/api/v1/people', payload: validBodies['POST /api/v1/people']?.(w.b) }],
  },
  'GET /api/v1/people/:id': { kind: 'foreign-id' },
  'PATCH /api/v1/people/:id': { kind: 'foreign-id' },
  'DELETE /api/v1/people/:id': { kind: 'foreign-id' },
  'POST /api/v1/people/:id/needs': { kind: 'foreign-id' },
  'GET /api/v1/needs/:id': { kind: 'foreign-id' },
  'PATCH /api/v1/needs/:id': { kind: 'foreign-id' },
  'DELETE /api/v1/needs/:id': { kind: 'foreign-id' },
  'POST /api/v1/people/:id/offers': { kind: 'foreign-id' },
  'GET /api/v1/offers/:id': { kind: 'foreign-id' },
  'PATCH /api/v1/offers/:id': { kind: 'foreign-id' },
  'DELETE /api/v1/offers/:id': { kind: 'foreign-id' },
  'POST /api/v1/people/:id/interactions': { kind: 'foreign-id' },
  'PATCH /api/v1/interactions/:id': { kind: 'foreign-id' },
  'DELETE /api/v1/interactions/:id': { kind: 'foreign-id' },
  'POST /api/v1/people/:id/relationships': { kind: 'foreign-id' },
  'PATCH /api/v1/relationships/:id': { kind: 'foreign-id' },
  'DELETE /api/v1/relationships/:id': { kind: 'foreign-id' },

  // Demo network: B's network is not empty, so this is a 409 that must not touch A.
  'POST /api/v1/demo': { kind: 'own', probes: () => [{ method: 'POST', url: '/api/v1/demo' }] },
  'GET /api/v1/demo': { kind: 'own', probes: () => [{ method: 'GET', url: '/api/v1/demo' }] },
  'DELETE /api/v1/demo': { kind: 'own', probes: () => [{ method: 'DELETE', url: '/api/v1/demo' }] },

  // Matching
  'GET /api/v1/people/:id/value-finder': { kind: 'foreign-id' },
  'GET /api/v1/match': {
    kind: 'own',
    probes: () => [
      { method: 'GET', url: '/api/v1/match?q=tax%20advice' },
      { method: 'GET', url: '/api/v1/match?q=lawyer' },
      { method: 'GET', url: `/api/v1/match?q=${encodeURIComponent('CANARY-A-offer tax advice')}` },
    ],
    ownerSees: true,
  },
  // What the Value Finder learns: ids in the feedback body are B's own (B with A's ids: learning.test.ts).
  'GET /api/v1/feedback': { kind: 'own', probes: () => [{ method: 'GET', url: '/api/v1/feedback' }], ownerSees: true },
  'POST /api/v1/feedback': {
    kind: 'own',
    probes: ({ w }) => [{ method: 'POST', url: '/api/v1/feedback', payload: validBodies['POST /api/v1/feedback']?.(w.b) }],
  },
  'DELETE /api/v1/feedback/:id': { kind: 'foreign-id' },
  'GET /api/v1/concepts': { kind: 'own', probes: () => [{ method: 'GET', url: '/api/v1/concepts' }] },
  'GET /api/v1/taught-words': { kind: 'own', probes: () => [{ method: 'GET', url: '/api/v1/taught-words' }], ownerSees: true },
  'POST /api/v1/taught-words': {
    kind: 'own',
    probes: ({ w }) => [
      { method: 'POST', url: '/api/v1/taught-words', payload: validBodies['POST /api/v1/taught-words']?.(w.b) },
    ],
  },
  'PATCH /api/v1/taught-words/:id': { kind: 'foreign-id' },
  'DELETE /api/v1/taught-words/:id': { kind: 'foreign-id' },

  // Import and export
  'POST /api/v1/imports/preview': {
    kind: 'own',
    probes: () => [importProbe('/api/v1/imports/preview?people=true')],
  },
  'POST /api/v1/imports': {
    kind: 'own',
    probes: () => [
      importProbe('/api/v1/imports'),
      // The progress stream (NDJSON) of the same import.
      {
        ...importProbe('/api/v1/imports'),
        headers: { 'content-type': 'application/octet-stream', accept: 'application/x-ndjson' },
      },
    ],
  },
  'GET /api/v1/export': {
    kind: 'own',
    probes: () => ['json', 'vcard', 'vcard3', 'csv'].map((f) => ({ method: 'GET' as const, url: `/api/v1/export?format=${f}` })),
    ownerSees: true,
  },

  // Duplicates (listed before the merge: its positive control merges A's two look-alikes)
  'GET /api/v1/duplicates': { kind: 'own', probes: () => [{ method: 'GET', url: '/api/v1/duplicates' }], ownerSees: true },
  'POST /api/v1/people/:id/merge': { kind: 'foreign-id' },
  // Ids in the body: B's own pair that shares no email, phone or profile is a 400; B with A's ids
  // gets a 404 identical to random ids' (duplicates.test.ts).
  'POST /api/v1/duplicates/merge': {
    kind: 'own',
    probes: ({ w }) => [
      {
        method: 'POST',
        url: '/api/v1/duplicates/merge',
        payload: { pairs: [{ a: w.b.people.main, b: w.b.people.loose }] },
      },
    ],
  },

  // Privacy
  'GET /api/v1/suppressions': { kind: 'own', probes: () => [{ method: 'GET', url: '/api/v1/suppressions' }], ownerSees: true },
  'DELETE /api/v1/suppressions/:id': { kind: 'foreign-id' },
  // B deleting its own account with a wrong password: refused, and nothing of A moves.
  'DELETE /api/v1/me': {
    kind: 'own',
    probes: () => [{ method: 'DELETE', url: '/api/v1/me', payload: { password: 'not the password of anyone here' } }],
  },

  // Introductions and their outbox
  'GET /api/v1/intros': {
    kind: 'own',
    probes: ({ w }) => [
      { method: 'GET', url: '/api/v1/intros' },
      { method: 'GET', url: '/api/v1/intros?status=asked' },
      { method: 'GET', url: `/api/v1/intros?personId=${w.a.people.main}` },
    ],
    ownerSees: true,
  },
  'POST /api/v1/intros': {
    kind: 'own',
    probes: ({ w }) => [{ method: 'POST', url: '/api/v1/intros', payload: validBodies['POST /api/v1/intros']?.(w.b) }],
  },
  'GET /api/v1/intros/:id': { kind: 'foreign-id' },
  'PATCH /api/v1/intros/:id': { kind: 'foreign-id' },
  'DELETE /api/v1/intros/:id': { kind: 'foreign-id' },
  'POST /api/v1/intros/:id/send': { kind: 'foreign-id' },
  'POST /api/v1/intros/:id/cancel': { kind: 'foreign-id' },
  'GET /api/v1/outbox': {
    kind: 'own',
    probes: ({ w }) => [
      { method: 'GET', url: '/api/v1/outbox' },
      { method: 'GET', url: `/api/v1/outbox?introId=${w.a.intros.sent}` },
    ],
    ownerSees: true,
  },
  'GET /api/v1/outbox/:id': { kind: 'foreign-id' },
  // Asks to a contact to make an introduction.
  'GET /api/v1/intro-asks': {
    kind: 'own',
    probes: ({ w }) => [
      { method: 'GET', url: '/api/v1/intro-asks' },
      { method: 'GET', url: '/api/v1/intro-asks?status=asked' },
      { method: 'GET', url: `/api/v1/intro-asks?personId=${w.a.people.via}` },
    ],
    ownerSees: true,
  },
  'POST /api/v1/intro-asks': {
    kind: 'own',
    probes: ({ w }) => [{ method: 'POST', url: '/api/v1/intro-asks', payload: validBodies['POST /api/v1/intro-asks']?.(w.b) }],
  },
  'POST /api/v1/intro-asks/draft': {
    kind: 'own',
    probes: ({ w }) => [
      { method: 'POST', url: '/api/v1/intro-asks/draft', payload: validBodies['POST /api/v1/intro-asks/draft']?.(w.b) },
    ],
  },
  'GET /api/v1/intro-asks/:id': { kind: 'foreign-id' },
  'POST /api/v1/intro-asks/:id/cancel': { kind: 'foreign-id' },
  'POST /api/v1/outbox/:id/retry': { kind: 'foreign-id' },
  // The answer links: public, authenticated by the token in the path; a guessed token finds nothing.
  'GET /i/:token': {
    kind: 'public',
    probe: () => ({ method: 'GET', url: `/i/${randomBytes(32).toString('base64url')}` }),
    expect: 404,
  },
  'POST /i/:token': {
    kind: 'public',
    probe: () => ({
      method: 'POST',
      url: `/i/${randomBytes(32).toString('base64url')}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'action=accept',
    }),
    expect: 404,
  },

  // Give ledger
  'GET /api/v1/gives': {
    kind: 'own',
    probes: ({ w }) => [
      { method: 'GET', url: '/api/v1/gives' },
      { method: 'GET', url: `/api/v1/gives?personId=${w.a.people.main}` },
    ],
    ownerSees: true,
  },
  'POST /api/v1/gives': {
    kind: 'own',
    probes: ({ w }) => [{ method: 'POST', url: '/api/v1/gives', payload: validBodies['POST /api/v1/gives']?.(w.b) }],
  },
  'GET /api/v1/gives/:id': { kind: 'foreign-id' },
  'PATCH /api/v1/gives/:id': { kind: 'foreign-id' },
  'DELETE /api/v1/gives/:id': { kind: 'foreign-id' },
  'POST /api/v1/gives/:id/outcomes': { kind: 'foreign-id' },
  'DELETE /api/v1/outcomes/:id': { kind: 'foreign-id' },
  'GET /api/v1/received': { kind: 'own', probes: () => [{ method: 'GET', url: '/api/v1/received' }], ownerSees: true },
  'POST /api/v1/received': {
    kind: 'own',
    probes: ({ w }) => [{ method: 'POST', url: '/api/v1/received', payload: validBodies['POST /api/v1/received']?.(w.b) }],
  },
  'GET /api/v1/received/:id': { kind: 'foreign-id' },
  'PATCH /api/v1/received/:id': { kind: 'foreign-id' },
  'DELETE /api/v1/received/:id': { kind: 'foreign-id' },
  'GET /api/v1/ledger/stats': {
    kind: 'own',
    probes: () => [
      { method: 'GET', url: '/api/v1/ledger/stats' },
      { method: 'GET', url: '/api/v1/ledger/stats?from=2000-01-01&to=2100-12-31' },
    ],
    ownerSees: true,
  },

  // The giving routine
  'GET /api/v1/today': { kind: 'own', probes: () => [{ method: 'GET', url: '/api/v1/today' }], ownerSees: true },
  'POST /api/v1/today/states': {
    kind: 'own',
    probes: ({ w }) => [
      { method: 'POST', url: '/api/v1/today/states', payload: validBodies['POST /api/v1/today/states']?.(w.b) },
      // A's follow-up by its key: 404 would tell it exists; B's marks live under B, so B may mark any key except a follow-up it does not have.
      {
        method: 'POST',
        url: '/api/v1/today/states',
        payload: { key: `going_cold:${w.a.people.main}:2026-01-01`, state: 'dismissed' },
      },
    ],
  },
  'GET /api/v1/settings/routine': { kind: 'own', probes: () => [{ method: 'GET', url: '/api/v1/settings/routine' }] },
  'PATCH /api/v1/settings/routine': {
    kind: 'own',
    probes: ({ w }) => [
      { method: 'PATCH', url: '/api/v1/settings/routine', payload: validBodies['PATCH /api/v1/settings/routine']?.(w.b) },
    ],
  },
  'GET /api/v1/cadences': { kind: 'own', probes: () => [{ method: 'GET', url: '/api/v1/cadences' }], ownerSees: true },
  'PUT /api/v1/cadences': {
    kind: 'own',
    probes: ({ w }) => [{ method: 'PUT', url: '/api/v1/cadences', payload: validBodies['PUT /api/v1/cadences']?.(w.b) }],
  },
  'DELETE /api/v1/cadences/:id': { kind: 'foreign-id' },
  'GET /api/v1/follow-ups': {
    kind: 'own',
    probes: () => [
      { method: 'GET', url: '/api/v1/follow-ups' },
      { method: 'GET', url: '/api/v1/follow-ups?status=all' },
    ],
    ownerSees: true,
  },
  'POST /api/v1/follow-ups': {
    kind: 'own',
    probes: ({ w }) => [{ method: 'POST', url: '/api/v1/follow-ups', payload: validBodies['POST /api/v1/follow-ups']?.(w.b) }],
  },
  'GET /api/v1/follow-ups/:id': { kind: 'foreign-id' },
  'PATCH /api/v1/follow-ups/:id': { kind: 'foreign-id' },
  'DELETE /api/v1/follow-ups/:id': { kind: 'foreign-id' },
  'POST /api/v1/people/:id/log': { kind: 'foreign-id' },
  'POST /api/v1/one-to-ones/proposal': {
    kind: 'own',
    probes: ({ w }) => [
      { method: 'POST', url: '/api/v1/one-to-ones/proposal', payload: validBodies['POST /api/v1/one-to-ones/proposal']?.(w.b) },
    ],
  },
  'POST /api/v1/people/:id/one-to-ones': { kind: 'foreign-id' },
};

const keyOf = (r: RouteInfo): string => `${r.method} ${r.url}`;
const hasParams = (url: string): boolean => /:[A-Za-z_]/.test(url);

/** The request for an id route, with `id` in the path and the owner's valid body. */
function idRequest(key: string, id: string, owner: Actor): InjectOptions {
  const [method, url] = key.split(' ') as [InjectOptions['method'], string];
  const body = validBodies[key];
  return { method, url: fillParams(url, id), ...(body ? { payload: body(owner) } : {}) };
}

describe.each(dialects())('access control on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  let ctx: Ctx;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await buildWorld(t);
    ctx = { t, w };
  });
  afterAll(async () => t.close());

  it('has a case for every registered route, of the kind its access policy demands (AC-01)', () => {
    const registered = t.routes.map(keyOf);
    const missing = registered.filter((k) => !(k in cases));
    expect(missing, 'routes without a case in the access-control table').toEqual([]);
    for (const r of t.routes) {
      const c = cases[keyOf(r)];
      const want = r.access === 'public' ? 'public' : r.access === 'admin' ? 'admin' : hasParams(r.url) ? 'foreign-id' : 'own';
      expect(c?.kind, `${keyOf(r)} is ${r.access}${hasParams(r.url) ? ' with an id' : ''}`).toBe(want);
      if (c?.kind === 'foreign-id') expect(ownerIds[keyOf(r)], `${keyOf(r)} needs an entry in ownerIds`).toBeDefined();
    }
  });

  describe.each(Object.keys(cases))('%s', (key) => {
    const c = cases[key] as Case;
    // A case written ahead of its route (or left behind by a removed one) is skipped, not failed.
    const unregistered = (): boolean => !t.routes.some((r) => keyOf(r) === key);

    if (c.kind === 'foreign-id')
      it("B gets a 404 for A's object, identical to a random id's, and nothing changes (AC-02)", async ({ skip }) => {
        if (unregistered()) return skip();
        const id = ownerIds[key]?.(w.a);
        if (!id) throw new Error(`no owner id for ${key}`);
        const before = await snapshot(t);
        const attempts = {
          cookieForeign: await w.b.req(idRequest(key, id, w.a)),
          cookieRandom: await w.b.req(idRequest(key, randomId(), w.a)),
          tokenForeign: await w.b.bearer(idRequest(key, id, w.a)),
          tokenRandom: await w.b.bearer(idRequest(key, randomId(), w.a)),
        };
        for (const [what, res] of Object.entries(attempts)) {
          expectErrorShape(res, 404, 'not_found');
          expect(res.body, what).toBe(attempts.cookieRandom.body);
          expect(res.headers['content-type']).toBe(attempts.cookieRandom.headers['content-type']);
          expect(res.headers['content-length']).toBe(attempts.cookieRandom.headers['content-length']);
          expectNoLeak(res, w.a, `${key} (${what})`);
        }
        expect(await snapshot(t)).toEqual(before);

        // Positive control: the same request by the owner works, so the 404 above is the ownership check.
        const own = await w.a.req(idRequest(key, id, w.a));
        expect(own.statusCode, own.body).toBeGreaterThanOrEqual(200);
        expect(own.statusCode, own.body).toBeLessThan(300);
        if (key.startsWith('GET ')) expect(await snapshot(t), 'a GET must not change the database').toEqual(before);
        if (key.startsWith('DELETE ')) {
          // Once deleted, the id is as unknown to its owner as a random one.
          const again = await w.a.req(idRequest(key, id, w.a));
          const random = await w.a.req(idRequest(key, randomId(), w.a));
          expect(again.statusCode).toBe(404);
          expect(again.body).toBe(random.body);
        }
      });

    if (c.kind === 'own')
      it("B's answers carry none of A's data, and A's rows stay as they are (AC-04)", async ({ skip }) => {
        if (unregistered()) return skip();
        if (c.kind !== 'own') return;
        const before = await rowsOf(t, w.a.userId);
        const probes = c.probes(ctx);
        for (const probe of probes) {
          for (const res of [await w.b.req(probe), await w.b.bearer(probe)]) {
            expect(res.statusCode, `${probe.method} ${probe.url}: ${res.body}`).toBeLessThan(500);
            expect(res.statusCode, `${probe.method} ${probe.url}: ${res.body}`).not.toBe(404);
            expectNoLeak(res, w.a, `${probe.method} ${probe.url}`);
            c.after?.(res, ctx);
            if (c.after) break; // a one-shot change (the password): once is enough
          }
        }
        expect(await rowsOf(t, w.a.userId)).toEqual(before);
        if (c.ownerSees) {
          const first = probes[0] as InjectOptions;
          const mine = await w.a.req(first);
          expect(mine.statusCode).toBe(200);
          expect(mine.body.toLowerCase(), `A's own ${first.url} shows A's data`).toContain('canary-a');
        }
      });

    if (c.kind === 'admin')
      it('a user who is not an admin gets 403, and nothing changes', async ({ skip }) => {
        if (unregistered()) return skip();
        const [method, url] = key.split(' ') as [InjectOptions['method'], string];
        const body = validBodies[key];
        const before = await snapshot(t);
        for (const res of [
          await w.b.req({ method, url, ...(body ? { payload: body(w.b) } : {}) }),
          await w.b.bearer({ method, url, ...(body ? { payload: body(w.b) } : {}) }),
        ]) {
          expectErrorShape(res, 403, 'forbidden');
          expectNoLeak(res, w.a, key);
        }
        expect(await snapshot(t)).toEqual(before);
        const admin = await w.a.req({ method, url, ...(body ? { payload: body(w.a) } : {}) });
        expect(admin.statusCode, admin.body).toBeLessThan(300);
      });

    if (c.kind === 'public')
      it('answers without credentials and reveals nothing of anyone', async ({ skip }) => {
        if (unregistered()) return skip();
        if (c.kind !== 'public') return;
        const beforeA = await rowsOf(t, w.a.userId);
        const res = await t.app.inject(c.probe(ctx));
        expect(res.statusCode, res.body).toBe(c.expect);
        expectNoLeak(res, w.a, key);
        if (key !== 'POST /api/v1/auth/login') expectNoLeak(res, w.b, key);
        expect(await rowsOf(t, w.a.userId)).toEqual(beforeA);
      });
  });

  it("refuses A's ids inside B's bodies exactly as it refuses random ids (introducer, relationship)", async () => {
    const tries: Array<(id: string) => InjectOptions> = [
      (id) => ({ method: 'POST', url: '/api/v1/people', payload: { name: 'Intro test', introducedById: id } }),
      (id) => ({ method: 'PATCH', url: `/api/v1/people/${w.b.people.loose}`, payload: { introducedById: id } }),
      (id) => ({ method: 'POST', url: `/api/v1/people/${w.b.people.loose}/relationships`, payload: { otherPersonId: id } }),
      (id) => ({ method: 'POST', url: '/api/v1/intros', payload: { personAId: w.b.people.main, personBId: id, note: 'x' } }),
      (id) => ({
        method: 'POST',
        url: '/api/v1/intro-asks',
        payload: { viaPersonId: w.b.people.via, helperPersonId: id, needText: 'an accountant' },
      }),
      (id) => ({
        method: 'POST',
        url: '/api/v1/intro-asks/draft',
        payload: { viaPersonId: id, helperPersonId: w.b.people.main, needText: 'an accountant' },
      }),
      (id) => ({ method: 'POST', url: '/api/v1/gives', payload: { kind: 'advice', description: 'x', recipientIds: [id] } }),
      (id) => ({
        method: 'POST',
        url: '/api/v1/gives',
        // A's need (not a person) against a random id.
        payload: {
          kind: 'advice',
          description: 'x',
          recipientIds: [w.b.people.main],
          needId: id === w.a.people.main ? w.a.needs.main : id,
        },
      }),
      (id) => ({ method: 'PATCH', url: `/api/v1/gives/${w.b.gives.main}`, payload: { recipientIds: [id] } }),
      (id) => ({ method: 'POST', url: '/api/v1/received', payload: { description: 'x', referredById: id } }),
    ];
    for (const make of tries) {
      const before = await snapshot(t);
      const foreign = await w.b.req(make(w.a.people.main));
      const random = await w.b.req(make(randomId()));
      expectErrorShape(foreign, 400, 'validation_failed');
      expect(foreign.body).toBe(random.body);
      expectNoLeak(foreign, w.a, 'body reference');
      expect(await snapshot(t)).toEqual(before);
    }
  });

  it('rejects extra fields such as owner or admin flags on every write route, and writes nothing (AC-06)', async () => {
    const writeRoutes = t.routes.filter((r) => requestBodySchema(t, r) !== null);
    expect(writeRoutes.length).toBeGreaterThanOrEqual(12);
    const extras = {
      owner_id: w.b.userId,
      ownerId: w.b.userId,
      userId: w.b.userId,
      user_id: w.b.userId,
      isSelf: true,
      is_self: 1,
      id: randomId(),
      createdAt: '2000-01-01T00:00:00Z',
      isAdmin: true,
      is_admin: 1,
      role: 'admin',
    };
    for (const r of writeRoutes) {
      const key = keyOf(r);
      const body = validBodies[key];
      expect(body, `${key} needs a valid body in validBodies`).toBeDefined();
      if (!body) continue;
      const known = Object.keys(requestBodySchema(t, r)?.properties ?? {});
      for (const [field, value] of Object.entries(extras)) {
        if (known.includes(field)) continue; // a real field of this route (a contact's role, the admin flag of admin/users)
        const id = ownerIds[key]?.(w.a) ?? randomId();
        const before = await snapshot(t);
        const res = await w.a.req({ method: r.method, url: fillParams(r.url, id), payload: { ...body(w.a), [field]: value } });
        const err = expectErrorShape(res, 400, 'validation_failed');
        expect(err.details, `${key} + ${field}`).toHaveLength(1);
        expect(JSON.stringify(err.details), `${key} + ${field}`).toContain(field);
        expect(await snapshot(t), `${key} + ${field} wrote something`).toEqual(before);
      }
    }
  });

  it('gives every object a random UUIDv4 id, never a sequence (AC-11)', async () => {
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const ids = [...w.a.allIds, ...w.b.allIds];
    expect(ids.length).toBeGreaterThan(30);
    for (const id of ids) expect(id).toMatch(v4);
    expect(new Set(ids).size).toBe(ids.length);
    // And the API emits nothing id-like that is not a UUID: every "id" in a full person view.
    const person = (await w.a.req({ method: 'GET', url: `/api/v1/people/${w.a.people.main}` })).json();
    const found: string[] = [];
    JSON.stringify(person, (k, v: unknown) => {
      if ((k === 'id' || k.endsWith('Id')) && v !== null) found.push(String(v));
      return v;
    });
    expect(found.length).toBeGreaterThan(8);
    for (const id of found) expect(id).toMatch(v4);
  });
});
