/**
 * The private calendar feed through the API and its public URL, on both dialects, read back by a
 * maintained iCalendar parser (ical.js) and checked against the RFC 5545 rules a parser forgives:
 * follow-ups at their time in the user's zone (DST included), all-day keep-in-touch dates and
 * birthdays, stable UIDs, a user who changes zone, revoking and regenerating, another user's data
 * never in my feed, and the token never in a log line.
 */
import { Writable } from 'node:stream';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { CalendarFeedCreated, CalendarFeedState, FollowUp } from '#shared/api/routine.ts';
import { appPerSuite, createPerson, signup, type Client, type TestApp } from '#test/helpers/app.ts';
import { createTestDb, dialects } from '#test/helpers/test-db.ts';
import { buildApp, loggerOptions } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { sha256 } from '../../lib/ids.ts';

async function call<T>(
  c: Client,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
): Promise<T> {
  const r = await c.req({ method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
  return r.json<T>();
}

let users = 0;
async function newUser(t: TestApp, opts: { zone?: string; locale?: 'it' | 'en' } = {}): Promise<Client> {
  users++;
  const c = await signup(t.app, { remoteAddress: `10.2.${users >> 8}.${users & 255}`, locale: opts.locale ?? 'it' });
  await call(c, 'PATCH', '/api/v1/settings/routine', { timeZone: opts.zone ?? 'Europe/Rome' });
  return c;
}

async function makeFeed(c: Client): Promise<string> {
  const r = await c.req({ method: 'POST', url: '/api/v1/calendar/feed' });
  expect(r.statusCode, r.body).toBe(201);
  return r.json<CalendarFeedCreated>().url;
}

const pathOf = (url: string) => new URL(url).pathname;

function events(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe.each(dialects())('the calendar feed on %s', (dialect) => {
  const t = appPerSuite(dialect, { at: '2027-03-20T10:00:00Z' });

  const fetchFeed = (url: string) => t.app.inject({ method: 'GET', url: pathOf(url) });

  it('a private URL shown once: follow-ups at their time, one-to-ones, keep-in-touch due dates and birthdays, in Italian', async () => {
    const c = await newUser(t);
    expect(await call<CalendarFeedState>(c, 'GET', '/api/v1/calendar/feed')).toEqual({ active: false, createdAt: null });
    const url = await makeFeed(c);
    expect(url).toMatch(/^http:\/\/rete\.test\/cal\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = /\/cal\/([^/]+)\.ics$/.exec(url)?.[1] ?? '';
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(await call<CalendarFeedState>(c, 'GET', '/api/v1/calendar/feed')).toEqual({
      active: true,
      createdAt: t.clock.now.toISOString(),
    });
    // Only the hash is stored; the URL is in no answer after the first.
    const stored = await t.db.handle.db.selectFrom('calendar_tokens').selectAll().where('user_id', '=', c.userId).execute();
    expect(stored).toEqual([{ user_id: c.userId, token_hash: sha256(token), created_at: t.clock.now.toISOString() }]);
    expect(JSON.stringify(await call(c, 'GET', '/api/v1/calendar/feed'))).not.toContain(token);

    const laura = await createPerson(c, { name: 'Laura Bianchi, Studio; "Rossi"' });
    const marco = await createPerson(c, { name: 'Marco Neri' });
    const zeno = await createPerson(c, { name: 'Zeno Bisestile' });
    const timed = await call<FollowUp>(c, 'POST', '/api/v1/follow-ups', {
      text: 'mandare il preventivo, con lo sconto; chiedere\ndella fattura',
      dueOn: '2027-03-24',
      dueTime: '15:30',
      personId: laura.id,
    });
    const allDay = await call<FollowUp>(c, 'POST', '/api/v1/follow-ups', { text: 'richiamare', dueOn: '2027-03-25' });
    const oneToOne = await call<FollowUp>(c, 'POST', '/api/v1/follow-ups', {
      text: 'GAINS',
      dueOn: '2027-04-02',
      dueTime: '10:00',
      kind: 'one_to_one',
      personId: marco.id,
    });
    const done = await call<FollowUp>(c, 'POST', '/api/v1/follow-ups', { text: 'fatto', dueOn: '2027-03-21' });
    await call(c, 'PATCH', `/api/v1/follow-ups/${done.id}`, { done: true });
    // Marco: every 10 days, last contact a call on 18 March → due 28 March. Laura: every 30 days, never contacted: from today.
    await call(c, 'POST', `/api/v1/people/${marco.id}/interactions`, { kind: 'call', occurredAt: '2027-03-18T17:00:00Z' });
    await call(c, 'PUT', '/api/v1/cadences', { personId: marco.id, everyDays: 10 });
    await call(c, 'PUT', '/api/v1/cadences', { personId: laura.id, everyDays: 30 });
    await t.db.handle.db.updateTable('people').set({ birthday: '1984-02-29' }).where('id', '=', zeno.id).execute();
    await t.db.handle.db.updateTable('people').set({ birthday: '--12-25' }).where('id', '=', laura.id).execute();

    const res = await fetchFeed(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    const ics = res.body;
    const byUid = new Map(events(ics).map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual(
      [
        `follow-up-${timed.id}@rete`,
        `follow-up-${allDay.id}@rete`,
        `one-to-one-${oneToOne.id}@rete`,
        `keep-in-touch-${marco.id}@rete`,
        `keep-in-touch-${laura.id}@rete`,
        `birthday-${zeno.id}@rete`,
        `birthday-${laura.id}@rete`,
      ].sort(),
    );

    const f = byUid.get(`follow-up-${timed.id}@rete`);
    expect(f?.summary).toBe('Laura Bianchi, Studio; "Rossi": mandare il preventivo, con lo sconto; chiedere\ndella fattura');
    // 15:30 in Rome (CET before the change on 28 March) is 14:30 UTC; 30 minutes.
    expect(f?.startDate.toJSDate().toISOString()).toBe('2027-03-24T14:30:00.000Z');
    expect(f?.endDate.toJSDate().toISOString()).toBe('2027-03-24T15:00:00.000Z');
    expect(f?.component.getFirstPropertyValue('url')).toBe(`http://rete.test/people/${laura.id}`);

    const a = byUid.get(`follow-up-${allDay.id}@rete`);
    expect(a?.summary).toBe('richiamare');
    expect(a?.startDate.isDate).toBe(true);
    expect(a?.startDate.toString()).toBe('2027-03-25');
    expect(a?.endDate.toString()).toBe('2027-03-26');

    const o = byUid.get(`one-to-one-${oneToOne.id}@rete`);
    expect(o?.summary).toBe('One-to-one con Marco Neri');
    // 10:00 in Rome in summer time is 08:00 UTC; an hour.
    expect(o?.startDate.toJSDate().toISOString()).toBe('2027-04-02T08:00:00.000Z');
    expect(o?.endDate.toJSDate().toISOString()).toBe('2027-04-02T09:00:00.000Z');

    const k = byUid.get(`keep-in-touch-${marco.id}@rete`);
    expect(k?.summary).toBe('Sentire Marco Neri');
    expect(k?.startDate.isDate).toBe(true);
    expect(k?.startDate.toString()).toBe('2027-03-28');
    expect(k?.description).toContain('ogni 10 giorni');
    expect(byUid.get(`keep-in-touch-${laura.id}@rete`)?.startDate.toString()).toBe('2027-04-19');

    // Birthdays: yearly; 29 February on the 28th in common years; a birthday without a year.
    const z = byUid.get(`birthday-${zeno.id}@rete`);
    expect(z?.summary).toBe('Compleanno di Zeno Bisestile');
    const it = z?.iterator();
    const days = [1, 2, 3, 4, 5].map(() => it?.next()?.toString());
    expect(days).toEqual(['1984-02-29', '1985-02-28', '1986-02-28', '1987-02-28', '1988-02-29']);
    const xmas = byUid.get(`birthday-${laura.id}@rete`);
    expect(xmas?.isRecurring()).toBe(true);
    expect(xmas?.startDate.toString()).toBe('2000-12-25');

    // The RFC's rules: CRLF, lines of at most 75 octets, escapes, a DTSTAMP from the clock.
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      'SUMMARY:Laura Bianchi\\, Studio\\; "Rossi": mandare il preventivo\\, con lo sconto\\; chiedere\\ndella fattura',
    );
    expect(unfolded).toContain('DTSTAMP:20270320T100000Z');

    // Marked done on Today, a keep-in-touch occasion leaves the feed; the next one will come back.
    await call(c, 'POST', '/api/v1/today/states', { key: `keep_in_touch:${marco.id}:2027-03-28`, state: 'done' });
    const after = events((await fetchFeed(url)).body).map((e) => e.uid);
    expect(after).not.toContain(`keep-in-touch-${marco.id}@rete`);
    expect(after).toContain(`keep-in-touch-${laura.id}@rete`);
  });

  it('UIDs stay the same across fetches and changes; DTSTAMP follows the clock', async () => {
    const c = await newUser(t);
    const url = await makeFeed(c);
    const p = await createPerson(c, { name: 'Paola Verdi' });
    const f = await call<FollowUp>(c, 'POST', '/api/v1/follow-ups', { text: 'x', dueOn: '2027-03-22', personId: p.id });
    const first = await fetchFeed(url);
    const again = await fetchFeed(url);
    expect(again.body).toBe(first.body);
    // The follow-up moves: the same event (UID), at its new day.
    await call(c, 'PATCH', `/api/v1/follow-ups/${f.id}`, { dueOn: '2027-03-29', dueTime: '09:00' });
    t.clock.now = new Date(t.clock.now.getTime() + 3_600_000);
    try {
      const moved = events((await fetchFeed(url)).body);
      expect(moved.map((e) => e.uid)).toEqual([`follow-up-${f.id}@rete`]);
      expect(moved[0]?.startDate.toJSDate().toISOString()).toBe('2027-03-29T07:00:00.000Z');
      expect((await fetchFeed(url)).body).toContain('DTSTAMP:20270320T110000Z');
    } finally {
      t.clock.now = new Date(t.clock.now.getTime() - 3_600_000);
    }
  });

  it('daylight saving: 09:00 in Rome on the last Sunday of March and of October is 07:00Z and 08:00Z', async () => {
    const c = await newUser(t);
    const url = await makeFeed(c);
    const spring = await call<FollowUp>(c, 'POST', '/api/v1/follow-ups', {
      text: 'primavera',
      dueOn: '2027-03-28',
      dueTime: '09:00',
    });
    const autumn = await call<FollowUp>(c, 'POST', '/api/v1/follow-ups', {
      text: 'autunno',
      dueOn: '2027-10-31',
      dueTime: '09:00',
    });
    // 02:30 on the night clocks go forward does not exist: it moves forward by the gap (03:30 CEST = 01:30Z).
    const gap = await call<FollowUp>(c, 'POST', '/api/v1/follow-ups', { text: 'buco', dueOn: '2027-03-28', dueTime: '02:30' });
    const byUid = new Map(events((await fetchFeed(url)).body).map((e) => [e.uid, e]));
    expect(byUid.get(`follow-up-${spring.id}@rete`)?.startDate.toJSDate().toISOString()).toBe('2027-03-28T07:00:00.000Z');
    expect(byUid.get(`follow-up-${autumn.id}@rete`)?.startDate.toJSDate().toISOString()).toBe('2027-10-31T08:00:00.000Z');
    expect(byUid.get(`follow-up-${gap.id}@rete`)?.startDate.toJSDate().toISOString()).toBe('2027-03-28T01:30:00.000Z');
  });

  it('a user who travels: the same follow-up at 09:00 of their new zone, the same event', async () => {
    const c = await newUser(t, { locale: 'en' });
    const url = await makeFeed(c);
    const f = await call<FollowUp>(c, 'POST', '/api/v1/follow-ups', { text: 'call back', dueOn: '2027-04-05', dueTime: '09:00' });
    const p = await createPerson(c, { name: 'Nora Smith' });
    await call(c, 'POST', `/api/v1/people/${p.id}/interactions`, { kind: 'call', occurredAt: '2027-03-19T23:30:00Z' });
    await call(c, 'PUT', '/api/v1/cadences', { personId: p.id, everyDays: 7 });
    const rome = new Map(events((await fetchFeed(url)).body).map((e) => [e.uid, e]));
    expect(rome.get(`follow-up-${f.id}@rete`)?.startDate.toJSDate().toISOString()).toBe('2027-04-05T07:00:00.000Z');
    // The call at 00:30 of 20 March in Rome was on the 19th in New York: the cadence runs out a day earlier there.
    expect(rome.get(`keep-in-touch-${p.id}@rete`)?.startDate.toString()).toBe('2027-03-27');
    expect(rome.get(`keep-in-touch-${p.id}@rete`)?.summary).toBe('Get in touch with Nora Smith');
    await call(c, 'PATCH', '/api/v1/settings/routine', { timeZone: 'America/New_York' });
    const ny = new Map(events((await fetchFeed(url)).body).map((e) => [e.uid, e]));
    expect(ny.get(`follow-up-${f.id}@rete`)?.startDate.toJSDate().toISOString()).toBe('2027-04-05T13:00:00.000Z');
    expect(ny.get(`keep-in-touch-${p.id}@rete`)?.startDate.toString()).toBe('2027-03-26');
    expect([...ny.keys()].sort()).toEqual([...rome.keys()].sort());
  });

  it('revoked, regenerated, wrong or malformed: 404 exactly like a path no route serves', async () => {
    const c = await newUser(t);
    const first = await makeFeed(c);
    expect((await fetchFeed(first)).statusCode).toBe(200);
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-route' });
    expect(missing.statusCode).toBe(404);
    const expectMissing = async (path: string) => {
      const r = await t.app.inject({ method: 'GET', url: path });
      expect(r.statusCode, path).toBe(404);
      expect(r.body, path).toBe(missing.body);
      expect(r.headers['content-type'], path).toBe(missing.headers['content-type']);
      expect(r.headers['content-length'], path).toBe(missing.headers['content-length']);
    };
    // Regenerate: the old URL stops working, the new one works.
    const second = await makeFeed(c);
    expect(second).not.toBe(first);
    await expectMissing(pathOf(first));
    expect((await fetchFeed(second)).statusCode).toBe(200);
    // Wrong and malformed tokens.
    const token = /\/cal\/([^/]+)\.ics$/.exec(second)?.[1] ?? '';
    await expectMissing(`/cal/${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}.ics`);
    await expectMissing(`/cal/${token.slice(1)}.ics`);
    await expectMissing(`/cal/${sha256(token)}.ics`);
    await expectMissing('/cal/.ics');
    await expectMissing(`/cal/${token}%00.ics`);
    // Revoke: 404; revoking again is no error.
    await call(c, 'DELETE', '/api/v1/calendar/feed');
    await expectMissing(pathOf(second));
    await call(c, 'DELETE', '/api/v1/calendar/feed');
    expect(await call<CalendarFeedState>(c, 'GET', '/api/v1/calendar/feed')).toEqual({ active: false, createdAt: null });
    // A session does not open a feed: the token is the only credential.
    const r = await c.req({ method: 'GET', url: pathOf(second) });
    expect(r.statusCode).toBe(404);
    // Logged out, the feed's API answers 401.
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      expect((await t.app.inject({ method, url: '/api/v1/calendar/feed' })).statusCode).toBe(401);
    }
  });

  it("another user's data never appears in my feed (canaries)", async () => {
    const a = await newUser(t);
    const b = await newUser(t);
    const pa = await createPerson(a, { name: 'CANARY-A-person' });
    await call(a, 'POST', '/api/v1/follow-ups', { text: 'CANARY-A-follow-up', dueOn: '2027-03-22', personId: pa.id });
    await call(a, 'PUT', '/api/v1/cadences', { personId: pa.id, everyDays: 5 });
    await t.db.handle.db.updateTable('people').set({ birthday: '1990-05-05' }).where('id', '=', pa.id).execute();
    const pb = await createPerson(b, { name: 'Bea Mine' });
    await call(b, 'POST', '/api/v1/follow-ups', { text: 'my own', dueOn: '2027-03-22', personId: pb.id });
    const urlA = await makeFeed(a);
    const urlB = await makeFeed(b);
    const feedA = (await fetchFeed(urlA)).body;
    const feedB = (await fetchFeed(urlB)).body;
    expect(feedA).toContain('CANARY-A-follow-up');
    expect(feedA.replace(/\r\n /g, '')).toContain(pa.id);
    expect(feedB).not.toMatch(/canary/i);
    expect(feedB.replace(/\r\n /g, '')).not.toContain(pa.id);
    expect(events(feedB).map((e) => e.summary)).toEqual(['Bea Mine: my own']);
    // B's POST and DELETE never touch A's feed.
    await call(b, 'DELETE', '/api/v1/calendar/feed');
    expect((await fetchFeed(urlA)).statusCode).toBe(200);
  });

  it('is rate-limited per address like the other links', async () => {
    const c = await newUser(t);
    const url = await makeFeed(c);
    const limit = t.deps.config.intros.linkRateLimitPerMinute;
    const codes: number[] = [];
    for (let i = 0; i < Math.min(limit, 200) + 2; i++) {
      codes.push((await t.app.inject({ method: 'GET', url: pathOf(url), remoteAddress: '10.9.9.9' })).statusCode);
    }
    if (limit <= 200) expect(codes.slice(-2)).toEqual([429, 429]);
    expect(codes[0]).toBe(200);
  });
});

describe.each(dialects())('the calendar feed in the logs on %s', (dialect) => {
  it('its token never appears in a log line, at any level', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const db = await createTestDb(dialect);
    const config = loadConfig({
      NODE_ENV: 'test',
      PUBLIC_BASE_URL: 'http://rete.test',
      RATE_LIMIT_PER_MINUTE: '100000',
      LOG_LEVEL: 'trace',
    });
    const { app } = await buildApp({
      db: db.handle.db,
      dialect,
      config,
      logger: { ...(loggerOptions('trace') as object), stream },
    });
    try {
      const c = await signup(app);
      const made = await c.req({ method: 'POST', url: '/api/v1/calendar/feed' });
      const url = made.json<CalendarFeedCreated>().url;
      const token = /\/cal\/([^/]+)\.ics$/.exec(url)?.[1] ?? '';
      expect((await app.inject({ method: 'GET', url: pathOf(url) })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: `${pathOf(url)}?x=1` })).statusCode).toBe(200);
      await c.req({ method: 'DELETE', url: '/api/v1/calendar/feed' });
      expect((await app.inject({ method: 'GET', url: pathOf(url) })).statusCode).toBe(404);
      expect((await app.inject({ method: 'HEAD', url: pathOf(url) })).statusCode).toBe(404);
      expect(lines.length).toBeGreaterThan(10);
      const all = lines.join('\n');
      expect(all).not.toContain(token);
      expect(all).not.toContain(token.slice(0, 20));
      expect(all).toContain('/cal/[token].ics');
    } finally {
      await app.close();
      await db.destroy();
    }
  });
});
