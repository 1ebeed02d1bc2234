/**
 * Introductions with double opt-in. A draft holds a message for each side, drafted in that side's
 * language; sending asks the sides by email (both at once, or A first and B once A accepted); each
 * side answers through the link of their email; when both accepted one email puts them in touch.
 *
 * State lives in `intros` (the whole) and `intro_sides` (each side). Every transition is a
 * conditional UPDATE ("… WHERE status IN (…)") whose row count decides who won, so concurrent
 * answers, sends, sweeps and cancels cannot both take effect. An answer first touches the intro's
 * row, which on PostgreSQL serialises the answers of one introduction (its row lock), so the
 * second of two simultaneous accepts sees the first and connects them.
 */
import type {
  CreateIntroBody,
  Intro,
  IntroDelivery,
  IntroSide,
  IntroSummary,
  ListIntrosQuery,
  UpdateIntroBody,
} from '#shared/api/intros.ts';
import type { Executor } from '../../db/db.ts';
import type { IntroSidesTable, IntroStatus, User } from '../../db/schema.ts';
import { badRequest, conflict, internal, notFound, rateLimited, type AppError } from '../../lib/errors.ts';
import { newId, sha256 } from '../../lib/ids.ts';
import type { Deps } from '../../deps.ts';
import { findUserById, isUserEmail, selfPersonId } from '../auth/auth.repo.ts';
import { isPlainAddress } from '../email/sanitize.ts';
import * as outbox from '../outbox/outbox.repo.ts';
import { decodeCursor, encodeCursor, MAIL_JOB, mailState, queueMail } from '../outbox/outbox.service.ts';
import { cancelJobs, enqueue, findJob, runAgainNow } from '../jobs/jobs.repo.ts';
import { introGives } from '../ledger/ledger.repo.ts';
import { recordIntroGive } from '../ledger/ledger.service.ts';
import { detectTextLanguage } from '../matching/engine/lang.ts';
import { renderConnect, renderRequest } from './mails.ts';
import * as asks from './asks.repo.ts';
import { askMailStillWanted } from './asks.mail.ts';
import * as repo from './intros.repo.ts';
import { draftRequest, TEXT_VERSION, type Lang } from './texts.ts';

type SideKey = repo.SideKey;
const SIDES: readonly SideKey[] = ['a', 'b'];
const other = (s: SideKey): SideKey => (s === 'a' ? 'b' : 'a');
const OPEN: readonly IntroStatus[] = ['asked', 'accepted_one'];
const DAY = 86_400_000;

export async function owner(db: Executor, ownerId: string): Promise<User> {
  const u = await findUserById(db, ownerId);
  if (!u) throw notFound();
  return u;
}

async function event(
  tx: Executor,
  ownerId: string,
  introId: string,
  at: string,
  type: string,
  side: SideKey | null,
  detail?: unknown,
) {
  await repo.insertEvent(tx, {
    id: newId(),
    intro_id: introId,
    owner_id: ownerId,
    at,
    type,
    side,
    detail: detail === undefined ? null : JSON.stringify(detail),
  });
}

export type Brief = Awaited<ReturnType<typeof repo.peopleBriefs>>[number];

/** The person's language: as recorded, else detected from what I wrote about them, else mine. */
export async function languageOf(db: Executor, ownerId: string, p: Brief, fallback: Lang): Promise<Lang> {
  if (p.isSelf) return fallback;
  if (p.language) return p.language;
  const texts = [p.notes ?? '', ...(await repo.itemTexts(db, ownerId, p.id))].join('\n');
  return detectTextLanguage(texts) ?? fallback;
}

function draft(lang: Lang, user: User, recipient: Brief, otherPerson: Brief, note: string) {
  return draftRequest({
    lang,
    userName: user.display_name,
    recipient: { name: recipient.name, role: recipient.role, company: recipient.company },
    other: otherPerson.isSelf ? null : { name: otherPerson.name, role: otherPerson.role, company: otherPerson.company },
    note,
  });
}

// --- reading -----------------------------------------------------------------------------

interface Loaded {
  user: User;
  sides: repo.SideRow[];
  people: Map<string, Brief>;
  emails: Map<string, string>;
  objected: Set<string>;
  gives: Map<string, string>;
  messages: MessageRow[];
}

type MessageRow = Awaited<ReturnType<typeof outbox.messagesOfIntros>>[number];

async function load(db: Executor, ownerId: string, introIds: string[]): Promise<Loaded> {
  const [user, sides, gives, messages] = await Promise.all([
    owner(db, ownerId),
    repo.sidesOf(db, ownerId, introIds),
    introGives(db, ownerId, introIds),
    outbox.messagesOfIntros(db, ownerId, introIds),
  ]);
  const personIds = [...new Set(sides.flatMap((s) => (s.person_id ? [s.person_id] : [])))];
  const [people, emails, objected] = await Promise.all([
    repo.peopleBriefs(db, ownerId, personIds),
    repo.primaryEmails(db, ownerId, personIds),
    repo.objectedAmong(db, ownerId, personIds),
  ]);
  return {
    user,
    sides,
    people: new Map(people.map((p) => [p.id, p])),
    emails,
    objected,
    gives: new Map(gives.map((g) => [g.intro_id, g.id] as const)),
    messages,
  };
}

