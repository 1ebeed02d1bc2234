/**
 * The "world" of the security suites: two users, A and B, each with a small network in which every
 * text field holds a canary naming its owner and field (`CANARY-A-notes`), plus helpers to take a
 * logical snapshot of the whole database and to check responses for leaks and for the error shape.
 */
import crypto from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { createUser } from '#server/features/auth/auth.service.ts';
import { cookieFrom, createPerson, signup, type Client, type TestApp } from './app.ts';

export interface Actor extends Client {
  label: 'A' | 'B';
  displayName: string;
  /** Bearer secret of an active API token. */
  token: string;
  tokenId: string;
  /** A second token, there to be revoked by its owner. */
  spareTokenId: string;
  /** The same request with the API token instead of the cookie. */
  bearer(opts: InjectOptions): Promise<LightMyRequestResponse>;
  /**
   * `twin` and `twinGone` are likely duplicates of each other (merged by the merge route's positive
   * control); `twinToo` shares their email too (merged into `twin` by the bulk merge's).
   */
  /** `via` is a contact with an email asked to make introductions (the asks below). */
  people: {
    main: string;
    introduced: string;
    doomed: string;
    loose: string;
    twin: string;
    twinGone: string;
    twinToo: string;
    via: string;
  };
  /** A suppression entry (a person erased with suppress=true), there to be lifted by its owner. */
  suppressionId: string;
  needs: { main: string; doomed: string };
  offers: { main: string; doomed: string };
  meOffer: string;
  interactions: { main: string; doomed: string };
  relationships: { main: string; doomed: string };
  /** Introductions: a draft to read and edit, one to send, one to cancel, one to delete, one sent. */
  intros: { main: string; sendable: string; cancellable: string; doomed: string; sent: string };
  /** An email of the outbox (a request of the sent introduction). */
  outbox: { main: string };
  /** Asks to `via` to make an introduction: one to read, one to cancel. */
  asks: { main: string; cancellable: string };
  gives: { main: string; doomed: string };
  outcomes: { main: string; doomed: string };
  received: { main: string; doomed: string };
  /** Verdicts on suggestions and taught words of the Value Finder. */
  learning: { feedback: string; feedbackDoomed: string; taught: string; taughtDoomed: string };
  routine: { followUp: string; followUpDoomed: string; cadence: string; cadenceDoomed: string };
  /** Every id of this actor's objects (users, people, needs, ...), to look for in others' responses. */
  allIds: string[];
  /** Strings that only this actor's data contains (lower-cased comparison). */
  secrets: string[];
}

export interface World {
  a: Actor;
  b: Actor;
}

export const canary = (label: string, field: string): string => `CANARY-${label}-${field}`;

async function ok(res: LightMyRequestResponse, what: string): Promise<{ id: string } & Record<string, unknown>> {
  if (res.statusCode >= 300) throw new Error(`${what} failed ${res.statusCode}: ${res.body}`);
  return res.json();
}

