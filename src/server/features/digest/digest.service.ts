/**
 * The weekly digest (issue 13): opt-in, on the weekday and hour the user picked, in their zone and
 * language; the same content as Today (computed without counting as a visit), as links into the
 * app; sent by the job worker like every other email (SMTP, or the outbox without one).
 *
 * Never twice for a week. A worker tick looks for users whose digest moment of this week has come
 * (their week, in their zone, from their week start) and claims the week by writing the
 * `digest_sends` row, whose unique key (user, week) admits one; the email is queued in the same
 * transaction. A second tick, a second process, or a worker after a restart finds the week
 * claimed and sends nothing. A user who turns the digest on after this week's moment gets this
 * week's digest at the next tick (a catch-up, also after the server was down at the hour).
 *
 * An empty Today still makes a (short) digest: it says nothing is due and what to do to start.
 * A user who opted in and hears nothing cannot tell a quiet week from a digest that broke.
 *
 * One-click unsubscribe (RFC 8058): each digest's email carries a link of its own,
 * `PUBLIC_BASE_URL/u/<secret>`, in its `List-Unsubscribe` header (with `List-Unsubscribe-Post:
 * List-Unsubscribe=One-Click`) and at its foot. As for introductions, the secret is made by the
 * job when the email leaves (no secret waits in clear in the database) and only its SHA-256 is
 * kept, in the week's row; until then the row holds the hash of a secret nobody has. A POST to
 * the link turns the digest off, without a session; a GET only shows a page with a button (mail
 * scanners follow links). No `mailto:` unsubscribe: Rete reads no mailbox.
 */
import type { DigestPreview } from '#shared/api/routine.ts';
import type { Locale } from '#shared/api/values.ts';
import type { FastifyBaseLogger } from 'fastify';
import { createNetworkCache, type AppDeps, type Deps } from '../../deps.ts';
import { newId, newSecret, sha256 } from '../../lib/ids.ts';
import { addDays, localDate, startOfWeek, zonedInstant } from '../../lib/time.ts';
import { accountOf } from '../auth/auth.repo.ts';
import { displayName, escapeHtml } from '../email/sanitize.ts';
import { errorForLog } from '../jobs/worker.ts';
import type { MessageRow } from '../outbox/outbox.repo.ts';
import { BASE_URL_PLACEHOLDER, queueMail, UNSUBSCRIBE_PLACEHOLDER } from '../outbox/outbox.service.ts';
import * as routine from '../routine/routine.repo.ts';
import { settingsRow, updateSettings, zoneOf } from '../routine/routine.service.ts';
import { getToday } from '../routine/today.service.ts';
import { renderDigest, type RenderedDigest } from './digest.render.ts';
import * as repo from './digest.repo.ts';

/** Items of Today a digest shows at most (shared between the kinds, as Today shares them). */
export const DIGEST_ITEMS = 30;
/** Digests one tick composes at most: the rest wait for the next pass, so a pass stays short. */
export const DIGESTS_PER_TICK = 100;
/** Digests a tick composes at once. */
const COMPOSING_AT_ONCE = 3;

interface Schedule {
  time_zone: string | null;
  week_start: number;
  digest_weekday: number;
  digest_hour: number;
}

interface Recipient {
  id: string;
  email: string;
  display_name: string;
  locale: Locale;
}

/**
 * The week of `now` in the user's zone (its first day, from their week start) and the instant of
 * the week's digest: its weekday and hour there (an hour skipped by a DST change moves forward).
 */
export function digestWeek(now: Date, s: Schedule): { week: string; dueAt: Date } {
  const zone = zoneOf(s);
  const week = startOfWeek(localDate(now, zone), s.week_start);
  const day = addDays(week, (s.digest_weekday - s.week_start + 7) % 7);
  return { week, dueAt: zonedInstant(day, s.digest_hour, 0, zone) };
}

/**
 * A user's digest. `scratch`: Today is computed with in-memory views of its own, dropped after, so
 * that a weekly job does not keep every digest user's network in the process's memory (the
 * server's views are for the people using the app; a preview uses them).
 */
async function compose(
  deps: AppDeps,
  r: Recipient,
  links: { base: string; unsubscribe: string },
  opts: { scratch?: boolean } = {},
): Promise<RenderedDigest> {
  const d = opts.scratch ? { ...deps, network: createNetworkCache(deps.db) } : deps;
  const today = await getToday(d, r.id, { limit: DIGEST_ITEMS });
  return renderDigest(today, { lang: r.locale, name: r.display_name, ...links });
}

