/**
 * Asks through a contact, end to end on both dialects: the Value Finder's "through Enrico" becomes
 * one email to Enrico (over a real SMTP server, or to the outbox with none), in his language, with
 * the need, why Stefano and a text to forward; his one-click answer on the public page; what each
 * answer does (the introduction drafted and the help in the ledger, the path no longer proposed,
 * the objection); one reminder, the expiry; the link rules; and nobody else's asks.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { IntroAsk } from '#shared/api/asks.ts';
import type { MatchResults, ValueFinder } from '#shared/api/matching.ts';
import { createPerson, signup } from '#test/helpers/app.ts';
import type { Received } from '#test/helpers/mailbox.ts';
import { dialects } from '#test/helpers/test-db.ts';
import { snapshot } from '#test/helpers/world.ts';
import { sha256 } from '../../lib/ids.ts';
import { escapeHtml } from '../email/sanitize.ts';
import { askAnsweredPage, askAnswerPage } from './asks.texts.ts';
import { DAY, kitPerTest, setup, tokenOf, type Kit } from './intros.testkit.ts';

/** The answer link of an ask's email (its text part). */
function askLinkOf(m: Received | string): string {
  const text = typeof m === 'string' ? m : (m.parsed.text ?? '');
  const found = /(https?:\/\/[^\s]+\/i\/[A-Za-z0-9_-]{43})\?choice=yes/.exec(text);
  if (!found?.[1]) throw new Error(`no ask link in:\n${text}`);
  return found[1];
}

/** Posts an answer as the page's form does. */
function answerAsk(k: Kit, link: string, action: string): Promise<LightMyRequestResponse> {
  const url = new URL(link);
  return k.t.app.inject({
    method: 'POST',
    url: url.pathname,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url.origin, 'sec-fetch-site': 'same-origin' },
    payload: `action=${action}`,
  });
}

interface Net {
  enrico: string;
  stefano: string;
  laura: string;
  lauraNeed: string;
  stefanoOffer: string;
}

const NEED = 'Cerco un commercialista per la dichiarazione dei redditi';
const OFFER = 'Dichiarazione dei redditi e consulenza fiscale per piccole imprese';

/**
 * Me — Enrico (close), Enrico — Stefano; Laura needs an accountant, Stefano offers it. I do not
 * know Stefano: he is reachable through Enrico. Enrico writes Italian, Stefano English.
 */
async function network(k: Kit, opts: { enricoEmail?: string | null } = {}): Promise<Net> {
  const u = k.user;
  const enricoEmail = opts.enricoEmail === undefined ? 'enrico@example.it' : opts.enricoEmail;
  const enrico = await k.person({
    name: 'Enrico Farina',
    language: 'it',
    ...(enricoEmail ? { emails: [{ value: enricoEmail }] } : {}),
  });
  const stefano = await createPerson(u, {
    name: 'Stefano Galli',
    role: 'Commercialista',
    company: 'Studio Galli',
    language: 'en',
    emails: [{ value: 'stefano@example.com' }],
    offers: [{ text: OFFER }],
  });
  const laura = await createPerson(u, {
    name: 'Laura Rossi',
    language: 'it',
    emails: [{ value: 'laura@example.it' }],
    needs: [{ text: NEED }],
  });
  for (const [from, to, strength] of [
    [u.selfPersonId, enrico, 3],
    [enrico, stefano.id, 2],
  ] as const) {
    const r = await u.req({
      method: 'POST',
      url: `/api/v1/people/${from}/relationships`,
      payload: { otherPersonId: to, strength },
    });
    expect(r.statusCode, r.body).toBe(201);
  }
  const detail = async (id: string) =>
    (await u.req({ method: 'GET', url: `/api/v1/people/${id}` })).json<{
      needs: Array<{ id: string }>;
      offers: Array<{ id: string }>;
    }>();
  return {
    enrico,
    stefano: stefano.id,
    laura: laura.id,
    lauraNeed: (await detail(laura.id)).needs[0]?.id ?? '',
    stefanoOffer: (await detail(stefano.id)).offers[0]?.id ?? '',
  };
}