/** Builds one user's network. `phoneDigits` keeps the phone numbers of A and B apart. */
async function buildActor(t: TestApp, label: 'A' | 'B', phoneDigits: string): Promise<Actor> {
  const c = (field: string) => canary(label, field);
  const lc = label.toLowerCase();
  const displayName = c('display-name');
  const password = `${c('password')}-long enough`;
  await ok(
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { email: `canary-${lc}-account@example.com`, password, displayName, locale: 'en' },
    }),
    `signup ${label}`,
  );
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: `canary-${lc}-account@example.com`, password },
  });
  const body = await ok(res, `login ${label}`);
  const user = (body as unknown as { user: { id: string; selfPersonId: string }; csrfToken: string }).user;
  const client: Client = {
    email: `canary-${lc}-account@example.com`,
    password,
    userId: user.id,
    selfPersonId: user.selfPersonId,
    cookie: cookieFrom(res),
    csrf: (body as unknown as { csrfToken: string }).csrfToken,
    req: (o) => t.app.inject({ ...o, headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, ...(o.headers ?? {}) } }),
  };

  const main = await createPerson(client, {
    name: c('person-name'),
    company: c('company'),
    role: c('role'),
    city: c('city'),
    country: c('country'),
    language: 'en',
    notes: c('notes'),
    howMet: c('how-met'),
    emails: [{ value: `canary-${lc}-email@example.com`, label: c('email-label') }],
    phones: [{ value: `+39 02 ${phoneDigits}`, label: c('phone-label') }],
    links: [{ value: `https://canary-${lc}-link.example/profile`, label: c('link-label') }],
    tags: [c('tag')],
  });
  const introduced = await createPerson(client, { name: c('introduced-name'), introducedById: main.id, notes: c('notes-2') });
  const doomed = await createPerson(client, { name: c('doomed-name'), city: c('city') });
  const loose = await createPerson(client, { name: c('loose-name') });
  const twinEmail = [{ value: `canary-${lc}-twin@example.com` }];
  const twin = await createPerson(client, { name: `${c('twin')} Mario Rossi`, emails: twinEmail });
  const twinGone = await createPerson(client, { name: `Rossi Mario ${c('twin')}`, emails: twinEmail, notes: c('twin-notes') });
  const twinToo = await createPerson(client, { name: `${c('twin')} Mario Rossi`, emails: twinEmail });
  const via = await createPerson(client, { name: c('via-name'), emails: [{ value: `canary-${lc}-via@example.com` }] });
  const suppressed = await createPerson(client, {
    name: c('suppressed-name'),
    emails: [{ value: `canary-${lc}-gone@example.com` }],
  });
  const erased = await client.req({
    method: 'DELETE',
    url: `/api/v1/people/${suppressed.id}?suppress=true&reason=${c('suppression-reason')}`,
  });
  const { suppressionId } = (await ok(erased, 'erase with suppression')) as unknown as { suppressionId: string };

  const post = async (url: string, payload: Record<string, unknown>) =>
    ok(await client.req({ method: 'POST', url, payload }), `POST ${url}`);
  const needMain = await post(`/api/v1/people/${main.id}/needs`, { text: `${c('need')} looking for a lawyer` });
  const needDoomed = await post(`/api/v1/people/${main.id}/needs`, { text: c('need-2') });
  const offerMain = await post(`/api/v1/people/${main.id}/offers`, { text: `${c('offer')} tax advice` });
  const offerDoomed = await post(`/api/v1/people/${main.id}/offers`, { text: c('offer-2') });
  const meOffer = await post(`/api/v1/people/${user.selfPersonId}/offers`, { text: c('my-offer') });
  await post(`/api/v1/people/${user.selfPersonId}/needs`, { text: c('my-need') });
  const intMain = await post(`/api/v1/people/${main.id}/interactions`, {
    kind: 'meeting',
    occurredAt: '2026-01-10',
    summary: c('interaction'),
  });
  const intDoomed = await post(`/api/v1/people/${main.id}/interactions`, {
    kind: 'call',
    occurredAt: '2026-02-10',
    summary: c('interaction-2'),
  });
  const relMain = await post(`/api/v1/people/${main.id}/relationships`, {
    otherPersonId: introduced.id,
    strength: 3,
    note: c('relationship-note'),
  });
  const relDoomed = await post(`/api/v1/people/${main.id}/relationships`, {
    otherPersonId: loose.id,
    strength: 1,
    note: c('relationship-note-2'),
  });

  const tok = (await post('/api/v1/tokens', { name: c('token-name') })) as unknown as { token: { id: string }; secret: string };
  const spare = (await post('/api/v1/tokens', { name: c('token-name-2') })) as unknown as {
    token: { id: string };
    secret: string;
  };
  const bearer = (o: InjectOptions) =>
    t.app.inject({ ...o, headers: { authorization: `Bearer ${tok.secret}`, ...(o.headers ?? {}) } });
  // The first use stamps last_used_at; later uses within a minute of the (fixed) test clock do not
  // write, so database snapshots stay stable around token-authenticated calls.
  await ok(await bearer({ method: 'GET', url: '/api/v1/tokens' }), 'token use');

  const intro = async (personBId: string, note: string) =>
    (await post('/api/v1/intros', { personAId: main.id, personBId, note: `${c(note)} why they should meet` })).id;
  const introMain = await intro(introduced.id, 'intro-note');
  const introSendable = await intro('me', 'intro-note-2');
  const introCancellable = await intro(loose.id, 'intro-note-3');
  const introDoomed = await intro(doomed.id, 'intro-note-4');
  const introSent = await intro('me', 'intro-note-5');
  await ok(await client.req({ method: 'POST', url: `/api/v1/intros/${introSent}/send` }), 'send intro');
  const outbox = (await ok(await client.req({ method: 'GET', url: '/api/v1/outbox' }), 'outbox')) as unknown as {
    items: Array<{ id: string; kind: string }>;
  };
  const askVia = async (helper: string, field: string) =>
    (await post('/api/v1/intro-asks', { viaPersonId: via.id, helperPersonId: helper, needText: `${c(field)} an accountant` })).id;
  const askMain = await askVia(introduced.id, 'ask-need');
  const askCancellable = await askVia(loose.id, 'ask-need-2');
  const give = async (field: string) =>
    (await post('/api/v1/gives', { kind: 'advice', description: c(field), recipientIds: [main.id], needId: needMain.id })).id;
  const giveMain = await give('give');
  const giveDoomed = await give('give-2');
  const outcome = async (field: string) =>
    (
      await post(`/api/v1/gives/${giveMain}/outcomes`, {
        kind: 'business',
        note: c(field),
        value: { amountCents: 12345, currency: 'EUR' },
      })
    ).id;
  const outcomeMain = await outcome('outcome');
  const outcomeDoomed = await outcome('outcome-2');
  const received = async (field: string) =>
    (
      await post('/api/v1/received', {
        description: c(field),
        referredById: main.id,
        value: { amountCents: 500, currency: 'EUR' },
      })
    ).id;
  const receivedMain = await received('received');
  const receivedDoomed = await received('received-2');

  const feedbackOf = async (personId: string, verdict: string) =>
    (await post('/api/v1/feedback', { itemKind: 'need', itemId: needMain.id, personId, verdict })).id;
  const learning = {
    feedback: await feedbackOf(loose.id, 'not_relevant'),
    feedbackDoomed: await feedbackOf(introduced.id, 'good'),
    taught: (await post('/api/v1/taught-words', { phrase: `${c('taught')} words`, words: 'tax advice' })).id,
    taughtDoomed: (await post('/api/v1/taught-words', { phrase: `${c('taught-2')} words`, concepts: ['tax.advisor'] })).id,
  };

  // The giving routine: follow-ups due long ago (so they are on Today), a cadence of a person and of a tag.
  const followUpOf = async (field: string) =>
    (await post('/api/v1/follow-ups', { text: c(field), dueOn: '2026-01-02', dueTime: '09:30', personId: main.id })).id;
  const cadenceOf = async (payload: Record<string, unknown>) =>
    (await ok(await client.req({ method: 'PUT', url: '/api/v1/cadences', payload }), 'PUT /api/v1/cadences')).id;
  const routine = {
    followUp: await followUpOf('follow-up'),
    followUpDoomed: await followUpOf('follow-up-2'),
    cadence: await cadenceOf({ personId: main.id, everyDays: 7 }),
    cadenceDoomed: await cadenceOf({ tag: c('tag'), everyDays: 30 }),
  };
  await ok(
    await client.req({ method: 'PATCH', url: '/api/v1/settings/routine', payload: { timeZone: 'Europe/Rome', givingGoal: 4 } }),
    'routine settings',
  );

  const ids = {
    learning,
    routine,
    intros: { main: introMain, sendable: introSendable, cancellable: introCancellable, doomed: introDoomed, sent: introSent },
    outbox: { main: outbox.items.find((m) => m.kind === 'intro_request')?.id ?? '' },
    asks: { main: askMain, cancellable: askCancellable },
    gives: { main: giveMain, doomed: giveDoomed },
    outcomes: { main: outcomeMain, doomed: outcomeDoomed },
    received: { main: receivedMain, doomed: receivedDoomed },
    people: {
      main: main.id,
      introduced: introduced.id,
      doomed: doomed.id,
      loose: loose.id,
      twin: twin.id,
      twinGone: twinGone.id,
      twinToo: twinToo.id,
      via: via.id,
    },
    needs: { main: needMain.id, doomed: needDoomed.id },
    offers: { main: offerMain.id, doomed: offerDoomed.id },
    interactions: { main: intMain.id, doomed: intDoomed.id },
    relationships: { main: relMain.id, doomed: relDoomed.id },
  };
  return {
    ...client,
    label,
    displayName,
    token: tok.secret,
    tokenId: tok.token.id,
    spareTokenId: spare.token.id,
    bearer,
    ...ids,
    meOffer: meOffer.id,
    suppressionId,
    allIds: [
      suppressionId,
      user.id,
      user.selfPersonId,
      tok.token.id,
      spare.token.id,
      meOffer.id,
      ...Object.values(ids).flatMap((group) => Object.values(group)),
    ],
    secrets: [`canary-${lc}`, phoneDigits, tok.secret, spare.secret, client.csrf, client.cookie.split('=')[1] ?? '', password],
  };
}