/** As queued: links are placeholders until the email leaves. */
const QUEUED_LINKS = { base: BASE_URL_PLACEHOLDER, unsubscribe: UNSUBSCRIBE_PLACEHOLDER };

/**
 * Claims the user's week and queues its email, in one transaction. False when the week was
 * claimed already (nothing is written then).
 */
async function claimAndQueue(deps: AppDeps, r: Recipient, week: string, mail: RenderedDigest): Promise<boolean> {
  const now = deps.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    const id = newId();
    const claimed = await repo.claimWeek(tx, {
      id,
      owner_id: r.id,
      week_start: week,
      // A secret nobody has: the job gives the digest its real one when the email leaves.
      unsubscribe_hash: sha256(newSecret()),
      mail_id: null,
      created_at: now,
    });
    if (!claimed) return false;
    const mailId = await queueMail(tx, deps, {
      ownerId: r.id,
      kind: 'digest',
      introId: null,
      side: null,
      personId: null,
      from: { name: 'Rete', address: deps.config.mail.from },
      replyTo: null,
      to: [{ name: displayName(r.display_name), address: r.email }],
      cc: [],
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
    await repo.setMail(tx, id, mailId);
    return true;
  });
}

/**
 * The worker's tick: the digest of every user whose moment of this week has come and whose week
 * is not claimed yet, at most DIGESTS_PER_TICK a pass. Each tick remembers the weeks it saw
 * claimed, so that later passes of the same week do not ask again.
 */
export function createDigestTick(): (deps: AppDeps, ctx?: { log: FastifyBaseLogger | null }) => Promise<{ queued: number }> {
  const seen = new Set<string>();
  let seenWeek = '';
  return async (deps, ctx) => {
    const now = deps.now();
    const users = await routine.digestUsers(deps.db);
    const due: Array<{ r: Recipient; week: string; key: string }> = [];
    for (const u of users) {
      const { week, dueAt } = digestWeek(now, u);
      const key = `${u.id}:${week}`;
      if (now >= dueAt && !seen.has(key)) due.push({ r: u, week, key });
    }
    if (due.length === 0) return { queued: 0 };
    const from = due.reduce((min, d) => (d.week < min ? d.week : min), due[0]?.week ?? '');
    // The weeks seen claimed before this one's earliest are of no use any more.
    if (from > seenWeek) {
      for (const k of seen) if (k.slice(k.indexOf(':') + 1) < from) seen.delete(k);
      seenWeek = from;
    }
    const claimed = await repo.weeksClaimed(
      deps.db,
      due.map((d) => d.r.id),
      from,
    );
    for (const k of claimed) seen.add(k);
    const todo = due.filter((d) => !claimed.has(d.key));
    // Several processes run this at once: each starts at a random place, so that they mostly
    // compose different users' digests instead of racing for the same ones.
    const start = Math.floor(Math.random() * todo.length);
    const order = [...todo.slice(start), ...todo.slice(0, start)].slice(0, DIGESTS_PER_TICK);
    let queued = 0;
    let next = 0;
    // A few at a time: on PostgreSQL one digest's reads wait on the server while another's Today is
    // computed; on SQLite the queries run one after the other anyway.
    const lane = async () => {
      for (let d = order[next++]; d; d = order[next++]) {
        try {
          const mail = await compose(deps, d.r, QUEUED_LINKS, { scratch: true });
          if (await claimAndQueue(deps, d.r, d.week, mail)) queued++;
          seen.add(d.key);
        } catch (err) {
          ctx?.log?.error({ userId: d.r.id, error: errorForLog(err) }, 'weekly digest failed');
        }
      }
    };
    await Promise.all(Array.from({ length: COMPOSING_AT_ONCE }, lane));
    return { queued };
  };
}

async function recipient(deps: Deps, userId: string): Promise<Recipient> {
  const a = await accountOf(deps.db, userId);
  if (!a) throw new Error(`no account ${userId}`);
  return { id: a.id, email: a.email, display_name: a.display_name, locale: a.locale };
}

/** The links of a digest shown now and not sent: the unsubscribe link has no secret. */
const shownLinks = (deps: Pick<Deps, 'config'>) => ({
  base: deps.config.publicBaseUrl,
  unsubscribe: `${deps.config.publicBaseUrl}/u/…`,
});