/** The request email of one side: the latest, should there ever be more than one. */
const requestOf = (l: Loaded, introId: string, side: SideKey): MessageRow | undefined =>
  l.messages.filter((m) => m.intro_id === introId && m.side === side && m.kind === 'intro_request').at(-1);

function sideView(s: repo.SideRow, l: Loaded): IntroSide {
  const p = s.person_id ? l.people.get(s.person_id) : undefined;
  const self = s.is_self === 1;
  const request = requestOf(l, s.intro_id, s.side);
  return {
    side: s.side,
    person: p ? { id: p.id, name: p.name, isSelf: self } : null,
    email: self ? l.user.email : p ? (l.emails.get(p.id) ?? null) : null,
    language: s.language,
    status: s.status,
    message: self ? null : { subject: s.subject ?? '', body: s.body ?? '' },
    messageEdited: s.message_edited === 1,
    doNotContact: !!s.person_id && l.objected.has(s.person_id),
    askedAt: s.asked_at,
    remindedAt: s.reminded_at,
    answeredAt: s.answered_at,
    expiresAt: s.expires_at,
    request: request ? { id: request.id, ...mailState(request) } : null,
  };
}

const DELIVERY_ORDER: readonly IntroDelivery[] = ['failed', 'retrying', 'sending', 'outbox', 'sent'];

function deliveryOfMessage(m: MessageRow): IntroDelivery | null {
  if (m.status === 'failed') return 'failed';
  if (m.status === 'queued') return m.error_reason ? 'retrying' : 'sending';
  if (m.status === 'sent') return m.delivery === 'outbox' ? 'outbox' : 'sent';
  return null;
}

/**
 * What happened to the emails an introduction waits on now: the requests of the sides still
 * asked, or the introduction email once they are connected. The worst one speaks for all.
 */
function deliveryOf(i: repo.IntroRow, l: Loaded): IntroDelivery | null {
  let waitingOn: MessageRow[] = [];
  if (OPEN.includes(i.status)) {
    waitingOn = l.sides
      .filter((s) => s.intro_id === i.id && s.status === 'asked')
      .flatMap((s) => requestOf(l, i.id, s.side) ?? []);
  } else if (i.status === 'connected') {
    waitingOn = l.messages.filter((m) => m.intro_id === i.id && m.kind === 'intro_connect');
  }
  const found = new Set(waitingOn.map(deliveryOfMessage));
  return DELIVERY_ORDER.find((d) => found.has(d)) ?? null;
}

function summary(i: repo.IntroRow, l: Loaded): IntroSummary {
  const a = l.sides.find((s) => s.intro_id === i.id && s.side === 'a');
  const b = l.sides.find((s) => s.intro_id === i.id && s.side === 'b');
  if (!a || !b) throw internal('introduction without its sides');
  return {
    id: i.id,
    status: i.status,
    order: i.ask_order,
    note: i.note,
    a: sideView(a, l),
    b: sideView(b, l),
    delivery: deliveryOf(i, l),
    giveId: l.gives.get(i.id) ?? null,
    createdAt: i.created_at,
    updatedAt: i.updated_at,
    sentAt: i.sent_at,
    connectedAt: i.connected_at,
    closedAt: i.closed_at,
  };
}

export async function getIntro(deps: Deps, ownerId: string, id: string): Promise<Intro> {
  const i = await repo.findIntro(deps.db, ownerId, id);
  if (!i) throw notFound();
  const [l, events] = await Promise.all([load(deps.db, ownerId, [id]), repo.eventsOf(deps.db, ownerId, id)]);
  return {
    ...summary(i, l),
    events: events.map((e) => ({ at: e.at, type: e.type as Intro['events'][number]['type'], side: e.side })),
    messages: l.messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      side: m.side,
      ...mailState(m),
      createdAt: m.created_at,
      sentAt: m.sent_at,
    })),
  };
}