/** User A (the first account, hence the admin) and user B, each with a canary-filled network. */
export async function buildWorld(t: TestApp): Promise<World> {
  const a = await buildActor(t, 'A', '1111 1111');
  const b = await buildActor(t, 'B', '2222 2222');
  return { a, b };
}

/** Fails when the response carries any canary, secret or id of `victim`. */
export function expectNoLeak(res: LightMyRequestResponse, victim: Actor, context: string): void {
  const text = `${JSON.stringify(res.headers)}\n${res.body}`.toLowerCase();
  for (const s of [...victim.secrets, ...victim.allIds]) {
    if (s && text.includes(s.toLowerCase())) {
      expect.fail(`${context}: the response (${res.statusCode}) contains ${victim.label}'s "${s}":\n${res.body.slice(0, 2000)}`);
    }
  }
}

/** The application tables, found in the database itself (so a new table is covered at once). */
export async function tableNames(t: TestApp): Promise<string[]> {
  const db = t.db.handle.db;
  if (t.db.dialect === 'sqlite') {
    const r = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
    return r.rows.map((x) => x.name);
  }
  const r = await sql<{
    name: string;
  }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
    db,
  );
  return r.rows.map((x) => x.name);
}

/**
 * A logical dump of every table: `select *`, each row as JSON, rows sorted. Two equal snapshots
 * mean that nothing was inserted, updated or deleted anywhere in between.
 */