/** The digest the user would get if it left now (`GET /api/v1/digest/preview`). */
export async function previewDigest(deps: AppDeps, userId: string): Promise<DigestPreview> {
  return compose(deps, await recipient(deps, userId), shownLinks(deps));
}

export type SendOutcome =
  | { status: 'queued'; week: string }
  | { status: 'already'; week: string }
  | { status: 'off'; week: string }
  | { status: 'dry-run'; week: string; digest: RenderedDigest };

/**
 * This week's digest now (`rete digest send`), unless it was claimed already; only for a user whose
 * digest is on (it is opt-in: the job would not send it otherwise). `dryRun` composes it only.
 */
export async function sendDigestNow(deps: AppDeps, userId: string, opts: { dryRun?: boolean } = {}): Promise<SendOutcome> {
  const [r, settings] = await Promise.all([recipient(deps, userId), settingsRow(deps, userId)]);
  const { week } = digestWeek(deps.now(), settings);
  if (opts.dryRun) return { status: 'dry-run', week, digest: await compose(deps, r, shownLinks(deps)) };
  if (settings.digest_enabled !== 1) return { status: 'off', week };
  if (await repo.findWeek(deps.db, userId, week)) return { status: 'already', week };
  const mail = await compose(deps, r, QUEUED_LINKS, { scratch: true });
  return { status: (await claimAndQueue(deps, r, week, mail)) ? 'queued' : 'already', week };
}

// --- sending ---------------------------------------------------------------------------------------

export interface DigestSending {
  /** The bodies as they leave, with their links. */
  bodies: { text: string; html: string };
  /** The bodies the outbox keeps once sent over SMTP: the unsubscribe secret is not kept. */
  keptOverSmtp: { text: string; html: string };
  headers: Record<string, string>;
}

const fill = (s: string, base: string, unsubscribe: string, html: boolean): string =>
  s
    .split(BASE_URL_PLACEHOLDER)
    .join(html ? escapeHtml(base) : base)
    .split(UNSUBSCRIBE_PLACEHOLDER)
    .join(html ? escapeHtml(unsubscribe) : unsubscribe);

/**
 * Called by the mail job as a digest's email leaves: null when it is no longer wanted (the user
 * turned the digest off meanwhile, or the week's row is gone); otherwise a new unsubscribe secret
 * (its hash replaces the one before, written before the email leaves so that the link works as
 * soon as it arrives), the bodies with their links and the unsubscribe headers.
 */
export async function digestSending(
  deps: Deps,
  m: Pick<MessageRow, 'id' | 'owner_id' | 'text_body' | 'html_body'>,
): Promise<DigestSending | null> {
  const [settings, row] = await Promise.all([
    routine.findSettings(deps.db, m.owner_id),
    repo.findByMail(deps.db, m.owner_id, m.id),
  ]);
  if (!settings || settings.digest_enabled !== 1 || !row) return null;
  const secret = newSecret();
  await repo.setUnsubscribeHash(deps.db, row.id, sha256(secret));
  const base = deps.config.publicBaseUrl;
  const link = `${base}/u/${secret}`;
  const text = m.text_body ?? '';
  const html = m.html_body ?? '';
  return {
    bodies: { text: fill(text, base, link, false), html: fill(html, base, link, true) },
    keptOverSmtp: { text: fill(text, base, `${base}/u/…`, false), html: fill(html, base, `${base}/u/…`, true) },
    headers: { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

// --- unsubscribing ---------------------------------------------------------------------------------

const UNSUBSCRIBE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

async function unsubscribeOwner(deps: Deps, token: string): Promise<string | null> {
  if (!UNSUBSCRIBE_TOKEN.test(token)) return null;
  return repo.ownerOfUnsubscribe(deps.db, sha256(token));
}

/** The page of an unsubscribe link (GET): the language of its user, or null for a link that opens nothing. Changes nothing. */
export async function viewUnsubscribe(deps: Deps, token: string): Promise<{ lang: Locale } | null> {
  const owner = await unsubscribeOwner(deps, token);
  return owner ? { lang: (await recipient(deps, owner)).locale } : null;
}

/**
 * One-click unsubscribe (POST): turns the digest off. The same answer however often it is used
 * (the link keeps working, so a second click, or a mail provider's retry, is answered alike).
 */
export async function unsubscribe(deps: Deps, token: string): Promise<{ lang: Locale } | null> {
  const owner = await unsubscribeOwner(deps, token);
  if (!owner) return null;
  await updateSettings(deps, owner, { digestEnabled: false });
  return { lang: (await recipient(deps, owner)).locale };
}