async function ask(k: Kit, body: Record<string, unknown>): Promise<IntroAsk> {
  const r = await k.user.req({ method: 'POST', url: '/api/v1/intro-asks', payload: body });
  expect(r.statusCode, r.body).toBe(201);
  return r.json<IntroAsk>();
}

async function getAsk(k: Kit, id: string): Promise<IntroAsk> {
  const r = await k.user.req({ method: 'GET', url: `/api/v1/intro-asks/${id}` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<IntroAsk>();
}

const forLaura = (n: Net) => ({
  viaPersonId: n.enrico,
  helperPersonId: n.stefano,
  forPersonId: n.laura,
  needId: n.lauraNeed,
  offerId: n.stefanoOffer,
});

describe.each(dialects())('asks through a contact on %s', (dialect) => {
  let k: Kit;
  const kit = kitPerTest();
  const start = async (...args: Parameters<typeof setup>) => (k = await kit(...args));

  it('from the path through Enrico to his yes over SMTP: his email in his language, the help in the ledger, the introduction drafted', async () => {
    await start(dialect, { displayName: 'Marta Colombo' });
    const n = await network(k);

    // The Value Finder of Laura: Stefano can help, through Enrico.
    const vf = (await k.user.req({ method: 'GET', url: `/api/v1/people/${n.laura}/value-finder` })).json<ValueFinder>();
    const helper = vf.needs[0]?.network.find((h) => h.person.id === n.stefano);
    expect(helper?.path).toMatchObject({ kind: 'via', via: [{ personId: n.enrico, name: 'Enrico Farina' }] });

    // The draft: in Enrico's language (Italian), the text to forward in Stefano's (English).
    const d = await k.user.req({ method: 'POST', url: '/api/v1/intro-asks/draft', payload: forLaura(n) });
    expect(d.statusCode, d.body).toBe(200);
    const draft = d.json<{ to: { email: string }; language: string; message: { subject: string; body: string } }>();
    expect(draft.language).toBe('it');
    expect(draft.to.email).toBe('enrico@example.it');
    expect(draft.message.subject).toBe('Presenteresti Laura Rossi a Stefano Galli?');
    expect(draft.message.body).toContain(`«${NEED}»`);
    expect(draft.message.body).toContain(`Ho pensato a Stefano per «${OFFER}»`);
    expect(draft.message.body).toContain('——— Da inoltrare a Stefano ———\nHi Stefano, let me introduce Laura Rossi');
    // Nothing was stored by the draft.
    expect(await k.t.db.handle.db.selectFrom('intro_asks').select('id').execute()).toEqual([]);

    const a = await ask(k, forLaura(n));
    expect(a).toMatchObject({
      status: 'asked',
      via: { id: n.enrico, name: 'Enrico Farina' },
      helper: { id: n.stefano, name: 'Stefano Galli' },
      seeker: { id: n.laura, name: 'Laura Rossi', isSelf: false },
      need: { id: n.lauraNeed, text: NEED },
      why: OFFER,
      language: 'it',
      request: { status: 'queued' },
      askedAt: null,
      expiresAt: null,
    });

    expect(await k.run()).toEqual({ ran: 1, failed: 0 });
    const mails = k.mailbox?.to('enrico@example.it') ?? [];
    expect(mails).toHaveLength(1);
    const m = mails[0] as Received;
    expect(m.parsed.subject).toBe('Presenteresti Laura Rossi a Stefano Galli?');
    expect(m.parsed.from?.value[0]).toEqual({ name: 'Marta Colombo via Rete', address: 'rete@rete.test' });
    expect(m.parsed.replyTo?.value[0]?.address).toBe(k.user.email);
    const text = m.parsed.text ?? '';
    expect(text).toContain(NEED);
    expect(text).toContain(OFFER);
    expect(text).toContain('Hi Stefano, let me introduce Laura Rossi');
    const link = askLinkOf(m);
    expect(text).toContain(`Sì, faccio io la presentazione: ${link}?choice=yes`);
    expect(text).toContain(`No, preferisco di no: ${link}?choice=no`);
    expect(text).toContain(`Non sono più in contatto con Stefano Galli: ${link}?choice=gone`);
    // The first email to Enrico says who holds his data (GDPR art. 14).
    expect(text).toContain('Perché ricevi questa email');
    expect(typeof m.parsed.html === 'string' && m.parsed.html.includes('?choice=gone')).toBe(true);

    const delivered = await getAsk(k, a.id);
    expect(delivered.request).toMatchObject({ status: 'sent', delivery: 'smtp' });
    expect(delivered.askedAt).toBe(k.t.clock.now.toISOString());
    expect(delivered.expiresAt).toBe(new Date(k.t.clock.now.getTime() + 14 * DAY).toISOString());

    // GET shows the question and changes nothing.
    const before = await snapshot(k.t);
    const page = await k.t.app.inject({ method: 'GET', url: `${new URL(link).pathname}?choice=yes` });
    expect(page.statusCode).toBe(200);
    const words = askAnswerPage('it', {
      userName: 'Marta Colombo',
      helperName: 'Stefano Galli',
      seekerName: 'Laura Rossi',
      need: NEED,
    });
    expect(page.body).toContain(words.lead);
    expect(page.body).toContain('value="gone"');
    expect(await snapshot(k.t)).toEqual(before);

    const yes = await answerAsk(k, link, 'yes');
    expect(yes.statusCode).toBe(200);
    expect(yes.body).toContain(
      escapeHtml(askAnsweredPage('it', 'yes', { userName: 'Marta Colombo', helperName: 'Stefano Galli' }).body),
    );

    const done = await getAsk(k, a.id);
    expect(done).toMatchObject({ status: 'yes', answeredAt: k.t.clock.now.toISOString() });
    expect(done.introId).not.toBeNull();
    expect(done.receivedId).not.toBeNull();

    // Enrico's help, in the ledger as received: an introduction, referred by him.
    const rec = (await k.user.req({ method: 'GET', url: `/api/v1/received/${done.receivedId}` })).json<{
      kind: string;
      askId: string;
      referredBy: { id: string };
      description: string;
      value: unknown;
    }>();
    expect(rec).toMatchObject({ kind: 'introduction', askId: a.id, referredBy: { id: n.enrico }, value: null });
    expect(rec.description).toBe(`Enrico Farina presenta Laura Rossi a Stefano Galli (per «${NEED}»)`);
    // Help, not business: the Givers gain's business figures and referrers leave it out.
    const stats = (await k.user.req({ method: 'GET', url: '/api/v1/ledger/stats' })).json<{
      businessReceived: unknown[];
      referrers: unknown[];
    }>();
    expect(stats).toMatchObject({ businessReceived: [], referrers: [] });

    // The introduction, drafted: Stefano first (the one who helps), then Laura; nothing sent yet.
    const intro = await k.get(done.introId ?? '');
    expect(intro).toMatchObject({
      status: 'draft',
      order: 'a_first',
      a: { person: { id: n.stefano }, language: 'en', status: 'waiting' },
      b: { person: { id: n.laura }, language: 'it', status: 'waiting' },
    });
    expect(intro.note).toBe(
      `Enrico Farina kindly agreed to make this introduction. Laura Rossi is looking for help with "${NEED}".`,
    );
    expect(intro.a.message?.body).toContain('Enrico Farina kindly agreed');
    expect(k.mailbox?.to('stefano@example.com')).toHaveLength(0);

    // The link is used: the same page as any wrong link, and nothing changes.
    const again = await answerAsk(k, link, 'no');
    expect(again.statusCode).toBe(404);
    expect((await getAsk(k, a.id)).status).toBe('yes');

    // The double opt-in goes on as always: I send the draft, Stefano is asked.
    const s = await k.user.req({ method: 'POST', url: `/api/v1/intros/${intro.id}/send` });
    expect(s.statusCode, s.body).toBe(200);
    await k.run();
    expect(k.mailbox?.to('stefano@example.com').map((x) => x.parsed.subject)).toEqual(['May I introduce you to Laura Rossi?']);
  });

  it('my own need, with no SMTP server: the ask is an .eml in the outbox; "no longer in touch" ends that path', async () => {
    await start(dialect, { smtp: false, locale: 'en', displayName: 'Sam Reed' });
    const n = await network(k);
    const q = 'I need an accountant for my tax return';
    const found = (await k.user.req({ method: 'GET', url: `/api/v1/match?q=${encodeURIComponent(q)}` })).json<MatchResults>();
    const stefano = found.items.find((h) => h.person.id === n.stefano);
    expect(stefano?.path).toMatchObject({ kind: 'via', via: [{ personId: n.enrico }] });

    const a = await ask(k, { viaPersonId: n.enrico, helperPersonId: n.stefano, needText: q, offerId: n.stefanoOffer });
    expect(a.seeker).toMatchObject({ id: k.user.selfPersonId, isSelf: true });
    expect(await k.run()).toEqual({ ran: 1, failed: 0 });

    // No SMTP: the .eml file is the mailbox, and the outbox keeps the working link.
    const files = fs.readdirSync(path.join(k.dataDir, 'outbox')).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const eml = await simpleParser(fs.readFileSync(path.join(k.dataDir, 'outbox', files[0] ?? '')));
    expect(eml.subject).toBe('Mi presenteresti a Stefano Galli?');
    expect(eml.text).toContain(`sto cercando aiuto per «${q}»`);
    expect(eml.text).toContain(`Hi Stefano, let me introduce Sam Reed (${k.user.email})`);
    const link = askLinkOf(eml.text ?? '');
    const outbox = (await k.user.req({ method: 'GET', url: '/api/v1/outbox' })).json<{
      items: Array<{ id: string; kind: string; askId: string; delivery: string }>;
    }>().items;
    expect(outbox.map((o) => [o.kind, o.askId, o.delivery])).toEqual([['intro_ask', a.id, 'outbox']]);
    const detail = (await k.user.req({ method: 'GET', url: `/api/v1/outbox/${outbox[0]?.id}` })).json<{ text: string }>();
    expect(askLinkOf(detail.text)).toBe(link);
    expect((await getAsk(k, a.id)).request).toMatchObject({ status: 'sent', delivery: 'outbox' });

    const gone = await answerAsk(k, link, 'gone');
    expect(gone.statusCode).toBe(200);
    expect(gone.body).toContain('Sam Reed non ti chiederà più presentazioni a Stefano Galli.');
    const done = await getAsk(k, a.id);
    expect(done).toMatchObject({ status: 'lost_touch', introId: null, receivedId: null });

    // The relationship is marked, not deleted; the path through Enrico is no longer proposed.
    const enrico = (await k.user.req({ method: 'GET', url: `/api/v1/people/${n.enrico}` })).json<{
      relationships: Array<{ other: { id: string }; lapsedAt: string | null; strength: number }>;
    }>();
    expect(enrico.relationships.find((r) => r.other.id === n.stefano)).toMatchObject({
      lapsedAt: k.t.clock.now.toISOString(),
      strength: 2,
    });
    const after = (await k.user.req({ method: 'GET', url: `/api/v1/match?q=${encodeURIComponent(q)}` })).json<MatchResults>();
    expect(after.items.find((h) => h.person.id === n.stefano)?.path).toEqual({ kind: 'none', lastInteractionAt: null });
    const vf = (await k.user.req({ method: 'GET', url: `/api/v1/people/${n.laura}/value-finder` })).json<ValueFinder>();
    expect(vf.needs[0]?.network.find((h) => h.person.id === n.stefano)?.path.kind).toBe('none');

    // Asking Enrico about Stefano again is refused, with the reason.
    const again = await k.user.req({
      method: 'POST',
      url: '/api/v1/intro-asks',
      payload: { viaPersonId: n.enrico, helperPersonId: n.stefano, needText: q },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { message: string } }>().error.message).toContain('no longer in touch');
    const draft = await k.user.req({
      method: 'POST',
      url: '/api/v1/intro-asks/draft',
      payload: { viaPersonId: n.enrico, helperPersonId: n.stefano, needText: q },
    });
    expect(draft.json<{ lapsed: boolean }>().lapsed).toBe(true);

    // They are in touch again: the path comes back.
    const relId = (await k.user.req({ method: 'GET', url: `/api/v1/people/${n.enrico}` }))
      .json<{
        relationships: Array<{ id: string; other: { id: string } }>;
      }>()
      .relationships.find((r) => r.other.id === n.stefano)?.id;
    const back = await k.user.req({ method: 'PATCH', url: `/api/v1/relationships/${relId}`, payload: { lapsed: false } });
    expect(back.json<{ lapsedAt: string | null }>().lapsedAt).toBeNull();
    const again2 = (await k.user.req({ method: 'GET', url: `/api/v1/match?q=${encodeURIComponent(q)}` })).json<MatchResults>();
    expect(again2.items.find((h) => h.person.id === n.stefano)?.path.kind).toBe('via');
  });

  it('"no" records the answer and nothing else; "do not contact me" marks Enrico and ends his other asks', async () => {
    await start(dialect);
    const n = await network(k);
    const first = await ask(k, forLaura(n));
    await k.run();
    const no = await answerAsk(k, askLinkOf(k.mailbox?.to('enrico@example.it')[0] ?? ''), 'no');
    expect(no.statusCode).toBe(200);
    expect(await getAsk(k, first.id)).toMatchObject({ status: 'no', introId: null, receivedId: null });
    expect(await k.t.db.handle.db.selectFrom('intros').select('id').execute()).toEqual([]);
    const rel = await k.t.db.handle.db
      .selectFrom('relationships')
      .select('lapsed_at')
      .where('owner_id', '=', k.user.userId)
      .execute();
    expect(rel.map((r) => r.lapsed_at)).toEqual([null, null]);

    // Two more asks to Enrico (my own need, then another helper); he objects on the first.
    const other = await k.person({ name: 'Paola Neri', emails: [{ value: 'paola@example.it' }] });
    const mine = await ask(k, { viaPersonId: n.enrico, helperPersonId: n.stefano, needText: 'Un commercialista' });
    const third = await ask(k, { viaPersonId: n.enrico, helperPersonId: other, needText: 'Una fotografa' });
    await k.run();
    const links = (k.mailbox?.to('enrico@example.it') ?? []).slice(1).map((x) => askLinkOf(x));
    expect(links).toHaveLength(2);
    const objected = await answerAsk(k, links[0] ?? '', 'object');
    expect(objected.statusCode).toBe(200);
    expect(objected.body).toContain('Non riceverai altre email');
    expect((await getAsk(k, mine.id)).status).toBe('objected');
    const t3 = await getAsk(k, third.id);
    expect(t3).toMatchObject({ status: 'objected', doNotContact: true });
    expect((await answerAsk(k, links[1] ?? '', 'yes')).statusCode).toBe(404);
    const refused = await k.user.req({
      method: 'POST',
      url: '/api/v1/intro-asks',
      payload: { viaPersonId: n.enrico, helperPersonId: other, needText: 'Ancora' },
    });
    expect(refused.statusCode).toBe(409);
  });

  it('follows up once after INTRO_ASK_REMIND_DAYS, and expires after INTRO_ASK_EXPIRE_DAYS', async () => {
    await start(dialect, { env: { INTRO_ASK_REMIND_DAYS: '3', INTRO_ASK_EXPIRE_DAYS: '7' } });
    const n = await network(k);
    const a = await ask(k, forLaura(n));
    await k.run();
    const inbox = () => k.mailbox?.to('enrico@example.it') ?? [];
    expect(inbox()).toHaveLength(1);

    k.advance(2 * DAY);
    await k.run();
    expect(inbox()).toHaveLength(1);
    k.advance(1 * DAY + 1000);
    await k.run(); // the reminder job queues the reminder,
    await k.run(); // which the mail job sends.
    expect(inbox()).toHaveLength(2);
    const reminder = inbox()[1] as Received;
    expect(reminder.parsed.subject).toBe('Promemoria: Presenteresti Laura Rossi a Stefano Galli?');
    expect(reminder.parsed.text).toContain('Promemoria:');
    expect(reminder.parsed.text).not.toContain('Perché ricevi questa email');
    const reminded = await getAsk(k, a.id);
    expect(reminded.remindedAt).not.toBeNull();
    expect(reminded.reminder).toMatchObject({ status: 'sent' });

    k.advance(2 * DAY);
    await k.run();
    expect(inbox()).toHaveLength(2); // once only
    const firstLink = askLinkOf(inbox()[0] as Received);
    const secondLink = askLinkOf(reminder);
    expect(secondLink).not.toBe(firstLink);

    k.advance(2 * DAY);
    await k.run();
    const expired = await getAsk(k, a.id);
    expect(expired).toMatchObject({ status: 'expired' });
    expect(expired.closedAt).not.toBeNull();
    for (const l of [firstLink, secondLink]) {
      expect((await k.t.app.inject({ method: 'GET', url: new URL(l).pathname })).statusCode).toBe(404);
      expect((await answerAsk(k, l, 'yes')).statusCode).toBe(404);
    }
    expect(inbox()).toHaveLength(2);
  });

  it('an answered or cancelled ask is never reminded; a cancelled one’s link stops working', async () => {
    await start(dialect, { env: { INTRO_ASK_REMIND_DAYS: '2' } });
    const n = await network(k);
    const answered = await ask(k, forLaura(n));
    const cancelled = await ask(k, { viaPersonId: n.enrico, helperPersonId: n.stefano, needText: 'Un commercialista' });
    await k.run();
    // The two emails leave in any order: told apart by their subject.
    const mails = k.mailbox?.to('enrico@example.it') ?? [];
    const linkFor = (subject: string) => askLinkOf(mails.find((m) => m.parsed.subject === subject) ?? '');
    const l1 = linkFor('Presenteresti Laura Rossi a Stefano Galli?');
    const l2 = linkFor('Mi presenteresti a Stefano Galli?');
    expect((await answerAsk(k, l1, 'no')).statusCode).toBe(200);
    const c = await k.user.req({ method: 'POST', url: `/api/v1/intro-asks/${cancelled.id}/cancel` });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json<IntroAsk>().status).toBe('cancelled');
    expect((await k.user.req({ method: 'POST', url: `/api/v1/intro-asks/${cancelled.id}/cancel` })).statusCode).toBe(409);
    expect((await answerAsk(k, l2, 'yes')).statusCode).toBe(404);
    k.advance(3 * DAY);
    await k.run();
    await k.run();
    expect(k.mailbox?.to('enrico@example.it')).toHaveLength(2);
    expect((await getAsk(k, answered.id)).remindedAt).toBeNull();
  });

  it('links: 256 random bits stored as SHA-256; wrong, used, expired or mismatched answers get the same page; one of concurrent answers wins', async () => {
    await start(dialect);
    const n = await network(k);
    const a = await ask(k, forLaura(n));
    await k.run();
    const link = askLinkOf(k.mailbox?.to('enrico@example.it')[0] ?? '');
    const token = tokenOf(link);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const dump = JSON.stringify(await snapshot(k.t));
    expect(dump).not.toContain(token);
    expect(dump).toContain(sha256(token));

    const random = `http://rete.test/i/${crypto.randomBytes(32).toString('base64url')}`;
    const responses = [
      await k.t.app.inject({ method: 'GET', url: new URL(random).pathname }),
      await answerAsk(k, random, 'yes'),
      // An introduction's answer on an ask's link, and a made-up action: refused.
      await answerAsk(k, link, 'accept'),
      await answerAsk(k, link, 'decline'),
    ];
    const bad = await answerAsk(k, link, 'maybe');
    expect(bad.statusCode).toBe(400);
    expect((await getAsk(k, a.id)).status).toBe('asked');

    // Ten answers at once: exactly one counts.
    const all = await Promise.all(Array.from({ length: 10 }, (_, i) => answerAsk(k, link, i % 2 ? 'yes' : 'no')));
    expect(all.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(all.filter((r) => r.statusCode === 404)).toHaveLength(9);
    const after = await getAsk(k, a.id);
    expect(['yes', 'no']).toContain(after.status);
    expect(
      await k.t.db.handle.db.selectFrom('received_business').select('id').where('kind', '=', 'introduction').execute(),
    ).toHaveLength(after.status === 'yes' ? 1 : 0);
    responses.push(await k.t.app.inject({ method: 'GET', url: new URL(link).pathname }), await answerAsk(k, link, 'yes'));

    // Expired: a second ask's link after INTRO_ASK_EXPIRE_DAYS.
    await ask(k, { viaPersonId: n.enrico, helperPersonId: n.stefano, needText: 'Un commercialista' });
    await k.run();
    const second = askLinkOf(k.mailbox?.to('enrico@example.it')[1] ?? '');
    k.advance(15 * DAY);
    responses.push(await k.t.app.inject({ method: 'GET', url: new URL(second).pathname }), await answerAsk(k, second, 'yes'));

    const first = responses[0] as LightMyRequestResponse;
    expect(first.statusCode).toBe(404);
    for (const r of responses) {
      expect(r.statusCode).toBe(404);
      expect(r.body).toBe(first.body);
      expect(r.headers['content-length']).toBe(first.headers['content-length']);
    }
  });

  it("nobody else's: another user gets 404 for my ask as for a random id, and my people in their ask are unknown contacts", async () => {
    await start(dialect);
    const n = await network(k);
    const a = await ask(k, forLaura(n));
    const other = await signup(k.t.app, { locale: 'en' });
    const theirs = await createPerson(other, { name: 'Bruno', emails: [{ value: 'bruno@example.com' }] });
    const theirHelper = await createPerson(other, { name: 'Carla' });
    const random = crypto.randomUUID();
    for (const [method, url] of [
      ['GET', `/api/v1/intro-asks/${a.id}`],
      ['POST', `/api/v1/intro-asks/${a.id}/cancel`],
    ] as const) {
      const foreign = await other.req({ method, url });
      const unknown = await other.req({ method, url: url.replace(a.id, random) });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.body).toBe(unknown.body);
    }
    const list = (await other.req({ method: 'GET', url: '/api/v1/intro-asks' })).json<{ items: unknown[] }>();
    expect(list.items).toEqual([]);
    const byPerson = await other.req({ method: 'GET', url: `/api/v1/intro-asks?personId=${n.enrico}` });
    expect(byPerson.json<{ items: unknown[] }>().items).toEqual([]);
    for (const url of ['/api/v1/intro-asks', '/api/v1/intro-asks/draft']) {
      const foreign = await other.req({
        method: 'POST',
        url,
        payload: { viaPersonId: n.enrico, helperPersonId: theirHelper.id, needText: 'x y' },
      });
      const unknown = await other.req({
        method: 'POST',
        url,
        payload: { viaPersonId: random, helperPersonId: theirHelper.id, needText: 'x y' },
      });
      expect(foreign.statusCode).toBe(400);
      expect(foreign.body).toBe(unknown.body);
      // My need is not theirs either.
      const need = await other.req({
        method: 'POST',
        url,
        payload: { viaPersonId: theirs.id, helperPersonId: theirHelper.id, needId: n.lauraNeed },
      });
      expect(need.statusCode).toBe(400);
      expect(need.json<{ error: { details: Array<{ path: string }> } }>().error.details[0]?.path).toBe('needId');
    }
    expect((await getAsk(k, a.id)).status).toBe('asked');
  });

  it('checks what it asks: an intermediary with an address, three different people, one open ask at a time', async () => {
    await start(dialect);
    const n = await network(k, { enricoEmail: null });
    const draft = await k.user.req({ method: 'POST', url: '/api/v1/intro-asks/draft', payload: forLaura(n) });
    expect(draft.json<{ to: { email: string | null } }>().to.email).toBeNull();
    const noMail = await k.user.req({ method: 'POST', url: '/api/v1/intro-asks', payload: forLaura(n) });
    expect(noMail.statusCode).toBe(400);
    expect(noMail.json<{ error: { details: Array<{ path: string }> } }>().error.details[0]?.path).toBe('viaPersonId');

    const post = (payload: Record<string, unknown>) => k.user.req({ method: 'POST', url: '/api/v1/intro-asks', payload });
    expect((await post({ viaPersonId: n.stefano, helperPersonId: n.stefano, needText: 'x y' })).statusCode).toBe(400);
    expect((await post({ viaPersonId: k.user.selfPersonId, helperPersonId: n.stefano, needText: 'x y' })).statusCode).toBe(400);
    expect(
      (await post({ viaPersonId: n.laura, helperPersonId: n.stefano, forPersonId: n.laura, needText: 'x y' })).statusCode,
    ).toBe(400);
    expect((await post({ viaPersonId: n.laura, helperPersonId: n.stefano })).statusCode).toBe(400);
    // Laura's need asked for me: not my need.
    expect((await post({ viaPersonId: n.laura, helperPersonId: n.stefano, needId: n.lauraNeed })).statusCode).toBe(400);
    expect(
      (await post({ viaPersonId: n.laura, helperPersonId: n.stefano, needText: 'x y', subject: 'a\r\nBcc: x@evil.example' }))
        .statusCode,
    ).toBe(400);

    // Laura knows Stefano too: ask her, with my own words.
    const ok = await post({
      viaPersonId: n.laura,
      helperPersonId: n.stefano,
      needText: 'Un commercialista',
      subject: 'Una domanda',
      body: 'Ciao Laura, mi presenti Stefano?',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<IntroAsk>().message).toEqual({ subject: 'Una domanda', body: 'Ciao Laura, mi presenti Stefano?' });
    expect((await post({ viaPersonId: n.laura, helperPersonId: n.stefano, needText: 'Ancora' })).statusCode).toBe(409);
    await k.run();
    const mail = k.mailbox?.to('laura@example.it')[0];
    expect(mail?.parsed.subject).toBe('Una domanda');
    expect(mail?.parsed.text).toContain('Ciao Laura, mi presenti Stefano?');
  });

  it('erasing one of its people erases the ask, its links and its emails; the help recorded stays', async () => {
    await start(dialect);
    const n = await network(k);
    const a = await ask(k, forLaura(n));
    await k.run();
    expect((await answerAsk(k, askLinkOf(k.mailbox?.to('enrico@example.it')[0] ?? ''), 'yes')).statusCode).toBe(200);
    const b = await ask(k, { viaPersonId: n.enrico, helperPersonId: n.stefano, needText: 'Un commercialista' });
    await k.run();
    const r = await k.user.req({ method: 'DELETE', url: `/api/v1/people/${n.laura}` });
    expect(r.statusCode, r.body).toBe(200);
    expect((await k.user.req({ method: 'GET', url: `/api/v1/intro-asks/${a.id}` })).statusCode).toBe(404);
    expect((await getAsk(k, b.id)).status).toBe('asked');
    const db = k.t.db.handle.db;
    expect(await db.selectFrom('intro_ask_tokens').select('ask_id').where('ask_id', '=', a.id).execute()).toEqual([]);
    expect(await db.selectFrom('mail_messages').select('id').where('ask_id', '=', a.id).execute()).toEqual([]);
    const received = await db.selectFrom('received_business').select(['kind', 'ask_id']).execute();
    expect(received).toEqual([{ kind: 'introduction', ask_id: null }]);
  });
});