export async function snapshot(t: TestApp): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const name of await tableNames(t)) {
    const r = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(t.db.handle.db);
    out[name] = r.rows.map((row) => JSON.stringify(Object.entries(row).sort(([x], [y]) => x.localeCompare(y)))).sort();
  }
  return out;
}

/** The rows of every table that mention a user id in any column: that user's part of the database. */
export async function rowsOf(t: TestApp, userId: string): Promise<Record<string, string[]>> {
  const all = await snapshot(t);
  const mine: Record<string, string[]> = {};
  for (const [table, rows] of Object.entries(all)) mine[table] = rows.filter((r) => r.includes(`"${userId}"`));
  return mine;
}

export const randomId = (): string => crypto.randomUUID();

/** Fastify route `/api/v1/people/:id` → OpenAPI path `/api/v1/people/{id}`. */
export const openApiPath = (url: string): string => url.replace(/:([A-Za-z_]+)/g, '{$1}');

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  maxLength?: number;
  maxItems?: number;
  $ref?: string;
  [k: string]: unknown;
}

/**
 * The JSON schema of a route's request body, from the OpenAPI document the server generates from
 * its zod contract (so it is the schema the route validates with), or null for routes without one.
 */
export function requestBodySchema(t: TestApp, route: { method: string; url: string }): JsonSchema | null {
  const doc = t.app.swagger() as unknown as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
    components: { schemas: Record<string, JsonSchema> };
  };
  const op = doc.paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
  let schema: JsonSchema | undefined = op?.requestBody?.content['application/json']?.schema;
  while (schema?.$ref) schema = doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
  return schema ?? null;
}