export async function listIntros(deps: Deps, ownerId: string, q: ListIntrosQuery) {
  const rows = await repo.listIntros(deps.db, ownerId, {
    status: q.status,
    personId: q.personId,
    before: decodeCursor(q.cursor),
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const l = await load(
    deps.db,
    ownerId,
    page.map((r) => r.id),
  );
  const last = page.at(-1);
  return { items: page.map((r) => summary(r, l)), nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null };
}

// --- drafts ------------------------------------------------------------------------------

export async function createIntro(deps: Deps, ownerId: string, input: CreateIntroBody): Promise<string> {
  return deps.db.transaction().execute((tx) => createIntroIn(tx, deps, ownerId, input));
}

/** `createIntro` in the caller's transaction (an intermediary's "yes" drafts one). */
export async function createIntroIn(tx: Executor, deps: Deps, ownerId: string, input: CreateIntroBody): Promise<string> {
  const id = newId();
  const now = deps.now().toISOString();
  {
    const user = await owner(tx, ownerId);
    const selfId = await selfPersonId(tx, ownerId);
    const aId = input.personAId === 'me' ? selfId : input.personAId;
    const bId = input.personBId === 'me' ? selfId : input.personBId;
    if (aId === bId)
      throw badRequest('An introduction needs two different people', [{ path: 'personBId', message: 'same as A' }]);
    const found = new Map((await repo.peopleBriefs(tx, ownerId, [aId, bId])).map((p) => [p.id, p]));
    const pa = found.get(aId);
    const pb = found.get(bId);
    const unknown = [
      ...(pa ? [] : [{ path: 'personAId', message: 'unknown contact' }]),
      ...(pb ? [] : [{ path: 'personBId', message: 'unknown contact' }]),
    ];
    if (!pa || !pb) throw badRequest('Both sides must be your contacts (or you)', unknown);
    const objected = await repo.objectedAmong(tx, ownerId, [aId, bId]);
    for (const p of [pa, pb]) {
      if (objected.has(p.id)) throw conflict(`${p.name} asked not to be contacted again: no introduction can be sent to them`);
    }
    const rows: IntroSidesTable[] = [];
    for (const [key, p, o] of [
      ['a', pa, pb],
      ['b', pb, pa],
    ] as const) {
      const given = input[key];
      const lang = given?.language ?? (await languageOf(tx, ownerId, p, user.locale));
      const self = p.isSelf;
      if (self && (given?.subject !== undefined || given?.body !== undefined)) {
        throw badRequest('No request is sent to you: that side has no message', [{ path: key, message: 'this side is you' }]);
      }
      const drafted = self ? null : draft(lang, user, p, o, input.note);
      rows.push({
        intro_id: id,
        side: key,
        owner_id: ownerId,
        person_id: p.id,
        is_self: self ? 1 : 0,
        language: lang,
        status: self ? 'me' : 'waiting',
        subject: self ? null : (given?.subject ?? drafted?.subject ?? null),
        body: self ? null : (given?.body ?? drafted?.body ?? null),
        message_edited: !self && (given?.subject !== undefined || given?.body !== undefined) ? 1 : 0,
        asked_at: null,
        reminded_at: null,
        answered_at: null,
        expires_at: null,
      });
    }
    await repo.insertIntro(tx, {
      id,
      owner_id: ownerId,
      status: 'draft',
      ask_order: input.order,
      note: input.note,
      created_at: now,
      updated_at: now,
      sent_at: null,
      connected_at: null,
      closed_at: null,
    });
    await repo.insertSides(tx, rows);
    await event(tx, ownerId, id, now, 'created', null);
  }
  return id;
}

export async function updateIntro(deps: Deps, ownerId: string, id: string, input: UpdateIntroBody): Promise<void> {
  const now = deps.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const intro = await repo.findIntro(tx, ownerId, id);
    if (!intro) throw notFound();
    if (intro.status !== 'draft') throw conflict(`Only a draft can be changed; this introduction is ${intro.status}`);
    const user = await owner(tx, ownerId);
    const sides = await repo.sidesOf(tx, ownerId, [id]);
    const briefs = new Map(
      (
        await repo.peopleBriefs(
          tx,
          ownerId,
          sides.flatMap((s) => (s.person_id ? [s.person_id] : [])),
        )
      ).map((p) => [p.id, p]),
    );
    const note = input.note ?? intro.note;
    const noteChanged = note !== intro.note;
    for (const key of SIDES) {
      const s = sides.find((x) => x.side === key);
      const o = sides.find((x) => x.side === other(key));
      const given = input[key];
      if (!s || !o) continue;
      if (s.is_self === 1) {
        if (given?.subject !== undefined || given?.body !== undefined) {
          throw badRequest('No request is sent to you: that side has no message', [{ path: key, message: 'this side is you' }]);
        }
        continue;
      }
      const p = s.person_id ? briefs.get(s.person_id) : undefined;
      const op = o.person_id ? briefs.get(o.person_id) : undefined;
      const lang = given?.language ?? s.language;
      const patch: Partial<IntroSidesTable> = { language: lang };
      if (given?.subject !== undefined || given?.body !== undefined) {
        if (given.subject !== undefined) patch.subject = given.subject;
        if (given.body !== undefined) patch.body = given.body;
        patch.message_edited = 1;
      } else if (p && op && (input.redraft || (s.message_edited === 0 && (noteChanged || lang !== s.language)))) {
        const d = draft(lang, user, p, op, note);
        patch.subject = d.subject;
        patch.body = d.body;
        patch.message_edited = 0;
      }
      await repo.updateSide(tx, ownerId, id, key, patch);
    }
    const introPatch: Parameters<typeof repo.updateIntro>[3] = { updated_at: now, note };
    if (input.order) introPatch.ask_order = input.order;
    if (!(await repo.updateIntro(tx, ownerId, id, introPatch, ['draft'])))
      throw conflict('The introduction is no longer a draft');
    await event(tx, ownerId, id, now, 'edited', null);
  });
}

