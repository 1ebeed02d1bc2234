/**
 * Asks through a contact: "Enrico, would you introduce me (or Laura) to Stefano?".
 *
 * An ask is created and its email queued in one transaction; the job that sends it makes the
 * answer link (`/i/{token}`, the same rules as the introductions' links: 256 random bits stored as
 * SHA-256, single use, expiring with the ask) and, once it reached Enrico, schedules one reminder
 * and the expiry (`asks.mail.ts`). Enrico answers on the public page: every transition is a
 * conditional UPDATE from `asked`, after the ask's row was touched (its lock on PostgreSQL orders
 * concurrent answers), so exactly one answer counts.
 *
 * - yes: his help is recorded in the ledger as received (kind `introduction`), and the
 *   introduction between Stefano and me (or Laura) is created as a **draft**, with the note saying
 *   that Enrico agreed: it goes out in my name to someone who does not know me yet, so I read and
 *   send it (double opt-in as always) rather than Rete sending it on its own.
 * - no: recorded; nothing else happens.
 * - no longer in touch: the relationship Enrico–Stefano is marked lapsed; the Value Finder stops
 *   proposing that path (the network views reload both people).
 * - object (GDPR art. 21): Enrico is marked "do not contact", as from an introduction's page.
 */
import type { AskDraft, CreateAskBody, DraftAskBody, IntroAsk, ListAsksQuery } from '#shared/api/asks.ts';
import type { Executor } from '../../db/db.ts';
import type { AskStatus, User } from '../../db/schema.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { newId, sha256 } from '../../lib/ids.ts';
import { isUserEmail, selfPersonId } from '../auth/auth.repo.ts';
import type { Deps } from '../../deps.ts';
import { isPlainAddress } from '../email/sanitize.ts';
import * as outbox from '../outbox/outbox.repo.ts';
import { decodeCursor, encodeCursor, mailState, queueMail } from '../outbox/outbox.service.ts';
import { cancelJobs } from '../jobs/jobs.repo.ts';
import type { JobContext, JobHandler } from '../jobs/worker.ts';
import { recordIntroReceived, today } from '../ledger/ledger.service.ts';
import { recordChange } from '../network/changes.ts';
import * as repo from './asks.repo.ts';
import { askAnsweredPage, askIntroNote, askReceivedText, draftAsk, type AskAnswer } from './asks.texts.ts';
import { ASK_EXPIRE_JOB, ASK_REMIND_JOB } from './asks.mail.ts';
import { renderAskMail } from './mails.ts';
import * as intros from './intros.repo.ts';
import { createIntroIn, fromOf, languageOf, object, overDailyLimit, owner, sendableEmail, type Brief } from './intros.service.ts';
import type { Lang } from './texts.ts';

const DAY = 86_400_000;

// --- who, what, why ----------------------------------------------------------------------

interface Resolved {
  user: User;
  via: Brief;
  helper: Brief;
  /** Whose need: the user's own profile, or a contact. */
  seeker: Brief;
  needId: string | null;
  needText: string;
  why: string;
  language: Lang;
  forwardLang: Lang;
  email: string | null;
  doNotContact: boolean;
  lapsed: boolean;
  draft: { subject: string; body: string };
}

const invalid = (path: string, message: string, text: string) => badRequest(text, [{ path, message }]);

/**
 * The three people, the need and why the helper, checked against the owner's network. Ids that
 * are not the owner's are refused exactly like random ones (400 "unknown contact").
 */