/** Puts `id` into every path parameter of a route. */
export const fillParams = (url: string, id: string): string => url.replace(/:[A-Za-z_]+/g, id);

/** What every error must look like: the documented shape, JSON, and no internals. */
export function expectErrorShape(
  res: LightMyRequestResponse,
  status: number,
  code?: string,
): { code: string; message: string; details?: Array<{ path: string; message: string }> } {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  const body = res.json<{ error: { code: string; message: string; details?: Array<{ path: string; message: string }> } }>();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error).toEqual({
    code: code ?? expect.any(String),
    message: expect.any(String),
    ...(body.error.details !== undefined ? { details: expect.any(Array) } : {}),
  });
  for (const d of body.error.details ?? []) expect(d).toEqual({ path: expect.any(String), message: expect.any(String) });
  expectNoInternals(res.body);
  return body.error;
}

/** No stack frame, source path or SQL in a response body. */
export function expectNoInternals(body: string): void {
  expect(body).not.toMatch(/\bat [^\n]*\(?[^\s()]+:\d+:\d+\)?/);
  expect(body).not.toMatch(/node_modules|\/src\/|\.ts:\d+/);
  expect(body).not.toMatch(/\b(select|insert into|update \w+ set|delete from)\b/i);
  expect(body).not.toMatch(/SqliteError|SQLITE_|DatabaseError|violates/);
}

/** A user created through the service (no sign-up rate limit), then logged in over HTTP. */
export async function makeUser(
  t: TestApp,
  opts: { email?: string; password?: string; displayName?: string } = {},
): Promise<Client> {
  const email = opts.email ?? `u-${crypto.randomBytes(6).toString('hex')}@example.com`;
  const password = opts.password ?? 'a perfectly fine passphrase';
  await createUser(t.deps, { email, password, displayName: opts.displayName ?? 'Some User', locale: 'en' }, 'admin');
  return login(t, email, password);
}