export async function deleteIntro(deps: Deps, ownerId: string, id: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const intro = await repo.findIntro(tx, ownerId, id);
    if (!intro) throw notFound();
    if (intro.status !== 'draft') throw conflict('Only a draft can be deleted; cancel a sent introduction instead');
    await repo.deleteIntro(tx, ownerId, id);
  });
}

// --- sending -----------------------------------------------------------------------------

export function fromOf(deps: Deps, user: User) {
  return {
    from: { name: `${user.display_name} via Rete`, address: deps.config.mail.from },
    replyTo: { name: user.display_name, address: user.email },
  };
}

/** Queues the request (or reminder) to one side, in the caller's transaction. */
async function queueRequest(
  tx: Executor,
  deps: Deps,
  user: User,
  s: Pick<repo.SideRow, 'intro_id' | 'side' | 'person_id' | 'language' | 'subject' | 'body'>,
  to: { name: string; email: string },
  reminder: boolean,
): Promise<void> {
  const { email, name: personName } = to;
  const key = email.toLowerCase();
  const isUser = await isUserEmail(tx, key);
  const privacyNotice = !isUser && !(await outbox.wroteTo(tx, user.id, key));
  const m = renderRequest({
    lang: s.language,
    subject: s.subject ?? '',
    body: s.body ?? '',
    userName: user.display_name,
    userEmail: user.email,
    privacyNotice,
    reminder,
  });
  await queueMail(tx, deps, {
    ownerId: user.id,
    kind: reminder ? 'intro_reminder' : 'intro_request',
    introId: s.intro_id,
    side: s.side,
    personId: s.person_id,
    ...fromOf(deps, user),
    to: [{ name: personName, address: email }],
    cc: [],
    ...m,
  });
}

/** The address a request to this person goes to: their first email, if Rete can send to it. */
export async function sendableEmail(tx: Executor, ownerId: string, personId: string | null): Promise<string | null> {
  if (!personId) return null;
  const email = (await repo.primaryEmails(tx, ownerId, [personId])).get(personId);
  return email && isPlainAddress(email) ? email : null;
}

/**
 * Asks one side now: status, date, the request email. The request expires INTRO_EXPIRE_DAYS after
 * it reaches the person (`requestDelivered`), not before: a request still queued or failing
 * neither expires nor gets a reminder.
 */
async function ask(tx: Executor, deps: Deps, user: User, s: repo.SideRow, to: { name: string; email: string }): Promise<void> {
  const now = deps.now();
  const patch = { status: 'asked' as const, asked_at: now.toISOString(), expires_at: null };
  if (!(await repo.updateSide(tx, user.id, s.intro_id, s.side, patch, ['waiting']))) return;
  await queueRequest(tx, deps, user, { ...s, ...patch }, to, false);
  await event(tx, user.id, s.intro_id, patch.asked_at, 'asked', s.side);
}

/** A daily limit of introduction requests reached: worth trying again in an hour. */
export const overDailyLimit = (message: string): AppError => rateLimited(message, 3600);