async function resolve(tx: Executor, ownerId: string, input: DraftAskBody): Promise<Resolved> {
  const user = await owner(tx, ownerId);
  const forId = input.forPersonId === 'me' ? await selfPersonId(tx, ownerId) : input.forPersonId;
  const ids = { viaPersonId: input.viaPersonId, helperPersonId: input.helperPersonId, forPersonId: forId };
  const found = new Map((await intros.peopleBriefs(tx, ownerId, Object.values(ids))).map((p) => [p.id, p]));
  const unknown = Object.entries(ids).flatMap(([path, id]) => (found.has(id) ? [] : [{ path, message: 'unknown contact' }]));
  if (unknown.length > 0) throw badRequest('The people of an ask must be your contacts (or you, for whom)', unknown);
  const via = found.get(input.viaPersonId) as Brief;
  const helper = found.get(input.helperPersonId) as Brief;
  const seeker = found.get(forId) as Brief;
  if (via.isSelf) throw invalid('viaPersonId', 'that is you', 'Ask one of your contacts, not yourself');
  if (helper.isSelf) throw invalid('helperPersonId', 'that is you', 'The person to meet cannot be you');
  if (via.id === helper.id)
    throw invalid('helperPersonId', 'same as viaPersonId', 'The intermediary and the helper are one person');
  if (seeker.id === via.id || seeker.id === helper.id) {
    throw invalid(
      'forPersonId',
      'same as another person of the ask',
      'Three different people: the intermediary, the helper, whose need',
    );
  }

  let needId: string | null = null;
  let needText = input.needText ?? null;
  if (input.needId) {
    const need = await repo.findNeed(tx, ownerId, input.needId);
    if (!need || need.person_id !== seeker.id) {
      throw invalid('needId', 'unknown need', 'The need must be one of the needs of the person it is for');
    }
    needId = need.id;
    needText ??= need.text;
  }
  if (!needText) throw invalid('needText', 'give needId or needText', 'Say which need the introduction is for');

  let why = input.why ?? null;
  if (input.offerId) {
    const offer = await repo.findOffer(tx, ownerId, input.offerId);
    if (!offer || offer.person_id !== helper.id)
      throw invalid('offerId', 'unknown offer', 'The offer must be one of the helper’s');
    why ??= offer.text;
  }
  why ??= [helper.role, helper.company].filter(Boolean).join(', ');

  const [language, forwardLang, emails, objected, rel] = await Promise.all([
    input.language ?? languageOf(tx, ownerId, via, user.locale),
    languageOf(tx, ownerId, helper, user.locale),
    intros.primaryEmails(tx, ownerId, [via.id]),
    intros.objectedAmong(tx, ownerId, [via.id]),
    repo.relationshipOf(tx, ownerId, via.id, helper.id),
  ]);
  const seekerIsSelf = seeker.isSelf;
  const brief = (p: Brief) => ({ name: p.name, role: p.role, company: p.company });
  return {
    user,
    via,
    helper,
    seeker,
    needId,
    needText,
    why,
    language,
    forwardLang,
    email: emails.get(via.id) ?? null,
    doNotContact: objected.has(via.id),
    lapsed: !!rel?.lapsed_at,
    draft: draftAsk({
      lang: language,
      forwardLang,
      userName: user.display_name,
      userEmail: user.email,
      via: { name: via.name },
      helper: brief(helper),
      seeker: seekerIsSelf ? null : brief(seeker),
      need: needText,
      why,
    }),
  };
}

/** The email the intermediary would get, as drafted (nothing is stored). */
export async function draftAskMessage(deps: Deps, ownerId: string, input: DraftAskBody): Promise<AskDraft> {
  const r = await resolve(deps.db, ownerId, input);
  return {
    to: { name: r.via.name, email: r.email },
    doNotContact: r.doNotContact,
    lapsed: r.lapsed,
    language: r.language,
    message: r.draft,
  };
}

// --- asking ------------------------------------------------------------------------------

