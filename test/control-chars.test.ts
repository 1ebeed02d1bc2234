/**
 * Control characters in what people write (issue: NUL answered 500 on PostgreSQL and was stored on
 * SQLite). One rule on both dialects, at the contract: every free text of every write route
 * refuses C0 controls but tab and line breaks, DEL and C1 with a 400 naming the field, and
 * one-line texts refuse line breaks too. The free texts are found in each route's own request
 * schema (the OpenAPI document built from the zod contract), so a new field is probed as soon as it
 * exists, and a field left as a bare string fails the coverage check.
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

/** Passwords are hashed, never stored or shown as text: any character is allowed in them. */
const EXEMPT = new Set(['password', 'currentPassword', 'newPassword']);

/** The characters probed: NUL, ESC (terminal sequences), DEL, C1 CSI, vertical tab. */
const CONTROLS = ['\u0000', '\u001b', '\u007f', '\u009b', '\u000b'];

const person = {
  name: 'Anna Verdi',
  company: 'Verdi srl',
  role: 'Architect',
  city: 'Torino',
  country: 'Italia',
  notes: 'Met at the fair',
  howMet: 'Through Luca',
  birthday: '1984-02-29',
  emails: [{ value: 'anna.verdi@example.com', label: 'work' }],
  phones: [{ value: '+39 011 123456', label: 'mobile' }],
  links: [{ value: 'https://example.com/anna', label: 'site' }],
  tags: ['clients'],
  legalBasisNote: 'She asked to be kept in touch',
};
const message = { subject: 'Meet Anna', body: 'I think you should meet.' };

/** Bodies that hold every free text of a route, where the valid bodies of the world leave some out. */
const answers = {
  goals: 'open an office in Milan',
  achievements: 'a new client',
  interests: 'sailing',
  networks: 'Rotary',
  skills: 'SEO',
  goodIntroduction: 'marketing managers',
  lookingFor: 'a lawyer',
};
const fuller: Record<string, (o: Actor) => Record<string, unknown>> = {
  'PATCH /api/v1/settings/routine': () => ({ timeZone: 'Europe/Rome', weekStart: 1 }),
  'POST /api/v1/one-to-ones/proposal': () => ({ answers }),
  'POST /api/v1/people/:id/one-to-ones': () => ({
    answers,
    needs: [{ text: 'a lawyer' }],
    offers: [{ text: 'SEO audits' }],
    nextStep: { text: 'Introduce them', dueOn: '2026-04-03', dueTime: '09:00' },
  }),
  'POST /api/v1/follow-ups': () => ({ text: 'Call back', dueOn: '2026-04-01', dueTime: '09:00' }),
  'PATCH /api/v1/follow-ups/:id': () => ({ text: 'Call back soon', dueTime: '10:30' }),
  'POST /api/v1/people/:id/log': () => ({
    kind: 'coffee',
    summary: 'Coffee',
    nextStep: { text: 'Send the deck', dueOn: '2026-04-02', dueTime: '08:15' },
  }),
  'POST /api/v1/people': () => ({ ...person, needs: [{ text: 'a new website' }], offers: [{ text: 'building design' }] }),
  'PATCH /api/v1/people/:id': () => person,
  'POST /api/v1/intros': (o) => ({
    personAId: o.people.main,
    personBId: o.people.loose,
    note: 'They should meet',
    a: { ...message },
    b: { ...message },
  }),
  'PATCH /api/v1/intros/:id': () => ({ note: 'A better reason', a: { ...message }, b: { ...message } }),
  'POST /api/v1/intro-asks': (o) => ({
    viaPersonId: o.people.via,
    helperPersonId: o.people.main,
    needText: 'Looking for an accountant',
    why: 'she does the books of half the town',
    ...message,
  }),
  'POST /api/v1/intro-asks/draft': (o) => ({
    viaPersonId: o.people.via,
    helperPersonId: o.people.main,
    needText: 'Looking for an accountant',
    why: 'she does the books of half the town',
  }),
  'POST /api/v1/received': (o) => ({
    description: 'A new client',
    referredById: o.people.main,
    value: { amountCents: 100, currency: 'EUR' },
  }),
  'POST /api/v1/gives/:id/outcomes': () => ({
    kind: 'business',
    note: 'They signed',
    value: { amountCents: 100, currency: 'EUR' },
  }),
  'POST /api/v1/feedback': (o) => ({ itemKind: 'ask', ask: 'cerco un avvocato', personId: o.people.loose, verdict: 'good' }),
  'POST /api/v1/taught-words': () => ({ phrase: 'quelli del gestionale', words: 'software gestionale', concepts: ['data.erp'] }),
  'PATCH /api/v1/taught-words/:id': () => ({ phrase: 'quelli del gestionale', words: 'lawyer', concepts: ['data.erp'] }),
};