export async function sendIntro(deps: Deps, ownerId: string, id: string): Promise<void> {
  const now = deps.now();
  const nowIso = now.toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const intro = await repo.findIntro(tx, ownerId, id);
    if (!intro) throw notFound();
    if (intro.status !== 'draft') throw conflict(`Only a draft can be sent; this introduction is ${intro.status}`);
    const user = await owner(tx, ownerId);
    const sides = await repo.sidesOf(tx, ownerId, [id]);
    const personIds = sides.flatMap((s) => (s.person_id ? [s.person_id] : []));
    const [briefs, emails, objected] = await Promise.all([
      repo.peopleBriefs(tx, ownerId, personIds).then((r) => new Map(r.map((p) => [p.id, p]))),
      repo.primaryEmails(tx, ownerId, personIds),
      repo.objectedAmong(tx, ownerId, personIds),
    ]);
    const asked: Array<{ side: repo.SideRow; name: string; email: string }> = [];
    for (const s of sides) {
      if (s.is_self === 1) continue;
      const p = s.person_id ? briefs.get(s.person_id) : undefined;
      if (!p) throw conflict('A side of this introduction was erased; create a new one');
      if (objected.has(p.id)) throw conflict(`${p.name} asked not to be contacted again: the introduction cannot be sent`);
      const email = emails.get(p.id);
      if (!email) {
        throw badRequest(`${p.name} has no email address: add one before sending`, [
          { path: s.side, message: 'no email address' },
        ]);
      }
      if (!isPlainAddress(email)) {
        throw badRequest(`The email address of ${p.name} cannot be used for sending`, [
          { path: s.side, message: 'not a plain address' },
        ]);
      }
      if (!s.subject?.trim() || !s.body?.trim()) {
        throw badRequest('Each side needs a subject and a message', [{ path: s.side, message: 'empty message' }]);
      }
      asked.push({ side: s, name: p.name, email });
    }
    if (asked.length === 2 && asked[0]?.email.toLowerCase() === asked[1]?.email.toLowerCase()) {
      throw badRequest('Both sides have the same email address', [{ path: 'b', message: 'same address as A' }]);
    }

    // Rate limits (reliability plan EM-07): per sender and per recipient, over the last 24 hours.
    const since = new Date(now.getTime() - DAY).toISOString();
    const mine = await outbox.requestsByOwnerSince(tx, ownerId, since);
    if (mine + asked.length > deps.config.mail.maxPerUserPerDay) {
      throw overDailyLimit(
        `You can send at most ${deps.config.mail.maxPerUserPerDay} introduction requests a day; ${mine} went out in the last 24 hours. Try again later.`,
      );
    }
    for (const a of asked) {
      const n = await outbox.requestsToSince(tx, a.email.toLowerCase(), since);
      if (n + 1 > deps.config.mail.maxPerRecipientPerDay) {
        throw overDailyLimit(`${a.name} has received too many introduction requests today; try again tomorrow.`);
      }
    }

    if (!(await repo.updateIntro(tx, ownerId, id, { status: 'asked', sent_at: nowIso, updated_at: nowIso }, ['draft']))) {
      throw conflict('The introduction was sent already');
    }
    await event(tx, ownerId, id, nowIso, 'sent', null);
    const first = intro.ask_order === 'a_first' ? asked.slice(0, 1) : asked;
    for (const a of first) await ask(tx, deps, user, a.side, { name: a.name, email: a.email });
    // The give is recorded in the ledger when a request is delivered (`requestDelivered`), not now.
  });
}

// --- what happened to the emails (called by the job that sends them, and by "try again") ------

/** Whether a queued message is still wanted: the intro still waits for this side, who has not objected. */
export async function mailStillWanted(
  db: Executor,
  m: Pick<outbox.MessageRow, 'owner_id' | 'intro_id' | 'ask_id' | 'kind' | 'side'>,
  now: string,
): Promise<boolean> {
  if (m.ask_id) return askMailStillWanted(db, m.owner_id, m.ask_id, now);
  if (!m.intro_id) return true;
  const intro = await repo.findIntro(db, m.owner_id, m.intro_id);
  if (!intro) return false;
  if (m.kind === 'intro_connect') return intro.status === 'connected';
  const side = (await repo.sidesOf(db, m.owner_id, [m.intro_id])).find((s) => s.side === m.side);
  // A request not yet delivered has no expiry yet (it starts when it arrives).
  if (!side || side.status !== 'asked' || (side.expires_at !== null && side.expires_at <= now)) return false;
  if (!OPEN.includes(intro.status)) return false;
  return !(side.person_id && (await repo.objectedAmong(db, m.owner_id, [side.person_id])).has(side.person_id));
}

/** When a request that has not arrived yet would expire if it left now. */
export function requestExpiry(deps: Deps, side: Pick<repo.SideRow, 'expires_at'>, now: Date): string {
  return side.expires_at ?? new Date(now.getTime() + deps.config.intros.expireDays * DAY).toISOString();
}

/**
 * A request reached its side (or, with no SMTP server, the outbox), in the transaction that
 * marks it sent: its reminder and expiry clock starts now, and, if it is the introduction's first
 * request delivered, the introduction becomes a give in the ledger. The intro's row is changed first: on PostgreSQL
 * its lock orders this with the other side's delivery and with answers, so one give is recorded.
 */
export async function requestDelivered(
  tx: Executor,
  deps: Deps,
  m: Pick<outbox.MessageRow, 'owner_id' | 'intro_id' | 'side'>,
  at: Date,
): Promise<void> {
  if (!m.intro_id || !m.side) return;
  const atIso = at.toISOString();
  if (!(await repo.updateIntro(tx, m.owner_id, m.intro_id, { updated_at: atIso }))) return;
  const expiresAt = new Date(at.getTime() + deps.config.intros.expireDays * DAY).toISOString();
  await repo.markSideDelivered(tx, m.owner_id, m.intro_id, m.side, atIso, expiresAt);
  // Only the first request delivered makes the give: a later one (B after A, with order a_first)
  // must not bring back a give the user deleted meanwhile.
  if ((await outbox.sentRequestCount(tx, m.owner_id, m.intro_id)) > 1) return;
  if ((await introGives(tx, m.owner_id, [m.intro_id])).length > 0) return;
  const intro = await repo.findIntro(tx, m.owner_id, m.intro_id);
  if (!intro) return;
  const sides = await repo.sidesOf(tx, m.owner_id, [m.intro_id]);
  const briefs = new Map(
    (
      await repo.peopleBriefs(
        tx,
        m.owner_id,
        sides.flatMap((s) => (s.person_id ? [s.person_id] : [])),
      )
    ).map((p) => [p.id, p]),
  );
  const names = SIDES.map((k) => {
    const s = sides.find((x) => x.side === k);
    return (s?.person_id ? briefs.get(s.person_id)?.name : undefined) ?? '?';
  });
  await recordIntroGive(tx, deps, m.owner_id, {
    id: intro.id,
    description: `${names[0]} ↔ ${names[1]}: ${intro.note}`,
    recipientIds: sides.flatMap((s) => (s.is_self === 0 && s.person_id && briefs.has(s.person_id) ? [s.person_id] : [])),
    on: atIso.slice(0, 10),
  });
}