/** Queues the ask (or its reminder) to the intermediary, in the caller's transaction. */
async function queueAsk(
  tx: Executor,
  deps: Deps,
  user: User,
  a: repo.AskRow,
  to: { name: string; email: string },
  helperName: string,
  reminder: boolean,
): Promise<void> {
  const key = to.email.toLowerCase();
  const isUser = await isUserEmail(tx, key);
  const privacyNotice = !isUser && !(await outbox.wroteTo(tx, user.id, key));
  const m = renderAskMail({
    lang: a.language,
    subject: a.subject,
    body: a.body,
    userName: user.display_name,
    userEmail: user.email,
    helperName,
    privacyNotice,
    reminder,
  });
  await queueMail(tx, deps, {
    ownerId: user.id,
    kind: reminder ? 'intro_ask_reminder' : 'intro_ask',
    introId: null,
    askId: a.id,
    side: null,
    personId: a.via_person_id,
    ...fromOf(deps, user),
    to: [{ name: to.name, address: to.email }],
    cc: [],
    ...m,
  });
}

/**
 * Asks the intermediary: the ask and its email, in one transaction. 400 when they have no usable
 * address; 409 when they objected, said they are no longer in touch with the helper, or an ask
 * with the same people still waits; 429 beyond the daily limits of introduction requests.
 */
export async function createAsk(deps: Deps, ownerId: string, input: CreateAskBody): Promise<string> {
  const now = deps.now();
  const nowIso = now.toISOString();
  const id = newId();
  await deps.db.transaction().execute(async (tx) => {
    const r = await resolve(tx, ownerId, input);
    if (r.doNotContact) throw conflict(`${r.via.name} asked not to be contacted again: no ask can be sent to them`);
    if (r.lapsed) throw conflict(`${r.via.name} said they are no longer in touch with ${r.helper.name}`);
    if (!r.email) {
      throw invalid('viaPersonId', 'no email address', `${r.via.name} has no email address: add one before asking`);
    }
    if (!isPlainAddress(r.email)) {
      throw invalid('viaPersonId', 'not a plain address', `The email address of ${r.via.name} cannot be used for sending`);
    }
    if (await repo.openAskFor(tx, ownerId, r.via.id, r.helper.id, r.seeker.id)) {
      throw conflict(`You already asked ${r.via.name} for this introduction: wait for the answer, or cancel that ask`);
    }
    const since = new Date(now.getTime() - DAY).toISOString();
    const mine = await outbox.requestsByOwnerSince(tx, ownerId, since);
    if (mine + 1 > deps.config.mail.maxPerUserPerDay) {
      throw overDailyLimit(
        `You can send at most ${deps.config.mail.maxPerUserPerDay} introduction requests a day; ${mine} went out in the last 24 hours. Try again later.`,
      );
    }
    if ((await outbox.requestsToSince(tx, r.email.toLowerCase(), since)) + 1 > deps.config.mail.maxPerRecipientPerDay) {
      throw overDailyLimit(`${r.via.name} has received too many introduction requests today; try again tomorrow.`);
    }
    const row = {
      id,
      owner_id: ownerId,
      via_person_id: r.via.id,
      helper_person_id: r.helper.id,
      for_person_id: r.seeker.id,
      need_id: r.needId,
      need_text: r.needText,
      why: r.why,
      language: r.language,
      subject: input.subject ?? r.draft.subject,
      body: input.body ?? r.draft.body,
      status: 'asked' as const,
      intro_id: null,
      created_at: nowIso,
      updated_at: nowIso,
      asked_at: null,
      reminded_at: null,
      answered_at: null,
      expires_at: null,
      closed_at: null,
    };
    await repo.insertAsk(tx, row);
    await queueAsk(tx, deps, r.user, row, { name: r.via.name, email: r.email }, r.helper.name, false);
  });
  return id;
}

/** Stops the queued emails of an ask (and their jobs). */
async function stopAskMails(tx: Executor, ownerId: string, askId: string, now: string): Promise<void> {
  await cancelJobs(tx, await outbox.cancelQueued(tx, ownerId, { askId }), now);
}

export async function cancelAsk(deps: Deps, ownerId: string, id: string): Promise<void> {
  const now = deps.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const a = await repo.findAsk(tx, ownerId, id);
    if (!a) throw notFound();
    if (!(await repo.updateAsk(tx, ownerId, id, { status: 'cancelled', closed_at: now, updated_at: now }, repo.OPEN_ASK))) {
      throw conflict(`This ask is ${a.status}: there is nothing to cancel`);
    }
    await repo.retireAskTokens(tx, id, now);
    await stopAskMails(tx, ownerId, id, now);
  });
}