export async function login(t: TestApp, email: string, password: string, headers: Record<string, string> = {}): Promise<Client> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers });
  if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode}: ${res.body}`);
  const body = res.json<{ user: { id: string; selfPersonId: string }; csrfToken: string }>();
  const client: Client = {
    email,
    password,
    userId: body.user.id,
    selfPersonId: body.user.selfPersonId,
    cookie: cookieFrom(res),
    csrf: body.csrfToken,
    req: (o) => t.app.inject({ ...o, headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, ...(o.headers ?? {}) } }),
  };
  return client;
}

export { signup };

let unique = 0;
const uniqueEmail = (what: string): string => `${what}-${++unique}-${crypto.randomBytes(4).toString('hex')}@example.com`;

/**
 * A valid body for every write route that takes one, for a request made by `owner` on its own
 * objects (ids in bodies are the owner's). Keyed like the route table: `${method} ${url}`.
 * The password change returns a new password: whoever sends it successfully must update `owner.password`.
 */
export const validBodies: Record<string, (owner: Actor) => Record<string, unknown>> = {
  'POST /api/v1/auth/signup': () => ({
    email: uniqueEmail('signup'),
    password: 'a perfectly fine passphrase',
    displayName: 'New User',
    locale: 'en',
  }),
  'POST /api/v1/auth/login': (o) => ({ email: o.email, password: o.password }),
  'PATCH /api/v1/auth/me': () => ({ displayName: 'Renamed User', locale: 'it' }),
  // The tokens of the world outlive a password change: later cases use them.
  'POST /api/v1/auth/password': (o) => ({ currentPassword: o.password, newPassword: `${o.password}+`, revokeTokens: false }),
  'POST /api/v1/admin/users': () => ({
    email: uniqueEmail('admin-made'),
    password: 'a perfectly fine passphrase',
    displayName: 'Made By Admin',
  }),
  'POST /api/v1/tokens': () => ({ name: 'a script' }),
  'POST /api/v1/people': (o) => ({ name: 'New Contact', notes: 'added by a test', introducedById: o.people.main, tags: ['new'] }),
  'PATCH /api/v1/people/:id': (o) => ({
    name: 'Renamed Contact',
    city: 'Torino',
    tags: ['changed'],
    introducedById: o.people.loose,
  }),
  'POST /api/v1/people/:id/needs': () => ({ text: 'Looking for an accountant', status: 'open' }),
  'PATCH /api/v1/needs/:id': () => ({ text: 'Looking for a notary', status: 'satisfied' }),
  'POST /api/v1/people/:id/offers': () => ({ text: 'Offers bookkeeping', language: 'en' }),
  'PATCH /api/v1/offers/:id': () => ({ text: 'Offers payroll', status: 'satisfied' }),
  'POST /api/v1/people/:id/interactions': () => ({ kind: 'call', occurredAt: '2026-03-01T10:00:00Z', summary: 'A short call' }),
  'PATCH /api/v1/interactions/:id': () => ({ kind: 'message', summary: 'Changed summary' }),
  'POST /api/v1/people/:id/relationships': (o) => ({ otherPersonId: o.people.loose, strength: 2, note: 'they know each other' }),
  'PATCH /api/v1/relationships/:id': () => ({ strength: 1, note: 'changed note' }),
  'POST /api/v1/intros': (o) => ({ personAId: o.people.main, personBId: o.people.loose, note: 'They should meet' }),
  'POST /api/v1/intro-asks': (o) => ({
    viaPersonId: o.people.via,
    helperPersonId: o.people.main,
    forPersonId: o.people.introduced,
    needText: 'Looking for an accountant',
  }),
  'POST /api/v1/intro-asks/draft': (o) => ({
    viaPersonId: o.people.via,
    helperPersonId: o.people.main,
    forPersonId: o.people.introduced,
    needText: 'Looking for an accountant',
  }),
  'PATCH /api/v1/intros/:id': () => ({ note: 'A better reason', b: { language: 'it' } }),
  'POST /api/v1/gives': (o) => ({ kind: 'advice', description: 'Some advice', recipientIds: [o.people.main] }),
  'PATCH /api/v1/gives/:id': (o) => ({ description: 'Changed give', recipientIds: [o.people.loose] }),
  'POST /api/v1/gives/:id/outcomes': () => ({ kind: 'thanked', note: 'They said thanks' }),
  'POST /api/v1/received': (o) => ({ description: 'A new client', referredById: o.people.main }),
  'PATCH /api/v1/received/:id': () => ({ description: 'Changed record', value: { amountCents: 100, currency: 'EUR' } }),
  'POST /api/v1/people/:id/merge': (o) => ({ otherId: o.people.twinGone }),
  'POST /api/v1/duplicates/merge': (o) => ({ pairs: [{ a: o.people.twin, b: o.people.twinToo }] }),
  'DELETE /api/v1/me': (o) => ({ password: o.password }),
  'POST /api/v1/feedback': (o) => ({ itemKind: 'need', itemId: o.needs.main, personId: o.people.loose, verdict: 'good' }),
  'POST /api/v1/taught-words': () => ({ phrase: 'quelli del gestionale', concepts: ['data.erp'] }),
  'PATCH /api/v1/taught-words/:id': () => ({ words: 'lawyer' }),
  'POST /api/v1/today/states': () => ({ key: 'birthday:not-a-person:2026', state: 'dismissed' }),
  'PATCH /api/v1/settings/routine': () => ({ weekStart: 7, digestHour: 9 }),
  'PUT /api/v1/cadences': () => ({ tag: 'clients', everyDays: 30 }),
  'POST /api/v1/follow-ups': () => ({ text: 'Call back', dueOn: '2026-04-01' }),
  'PATCH /api/v1/follow-ups/:id': () => ({ text: 'Call back soon', done: true }),
  'POST /api/v1/people/:id/log': () => ({
    kind: 'coffee',
    summary: 'Coffee',
    nextStep: { text: 'Send the deck', dueOn: '2026-04-02' },
  }),
  'POST /api/v1/one-to-ones/proposal': () => ({ answers: { lookingFor: 'a lawyer', skills: 'tax advice' } }),
  'POST /api/v1/people/:id/one-to-ones': () => ({
    answers: { lookingFor: 'a lawyer' },
    needs: [{ text: 'a lawyer' }],
    nextStep: { text: 'Introduce them', dueOn: '2026-04-03' },
  }),
};

/**
 * The owner's object each id route is exercised on. Destructive routes get objects nothing else
 * needs, so that every positive control can run once, in any order.
 */
export const ownerIds: Record<string, (o: Actor) => string> = {
  'DELETE /api/v1/tokens/:id': (o) => o.spareTokenId,
  'GET /api/v1/people/:id': (o) => o.people.main,
  'PATCH /api/v1/people/:id': (o) => o.people.main,
  'DELETE /api/v1/people/:id': (o) => o.people.doomed,
  'POST /api/v1/people/:id/needs': (o) => o.people.main,
  'GET /api/v1/needs/:id': (o) => o.needs.main,
  'PATCH /api/v1/needs/:id': (o) => o.needs.main,
  'DELETE /api/v1/needs/:id': (o) => o.needs.doomed,
  'POST /api/v1/people/:id/offers': (o) => o.people.main,
  'GET /api/v1/offers/:id': (o) => o.offers.main,
  'PATCH /api/v1/offers/:id': (o) => o.offers.main,
  'DELETE /api/v1/offers/:id': (o) => o.offers.doomed,
  'POST /api/v1/people/:id/interactions': (o) => o.people.main,
  'PATCH /api/v1/interactions/:id': (o) => o.interactions.main,
  'DELETE /api/v1/interactions/:id': (o) => o.interactions.doomed,
  'POST /api/v1/people/:id/relationships': (o) => o.people.introduced,
  'PATCH /api/v1/relationships/:id': (o) => o.relationships.main,
  'DELETE /api/v1/relationships/:id': (o) => o.relationships.doomed,
  'GET /api/v1/people/:id/value-finder': (o) => o.people.main,
  'GET /api/v1/intros/:id': (o) => o.intros.main,
  'PATCH /api/v1/intros/:id': (o) => o.intros.main,
  'DELETE /api/v1/intros/:id': (o) => o.intros.doomed,
  'POST /api/v1/intros/:id/send': (o) => o.intros.sendable,
  'POST /api/v1/intros/:id/cancel': (o) => o.intros.cancellable,
  'GET /api/v1/outbox/:id': (o) => o.outbox.main,
  'POST /api/v1/outbox/:id/retry': (o) => o.outbox.main,
  'GET /api/v1/intro-asks/:id': (o) => o.asks.main,
  'POST /api/v1/intro-asks/:id/cancel': (o) => o.asks.cancellable,
  'GET /api/v1/gives/:id': (o) => o.gives.main,
  'PATCH /api/v1/gives/:id': (o) => o.gives.main,
  'DELETE /api/v1/gives/:id': (o) => o.gives.doomed,
  'POST /api/v1/gives/:id/outcomes': (o) => o.gives.main,
  'DELETE /api/v1/outcomes/:id': (o) => o.outcomes.doomed,
  'GET /api/v1/received/:id': (o) => o.received.main,
  'PATCH /api/v1/received/:id': (o) => o.received.main,
  'DELETE /api/v1/received/:id': (o) => o.received.doomed,
  'POST /api/v1/people/:id/merge': (o) => o.people.twin,
  'DELETE /api/v1/suppressions/:id': (o) => o.suppressionId,
  'DELETE /api/v1/feedback/:id': (o) => o.learning.feedbackDoomed,
  'PATCH /api/v1/taught-words/:id': (o) => o.learning.taught,
  'DELETE /api/v1/taught-words/:id': (o) => o.learning.taughtDoomed,
  'DELETE /api/v1/cadences/:id': (o) => o.routine.cadenceDoomed,
  'GET /api/v1/follow-ups/:id': (o) => o.routine.followUp,
  'PATCH /api/v1/follow-ups/:id': (o) => o.routine.followUp,
  'DELETE /api/v1/follow-ups/:id': (o) => o.routine.followUpDoomed,
  'POST /api/v1/people/:id/log': (o) => o.people.main,
  'POST /api/v1/people/:id/one-to-ones': (o) => o.people.main,
};