/**
 * "Try again" for an email that was not delivered: a failed one is queued again (its job runs
 * again from its first attempt, with the same Message-ID), one waiting for its next attempt goes
 * now. 409 for an email that was delivered or is no longer needed (its introduction ended).
 */
export async function retryMail(deps: Deps, ownerId: string, id: string): Promise<void> {
  const now = deps.now();
  const nowIso = now.toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const m = await outbox.findMessage(tx, ownerId, id);
    if (!m) throw notFound();
    if (m.status === 'sent') throw conflict('This email was delivered already');
    if (m.status === 'cancelled') throw conflict('This email was cancelled: it is no longer needed');
    if (m.intro_id) {
      // Lock order intro → message, as everywhere else.
      await repo.updateIntro(tx, ownerId, m.intro_id, { updated_at: nowIso });
    }
    if (m.ask_id) await asks.updateAsk(tx, ownerId, m.ask_id, { updated_at: nowIso });
    if (!(await mailStillWanted(tx, m, nowIso))) {
      throw conflict(
        m.ask_id
          ? 'This email is no longer needed: its ask has ended'
          : 'This email is no longer needed: its introduction has ended',
      );
    }
    if (m.status === 'failed' && !(await outbox.requeueFailed(tx, ownerId, id))) {
      throw conflict('This email changed meanwhile; reload');
    }
    const job = m.job_id ? await findJob(tx, m.job_id) : undefined;
    if (job && (await runAgainNow(tx, job.id, nowIso))) {
      // The same job again: the same Message-ID.
    } else if (job?.state === 'pending') {
      // A worker holds it: it is being sent right now.
    } else {
      // No job left to run it (none, or one that ended): a new one.
      const jobId = await enqueue(tx, {
        kind: MAIL_JOB,
        payload: { messageId: m.id },
        ownerId,
        runAt: nowIso,
        maxAttempts: deps.config.mail.maxAttempts,
        now: nowIso,
      });
      await outbox.setJob(tx, m.id, jobId);
    }
  });
}

/** Stops the queued emails of an intro. */
async function stopMails(tx: Executor, deps: Deps, ownerId: string, introId: string): Promise<void> {
  const jobs = await outbox.cancelQueued(tx, ownerId, { introId });
  await cancelJobs(tx, jobs, deps.now().toISOString());
}

export async function cancelIntro(deps: Deps, ownerId: string, id: string): Promise<void> {
  const now = deps.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const intro = await repo.findIntro(tx, ownerId, id);
    if (!intro) throw notFound();
    if (
      !(await repo.updateIntro(tx, ownerId, id, { status: 'cancelled', closed_at: now, updated_at: now }, ['draft', ...OPEN]))
    ) {
      throw conflict(`This introduction is ${intro.status}: there is nothing to cancel`);
    }
    await repo.retireTokens(tx, id, now);
    await stopMails(tx, deps, ownerId, id);
    await event(tx, ownerId, id, now, 'cancelled', null);
  });
}

// --- answers (the public page at /i/{token}) ---------------------------------------------

export type AnswerAction = 'accept' | 'decline' | 'object';