// --- reading -----------------------------------------------------------------------------

async function views(db: Executor, ownerId: string, rows: repo.AskRow[], now: string): Promise<IntroAsk[]> {
  const ids = rows.map((r) => r.id);
  const personIds = [...new Set(rows.flatMap((r) => [r.via_person_id, r.helper_person_id, r.for_person_id]))];
  const [people, emails, objected, messages, received] = await Promise.all([
    intros.peopleBriefs(db, ownerId, personIds),
    intros.primaryEmails(db, ownerId, [...new Set(rows.map((r) => r.via_person_id))]),
    intros.objectedAmong(db, ownerId, personIds),
    outbox.messagesOfAsks(db, ownerId, ids),
    repo.receivedOfAsks(db, ownerId, ids),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const ref = (id: string) => ({ id, name: byId.get(id)?.name ?? '' });
  const mail = (askId: string, kind: 'intro_ask' | 'intro_ask_reminder') => {
    const m = messages.filter((x) => x.ask_id === askId && x.kind === kind).at(-1);
    return m ? { id: m.id, ...mailState(m) } : null;
  };
  return rows.map((r) => ({
    id: r.id,
    // An ask past its expiry whose expiry job has not run yet is expired all the same.
    status: r.status === 'asked' && r.expires_at !== null && r.expires_at <= now ? ('expired' as const) : r.status,
    via: ref(r.via_person_id),
    helper: ref(r.helper_person_id),
    seeker: { ...ref(r.for_person_id), isSelf: byId.get(r.for_person_id)?.isSelf === true },
    email: emails.get(r.via_person_id) ?? null,
    doNotContact: objected.has(r.via_person_id),
    need: { id: r.need_id, text: r.need_text },
    why: r.why,
    language: r.language,
    message: { subject: r.subject, body: r.body },
    request: mail(r.id, 'intro_ask'),
    reminder: mail(r.id, 'intro_ask_reminder'),
    introId: r.intro_id,
    receivedId: received.find((x) => x.ask_id === r.id)?.id ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    askedAt: r.asked_at,
    remindedAt: r.reminded_at,
    answeredAt: r.answered_at,
    expiresAt: r.expires_at,
    closedAt: r.closed_at,
  }));
}

export async function getAsk(deps: Deps, ownerId: string, id: string): Promise<IntroAsk> {
  const row = await repo.findAsk(deps.db, ownerId, id);
  if (!row) throw notFound();
  const [v] = await views(deps.db, ownerId, [row], deps.now().toISOString());
  if (!v) throw notFound();
  return v;
}

export async function listAsks(deps: Deps, ownerId: string, q: ListAsksQuery) {
  const rows = await repo.listAsks(deps.db, ownerId, {
    status: q.status,
    personId: q.personId,
    before: decodeCursor(q.cursor),
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: await views(deps.db, ownerId, page, deps.now().toISOString()),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
  };
}

// --- the answer page (/i/{token}) --------------------------------------------------------

export interface ValidAskLink {
  lang: Lang;
  userName: string;
  helperName: string;
  /** Whose need, or null when it is the user's own. */
  seekerName: string | null;
  need: string;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** What the answer page shows for an ask's link, or null for a wrong, used or expired one. Changes nothing. */
export async function viewAskLink(deps: Deps, secret: string): Promise<ValidAskLink | null> {
  if (!TOKEN_SHAPE.test(secret)) return null;
  const now = deps.now().toISOString();
  const t = await repo.findAskToken(deps.db, sha256(secret));
  if (!t || t.used_at !== null || t.expires_at <= now) return null;
  const a = await repo.findAsk(deps.db, t.owner_id, t.ask_id);
  if (!a || a.status !== 'asked') return null;
  const [user, people] = await Promise.all([
    owner(deps.db, t.owner_id),
    intros.peopleBriefs(deps.db, t.owner_id, [a.helper_person_id, a.for_person_id]),
  ]);
  const helper = people.find((p) => p.id === a.helper_person_id);
  const seeker = people.find((p) => p.id === a.for_person_id);
  if (!helper || !seeker) return null;
  return {
    lang: a.language,
    userName: user.display_name,
    helperName: helper.name,
    seekerName: seeker.isSelf ? null : seeker.name,
    need: a.need_text,
  };
}

const STATUS_OF: Record<AskAnswer, AskStatus> = { yes: 'yes', no: 'no', gone: 'lost_touch', object: 'objected' };

class InvalidLink extends Error {}

/**
 * Records the intermediary's answer. Returns null for a wrong, used or expired link, exactly as
 * `viewAskLink` does; a refused answer rolls back and changes nothing.
 */
export async function answerAskLink(
  deps: Deps,
  secret: string,
  action: AskAnswer,
): Promise<{ lang: Lang; page: { title: string; body: string } } | null> {
  if (!TOKEN_SHAPE.test(secret)) return null;
  const now = deps.now();
  const nowIso = now.toISOString();
  const invalidLink = new InvalidLink();
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const t = await repo.findAskToken(tx, sha256(secret));
      if (!t) throw invalidLink;
      const ownerId = t.owner_id;
      // Lock order ask → token, as everywhere else: touching the ask takes its row lock (PostgreSQL).
      if (!(await repo.updateAsk(tx, ownerId, t.ask_id, { updated_at: nowIso }))) throw invalidLink;
      if (!(await repo.useAskToken(tx, t.id, nowIso))) throw invalidLink;
      const patch = { status: STATUS_OF[action], answered_at: nowIso, closed_at: nowIso };
      if (!(await repo.updateAsk(tx, ownerId, t.ask_id, patch, repo.OPEN_ASK))) throw invalidLink;
      await repo.retireAskTokens(tx, t.ask_id, nowIso);
      await stopAskMails(tx, ownerId, t.ask_id, nowIso);
      const a = await repo.findAsk(tx, ownerId, t.ask_id);
      if (!a) throw invalidLink;
      const user = await owner(tx, ownerId);
      const people = new Map(
        (await intros.peopleBriefs(tx, ownerId, [a.via_person_id, a.helper_person_id, a.for_person_id])).map((p) => [p.id, p]),
      );
      const via = people.get(a.via_person_id);
      const helper = people.get(a.helper_person_id);
      const seeker = people.get(a.for_person_id);
      if (!via || !helper || !seeker) throw invalidLink;

      if (action === 'yes') await afterYes(tx, deps, user, a, { via, helper, seeker });
      else if (action === 'gone') {
        const rel = await repo.relationshipOf(tx, ownerId, via.id, helper.id);
        if (rel && !rel.lapsed_at) {
          await repo.markRelationshipLapsed(tx, ownerId, rel.id, nowIso);
          // The network views (the Value Finder's paths) reload both people.
          await recordChange(tx, ownerId, [via.id, helper.id]);
        }
      } else if (action === 'object') await object(tx, deps, ownerId, via.id, null);
      return {
        lang: a.language,
        page: askAnsweredPage(a.language, action, { userName: user.display_name, helperName: helper.name }),
      };
    });
  } catch (err) {
    if (err === invalidLink) return null;
    throw err;
  }
}

/**
 * "Yes": the intermediary's help goes into the ledger as received, and the introduction is
 * drafted: the helper as A (asked first), the person in need as B (me: no request to me).
 */
async function afterYes(
  tx: Executor,
  deps: Deps,
  user: User,
  a: repo.AskRow,
  p: { via: Brief; helper: Brief; seeker: Brief },
): Promise<void> {
  const seekerIsSelf = p.seeker.isSelf;
  const names = { viaName: p.via.name, helperName: p.helper.name, seekerName: seekerIsSelf ? null : p.seeker.name };
  await recordIntroReceived(tx, deps, user.id, {
    askId: a.id,
    viaPersonId: p.via.id,
    description: askReceivedText(user.locale, { ...names, need: a.need_text }),
    on: today(deps),
  });
  // Nobody who objected is drafted an introduction; the ask still records the yes.
  const objected = await intros.objectedAmong(tx, user.id, [p.helper.id, p.seeker.id]);
  if (objected.size > 0) return;
  const noteLang = await languageOf(tx, user.id, p.helper, user.locale);
  const introId = await createIntroIn(tx, deps, user.id, {
    personAId: p.helper.id,
    personBId: seekerIsSelf ? 'me' : p.seeker.id,
    note: askIntroNote(noteLang, { ...names, need: a.need_text }).slice(0, 2_000),
    order: seekerIsSelf ? 'both' : 'a_first',
  });
  await repo.updateAsk(tx, user.id, a.id, { intro_id: introId });
}

// --- the reminder and the expiry (jobs scheduled when the ask reached the intermediary) -----

function askIdOf(payload: string): string | null {
  const v: unknown = JSON.parse(payload);
  return typeof v === 'object' && v !== null && typeof (v as { askId?: unknown }).askId === 'string'
    ? (v as { askId: string }).askId
    : null;
}

/** Reminds the intermediary once, if the ask is still unanswered. */
/**
 * A job about one ask: its payload's ask is read in the job's transaction (undefined when gone),
 * `act` does what is due, and the job is finished in that transaction whatever `act` decided.
 */
function askJob(
  act: (tx: Executor, deps: JobContext['deps'], a: repo.AskRow | undefined, nowIso: string) => Promise<void>,
): JobHandler {
  return {
    async run(job, ctx) {
      const askId = askIdOf(job.payload);
      const nowIso = ctx.deps.now().toISOString();
      await ctx.deps.db.transaction().execute(async (tx) => {
        await act(tx, ctx.deps, askId ? await repo.findAskById(tx, askId) : undefined, nowIso);
        await ctx.finish(tx);
      });
    },
  };
}

export const askRemindJob: JobHandler = askJob(async (tx, deps, a, nowIso) => {
  if (!a || a.status !== 'asked' || a.reminded_at !== null || (a.expires_at !== null && a.expires_at <= nowIso)) return;
  if (!(await repo.updateAsk(tx, a.owner_id, a.id, { reminded_at: nowIso, updated_at: nowIso }, repo.OPEN_ASK))) return;
  const [user, email, people, objected] = await Promise.all([
    owner(tx, a.owner_id),
    sendableEmail(tx, a.owner_id, a.via_person_id),
    intros.peopleBriefs(tx, a.owner_id, [a.via_person_id, a.helper_person_id]),
    intros.objectedAmong(tx, a.owner_id, [a.via_person_id]),
  ]);
  const via = people.find((p) => p.id === a.via_person_id);
  const helper = people.find((p) => p.id === a.helper_person_id);
  if (via && helper && email && !objected.has(via.id)) {
    await queueAsk(tx, deps, user, a, { name: via.name, email }, helper.name, true);
  }
});

/** Ends an ask still unanswered at its expiry: its links stop working, its queued emails stop. */
export const askExpireJob: JobHandler = askJob(async (tx, _deps, a, nowIso) => {
  if (!a || a.status !== 'asked' || a.expires_at === null || a.expires_at > nowIso) return;
  if (await repo.updateAsk(tx, a.owner_id, a.id, { status: 'expired', closed_at: nowIso, updated_at: nowIso }, repo.OPEN_ASK)) {
    await repo.retireAskTokens(tx, a.id, nowIso);
    await stopAskMails(tx, a.owner_id, a.id, nowIso);
  }
});

export const ASK_JOB_HANDLERS: Record<string, JobHandler> = { [ASK_REMIND_JOB]: askRemindJob, [ASK_EXPIRE_JOB]: askExpireJob };