type Doc = { components: { schemas: Record<string, JsonSchema> } };

/**
 * The paths of every free text in a request schema: strings that are not an enum, a constant, or
 * of a format (ids, emails, dates cannot hold a control character by construction). Array items
 * are written `0`, as the error paths name them.
 */
function freeTexts(doc: Doc, schema: JsonSchema, at: string[] = []): string[][] {
  let s = schema;
  while (s.$ref) s = doc.components.schemas[s.$ref.replace('#/components/schemas/', '')] as JsonSchema;
  const out: string[][] = [];
  for (const branch of s.anyOf ?? []) out.push(...freeTexts(doc, branch, at));
  for (const branch of (s.allOf as JsonSchema[] | undefined) ?? []) out.push(...freeTexts(doc, branch, at));
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.includes('string') && s.enum === undefined && s.const === undefined && s.format === undefined) out.push(at);
  if (types.includes('array') && s.items) out.push(...freeTexts(doc, s.items, [...at, '0']));
  for (const [k, p] of Object.entries(s.properties ?? {})) if (!EXEMPT.has(k)) out.push(...freeTexts(doc, p, [...at, k]));
  const seen = new Set<string>();
  return out.filter((p) => !seen.has(p.join('.')) && seen.add(p.join('.')));
}

function getAt(body: unknown, path: string[]): unknown {
  let v = body;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

function setAt(body: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  let v: Record<string, unknown> = copy;
  for (const k of path.slice(0, -1)) v = v[k] as Record<string, unknown>;
  v[path[path.length - 1] as string] = value;
  return copy;
}

describe.each(dialects())('control characters in what people write on %s', (dialect) => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await buildWorld(t);
  });
  afterAll(async () => t.close());

  function send(route: RouteInfo, payload: unknown): Promise<LightMyRequestResponse> {
    const id = ownerIds[keyOf(route)]?.(w.a) ?? randomId();
    const opts: InjectOptions = {
      method: route.method,
      url: fillParams(route.url, id),
      payload: payload as InjectOptions['payload'],
    };
    return route.access === 'public' ? t.app.inject(opts) : w.a.req(opts);
  }

  it('refuses NUL, ESC, DEL, C1 and VT in every free text of every write route, naming the field, and writes nothing', async () => {
    const doc = t.app.swagger() as unknown as Doc;
    const before = await snapshot(t);
    const probed: string[] = [];
    for (const key of Object.keys(validBodies)) {
      const route = t.routes.find((r) => keyOf(r) === key);
      if (!route) continue;
      const schema = requestBodySchema(t, route);
      if (!schema) continue;
      const body = (fuller[key] ?? validBodies[key])?.(w.a) as Record<string, unknown>;
      const fields = freeTexts(doc, schema);
      const uncovered = fields.filter((p) => typeof getAt(body, p) !== 'string').map((p) => p.join('.'));
      expect(uncovered, `${key}: free texts the probe body leaves out (add them to \`fuller\`)`).toEqual([]);
      for (const path of fields) {
        const field = path.join('.');
        const valid = getAt(body, path) as string;
        for (const c of CONTROLS) {
          const payload = setAt(body, path, `${valid.slice(0, 1)}${c}${valid.slice(1)}`);
          const res = await send(route, payload);
          const label = `${key} ${field} with U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
          expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(400);
          const err = expectErrorShape(res, 400, 'validation_failed');
          expect(
            (err.details ?? []).map((d) => d.path),
            `${label}: ${JSON.stringify(err.details)}`,
          ).toEqual([field]);
        }
        probed.push(`${key} ${field}`);
      }
    }
    // The fields the issue names, among all those probed.
    for (const f of [
      'POST /api/v1/people name',
      'POST /api/v1/people notes',
      'POST /api/v1/people tags.0',
      'POST /api/v1/people company',
      'POST /api/v1/people needs.0.text',
      'POST /api/v1/people offers.0.text',
      'POST /api/v1/people/:id/needs text',
      'POST /api/v1/people/:id/offers text',
      'POST /api/v1/people/:id/interactions summary',
      'POST /api/v1/people/:id/relationships note',
      'POST /api/v1/gives description',
      'POST /api/v1/received description',
      'POST /api/v1/tokens name',
      'PATCH /api/v1/auth/me displayName',
      'POST /api/v1/auth/signup displayName',
      'POST /api/v1/intros note',
      'POST /api/v1/intros a.subject',
      'POST /api/v1/intro-asks needText',
      'POST /api/v1/feedback ask',
      'POST /api/v1/taught-words phrase',
      'POST /api/v1/taught-words words',
    ]) {
      expect(probed, f).toContain(f);
    }
    expect(probed.length).toBeGreaterThan(60);
    expect(await snapshot(t), 'a refused text wrote something').toEqual(before);
  });

  it('refuses a control character in a text given in the query (a suppression reason, a file name)', async () => {
    const erase = await w.a.req({
      method: 'DELETE',
      url: `/api/v1/people/${w.a.people.loose}?suppress=true&reason=${encodeURIComponent('asked\u0000 to')}`,
    });
    expect(expectErrorShape(erase, 400, 'validation_failed').details?.map((d) => d.path)).toEqual(['querystring.reason']);
    const imp = await w.a.req({
      method: 'POST',
      url: `/api/v1/imports/preview?filename=${encodeURIComponent('a\u001b]0;x.vcf')}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A B\r\nEND:VCARD\r\n'),
    });
    expect(expectErrorShape(imp, 400, 'validation_failed').details?.map((d) => d.path)).toEqual(['querystring.filename']);
  });

  it('keeps tab and line breaks in texts that span lines, and refuses line breaks in one-line texts', async () => {
    const multi = 'first line\n\tsecond line\r\nthird';
    const res = await w.a.req({
      method: 'POST',
      url: '/api/v1/people',
      payload: { name: 'Tab\tName', notes: multi, howMet: multi, needs: [{ text: multi }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json<{ id: string; name: string; notes: string; howMet: string; needs: Array<{ text: string }> }>();
    expect([p.name, p.notes, p.howMet, p.needs[0]?.text]).toEqual(['Tab\tName', multi, multi, multi]);
    const read = await w.a.req({ method: 'GET', url: `/api/v1/people/${p.id}` });
    expect(read.json<{ notes: string }>().notes).toBe(multi);

    const oneLine: Array<[string, InjectOptions, string]> = [
      ['person name', { method: 'POST', url: '/api/v1/people', payload: { name: 'Anna\nVerdi' } }, 'name'],
      ['company', { method: 'POST', url: '/api/v1/people', payload: { name: 'Anna', company: 'Verdi\rsrl' } }, 'company'],
      ['role', { method: 'POST', url: '/api/v1/people', payload: { name: 'Anna', role: 'Archi\u2028tect' } }, 'role'],
      ['city', { method: 'POST', url: '/api/v1/people', payload: { name: 'Anna', city: 'Tor\nino' } }, 'city'],
      ['tag', { method: 'POST', url: '/api/v1/people', payload: { name: 'Anna', tags: ['a\nb'] } }, 'tags.0'],
      [
        'channel label',
        { method: 'POST', url: '/api/v1/people', payload: { name: 'Anna', emails: [{ value: 'a@example.com', label: 'x\ny' }] } },
        'emails.0.label',
      ],
      [
        'link',
        { method: 'POST', url: '/api/v1/people', payload: { name: 'Anna', links: [{ value: 'https://example.com/a\nb' }] } },
        'links.0.value',
      ],
      ['display name', { method: 'PATCH', url: '/api/v1/auth/me', payload: { displayName: 'Me\nYou' } }, 'displayName'],
      ['token name', { method: 'POST', url: '/api/v1/tokens', payload: { name: 'a\nscript' } }, 'name'],
      ['taught phrase', { method: 'POST', url: '/api/v1/taught-words', payload: { phrase: 'a\nb', words: 'lawyer' } }, 'phrase'],
    ];
    for (const [what, opts, field] of oneLine) {
      const r = await w.a.req(opts);
      const err = expectErrorShape(r, 400, 'validation_failed');
      expect(
        err.details?.map((d) => d.path),
        what,
      ).toEqual([field]);
      expect(err.details?.[0]?.message, what).toMatch(/one line/);
    }
  });
});