export interface ValidLink {
  lang: Lang;
  userName: string;
  /** The other side's name, or null when the other side is the user ("get in touch with you"). */
  otherName: string | null;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

class InvalidLink extends Error {}

async function usableToken(db: Executor, secret: string, now: string) {
  if (!TOKEN_SHAPE.test(secret)) return null;
  const t = await repo.findToken(db, sha256(secret));
  if (!t || t.used_at !== null || t.expires_at <= now) return null;
  return t;
}

/** What the answer page shows for a link, or null for a wrong, used or expired one (all alike). Changes nothing. */
export async function viewLink(deps: Deps, secret: string): Promise<ValidLink | null> {
  const now = deps.now().toISOString();
  const t = await usableToken(deps.db, secret, now);
  if (!t) return null;
  const intro = await repo.findIntro(deps.db, t.owner_id, t.intro_id);
  const sides = await repo.sidesOf(deps.db, t.owner_id, [t.intro_id]);
  const s = sides.find((x) => x.side === t.side);
  const o = sides.find((x) => x.side === other(t.side));
  if (!intro || !s || !o || s.status !== 'asked') return null;
  const user = await owner(deps.db, t.owner_id);
  const op = o.person_id ? (await repo.peopleBriefs(deps.db, t.owner_id, [o.person_id]))[0] : undefined;
  return { lang: s.language, userName: user.display_name, otherName: o.is_self === 1 ? null : (op?.name ?? null) };
}

/**
 * Records an answer. The token is used by a conditional UPDATE (only one of any number of
 * concurrent uses passes), and the side moves from `asked` the same way. Returns null for a
 * wrong, used or expired link, exactly as `viewLink` does.
 */
export async function answerLink(
  deps: Deps,
  secret: string,
  action: AnswerAction,
): Promise<{ lang: Lang; userName: string } | null> {
  const now = deps.now().toISOString();
  if (!TOKEN_SHAPE.test(secret)) return null;
  const invalid = new InvalidLink();
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const t = await repo.findToken(tx, sha256(secret));
      if (!t) throw invalid;
      const ownerId = t.owner_id;
      // Lock order intro → token → side, as everywhere else: touching the intro takes its row lock
      // (PostgreSQL), which orders the answers of one introduction; then the token is used.
      if (!(await repo.updateIntro(tx, ownerId, t.intro_id, { updated_at: now }))) throw invalid;
      if (!(await repo.useToken(tx, t.id, now))) throw invalid;
      const status: IntroSidesTable['status'] = action === 'accept' ? 'accepted' : action === 'decline' ? 'declined' : 'objected';
      if (!(await repo.updateSide(tx, ownerId, t.intro_id, t.side, { status, answered_at: now }, ['asked']))) throw invalid;
      await repo.retireTokens(tx, t.intro_id, now, t.side);
      await event(
        tx,
        ownerId,
        t.intro_id,
        now,
        action === 'accept' ? 'accepted' : action === 'decline' ? 'declined' : 'objected',
        t.side,
        {
          tokenId: t.id,
          textVersion: TEXT_VERSION,
        },
      );
      const user = await owner(tx, ownerId);
      const intro = await repo.findIntro(tx, ownerId, t.intro_id);
      const sides = await repo.sidesOf(tx, ownerId, [t.intro_id]);
      const me = sides.find((x) => x.side === t.side);
      if (!intro || !me) throw invalid;
      if (action === 'accept') await afterAccept(tx, deps, user, intro, sides, t.side);
      else {
        if (OPEN.includes(intro.status)) {
          // Private: the other side is told nothing; their link keeps working and leads nowhere.
          await repo.updateIntro(tx, ownerId, intro.id, { status: 'declined', closed_at: now }, OPEN);
          await stopMails(tx, deps, ownerId, intro.id);
        }
        if (action === 'object' && me.person_id) await object(tx, deps, ownerId, me.person_id, intro.id);
      }
      return { lang: me.language, userName: user.display_name };
    });
  } catch (err) {
    // Rolled back: a refused answer changes nothing, not even a timestamp.
    if (err === invalid) return null;
    throw err;
  }
}

async function afterAccept(tx: Executor, deps: Deps, user: User, intro: repo.IntroRow, sides: repo.SideRow[], side: SideKey) {
  if (!OPEN.includes(intro.status)) return; // declined, expired or cancelled meanwhile: nothing more happens
  const now = deps.now().toISOString();
  const o = sides.find((x) => x.side === other(side));
  if (!o) return;
  if (o.status === 'accepted' || o.status === 'me') {
    if (!(await repo.updateIntro(tx, user.id, intro.id, { status: 'connected', connected_at: now, closed_at: now }, OPEN)))
      return;
    await event(tx, user.id, intro.id, now, 'connected', null);
    await queueConnect(tx, deps, user, intro, sides);
    return;
  }
  await repo.updateIntro(tx, user.id, intro.id, { status: 'accepted_one' }, OPEN);
  if (o.status === 'waiting' && o.person_id) {
    // Order a_first: B is asked once A accepted.
    if ((await repo.objectedAmong(tx, user.id, [o.person_id])).has(o.person_id)) {
      await repo.updateSide(tx, user.id, intro.id, o.side, { status: 'objected' }, ['waiting']);
      await repo.updateIntro(tx, user.id, intro.id, { status: 'declined', closed_at: now }, OPEN);
      return;
    }
    // The address is looked up now (it is never copied into the intro, so erasing the person leaves none).
    const p = (await repo.peopleBriefs(tx, user.id, [o.person_id]))[0];
    const email = await sendableEmail(tx, user.id, o.person_id);
    if (p && email) await ask(tx, deps, user, o, { name: p.name, email });
  }
}

async function queueConnect(tx: Executor, deps: Deps, user: User, intro: repo.IntroRow, sides: repo.SideRow[]) {
  const ids = sides.flatMap((s) => (s.person_id ? [s.person_id] : []));
  const briefs = new Map((await repo.peopleBriefs(tx, user.id, ids)).map((p) => [p.id, p]));
  const emails = await repo.primaryEmails(tx, user.id, ids);
  const parties = SIDES.map((k) => {
    const s = sides.find((x) => x.side === k);
    if (!s) return null;
    if (s.is_self === 1) return { name: user.display_name, email: user.email, lang: s.language, self: true, personId: null };
    const p = s.person_id ? briefs.get(s.person_id) : undefined;
    const email = p ? emails.get(p.id) : undefined;
    return p && email && isPlainAddress(email) ? { name: p.name, email, lang: s.language, self: false, personId: p.id } : null;
  });
  const [a, b] = parties;
  if (!a || !b) return; // a side was erased meanwhile: nobody left to introduce
  const userIsSide = a.self || b.self;
  const m = renderConnect({ langs: [a.lang, b.lang], userName: user.display_name, a, b, userIsSide, note: intro.note });
  const first = a.self ? b : a;
  const second = a.self ? a : b;
  await queueMail(tx, deps, {
    ownerId: user.id,
    kind: 'intro_connect',
    introId: intro.id,
    side: null,
    personId: first.personId,
    otherPersonId: second.personId,
    ...fromOf(deps, user),
    // Both people in To; me in Cc when I am not one of them (as the one who introduced them).
    to: [
      { name: first.name, address: first.email },
      { name: second.name, address: second.email },
    ],
    cc: userIsSide ? [] : [{ name: user.display_name, address: user.email }],
    ...m,
  });
}

/**
 * GDPR art. 21: the person objected. They are marked "do not contact"; every queued email to
 * them stops; every open introduction still waiting for them ends as declined, and every ask to
 * them to make an introduction ends as objected.
 */
export async function object(tx: Executor, deps: Deps, ownerId: string, personId: string, introId: string | null): Promise<void> {
  const now = deps.now().toISOString();
  await repo.addObjection(tx, ownerId, personId, introId, now);
  await cancelJobs(tx, await outbox.cancelQueued(tx, ownerId, { personId }), now);
  // Asks to them to make an introduction end too; their links stop working.
  for (const id of await asks.closeOpenAsksVia(tx, ownerId, personId, now)) await asks.retireAskTokens(tx, id, now);
  const waiting = await repo.sidesWaitingFor(tx, ownerId, personId, ['asked', 'waiting'], OPEN);
  for (const w of waiting) {
    await repo.updateIntro(tx, ownerId, w.intro_id, { updated_at: now });
    await repo.updateSide(tx, ownerId, w.intro_id, w.side, { status: 'objected', answered_at: now }, ['asked', 'waiting']);
    await repo.retireTokens(tx, w.intro_id, now, w.side);
    await repo.updateIntro(tx, ownerId, w.intro_id, { status: 'declined', closed_at: now, updated_at: now }, OPEN);
    await stopMails(tx, deps, ownerId, w.intro_id);
    await event(tx, ownerId, w.intro_id, now, 'objected', w.side);
  }
}

// --- reminders and expiry (a tick of the job worker) -------------------------------------

/** Reminds once whoever has not answered after INTRO_REMIND_DAYS; expires requests after INTRO_EXPIRE_DAYS. */
export async function sweepIntros(deps: Deps): Promise<{ reminded: number; expired: number }> {
  const now = deps.now();
  const nowIso = now.toISOString();
  const askedBefore = new Date(now.getTime() - deps.config.intros.remindDays * DAY).toISOString();
  let reminded = 0;
  let expired = 0;
  for (const r of await repo.sidesToRemind(deps.db, askedBefore, nowIso, 100)) {
    await deps.db.transaction().execute(async (tx) => {
      if (!(await repo.markReminded(tx, r.owner_id, r.intro_id, r.side, nowIso))) return; // another worker did it
      const s = (await repo.sidesOf(tx, r.owner_id, [r.intro_id])).find((x) => x.side === r.side);
      const p = s?.person_id ? (await repo.peopleBriefs(tx, r.owner_id, [s.person_id])).at(0) : undefined;
      const email = p ? await sendableEmail(tx, r.owner_id, p.id) : null;
      if (!s || !p || !email || (await repo.objectedAmong(tx, r.owner_id, [p.id])).has(p.id)) return;
      await queueRequest(tx, deps, await owner(tx, r.owner_id), s, { name: p.name, email }, true);
      await event(tx, r.owner_id, r.intro_id, nowIso, 'reminded', r.side);
      reminded++;
    });
  }
  for (const r of await repo.sidesExpired(deps.db, nowIso, 100)) {
    await deps.db.transaction().execute(async (tx) => {
      await repo.updateIntro(tx, r.owner_id, r.intro_id, { updated_at: nowIso });
      if (!(await repo.updateSide(tx, r.owner_id, r.intro_id, r.side, { status: 'expired' }, ['asked']))) return;
      await repo.retireTokens(tx, r.intro_id, nowIso, r.side);
      await event(tx, r.owner_id, r.intro_id, nowIso, 'expired', r.side);
      if (await repo.updateIntro(tx, r.owner_id, r.intro_id, { status: 'expired', closed_at: nowIso }, OPEN)) {
        await stopMails(tx, deps, r.owner_id, r.intro_id);
      }
      expired++;
    });
  }
  return { reminded, expired };
}
