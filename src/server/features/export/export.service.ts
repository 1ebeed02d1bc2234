/**
 * Export of a whole account: vCard 4.0 (and 3.0 for old phones), CSV safe to open in a
 * spreadsheet, and the complete JSON of the account (GDPR art. 15 and 20): the account, my
 * profile, every person with channels, tags, privacy fields, needs, offers and timeline, the
 * relationships, the suppression entries (hashes), the introductions (sides and events), the
 * outbox of their emails, the asks to contacts to make an introduction, the give ledger (gives,
 * recipients, outcomes, what I received: business and introductions), the
 * "do not contact" objections, what the Value Finder learnt from the user (verdicts on suggestions
 * and taught words), the giving routine (its settings, keep-in-touch cadences, follow-ups and the
 * marks on Today's items), and the names and dates of API tokens and sessions. Never a secret:
 * no password hash, token hash, session id, CSRF token, suppression key or live answer link.
 * Importing the JSON restores people and their data, and what the Value Finder learnt; not
 * introductions, emails or the ledger.
 */
import type {
  ExportFormat,
  FeedbackItemKind,
  FollowUpKind,
  TodayState,
  FeedbackVerdict,
  IntroOrder,
  ItemStatus,
  Locale,
  MailDelivery,
  ReceivedKind,
  SideKey,
} from '#shared/api/values.ts';
import type { Executor } from '../../db/db.ts';
import type {
  AskStatus,
  ChannelKind,
  Database,
  GiveKind,
  IntroSideStatus,
  IntroStatus,
  LegalBasis,
  MailKind,
  MailStatus,
  OutcomeKind,
  SuppressionKind,
} from '../../db/schema.ts';
import { notFound } from '../../lib/errors.ts';
import type { Deps } from '../../deps.ts';
import { parseIds } from '../learning/learn.ts';
import { exportSuppressions } from '../privacy/privacy.service.ts';
import * as repo from './export.repo.ts';
import { personDetails } from '../people/people.repo.ts';

export type { ExportFormat };

export interface ExportedFile {
  body: string;
  contentType: string;
  filename: string;
  /** People exported (Me excluded). */
  count: number;
}

interface Chan {
  value: string;
  label: string | null;
}

export interface AccountItem {
  id: string;
  text: string;
  language: Locale | null;
  status: ItemStatus;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface AccountPerson {
  id: string;
  name: string;
  company: string | null;
  role: string | null;
  city: string | null;
  country: string | null;
  language: Locale | null;
  notes: string | null;
  howMet: string | null;
  /** `YYYY-MM-DD`, or `--MM-DD` when the year is unknown. */
  birthday: string | null;
  introducedById: string | null;
  emails: Chan[];
  phones: Chan[];
  links: Chan[];
  tags: string[];
  needs: AccountItem[];
  offers: AccountItem[];
  timeline: Array<{ id: string; kind: string; occurredAt: string; summary: string; createdAt: string }>;
  privacy: { legalBasis: LegalBasis | null; legalBasisNote: string | null; source: string | null; sourceAt: string | null };
  createdAt: string;
  updatedAt: string;
}

export interface AccountExport {
  format: 'rete-export';
  version: 1;
  exportedAt: string;
  account: {
    id: string;
    email: string;
    displayName: string;
    /** The interface language. */
    locale: Locale;
    isAdmin: boolean;
    createdAt: string;
    updatedAt: string;
  };
  me: AccountPerson | null;
  people: AccountPerson[];
  relationships: Array<{
    id: string;
    personAId: string;
    personBId: string;
    strength: number;
    note: string | null;
    /** When an intermediary said they are no longer in touch (no longer a path). */
    lapsedAt: string | null;
    createdAt: string;
    updatedAt: string;
  }>;
  /** People erased with a suppression entry: keyed hashes only (the key is not exported). */
  suppressions: Array<{
    id: string;
    createdAt: string;
    reason: string | null;
    kinds: SuppressionKind[];
    hashes: Array<{ kind: SuppressionKind; hmacSha256: string }>;
  }>;
  /** API tokens: names and dates, never the secret or its hash. */
  tokens: Array<{ name: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }>;
  /** Sessions (logged-in browsers): dates only. */
  sessions: Array<{ createdAt: string; lastSeenAt: string; expiresAt: string }>;
  /** Introductions with both sides and their history; never the answer links or their hashes. */
  intros: AccountIntro[];
  /** Asks to contacts to make an introduction, and their answers; never the answer links or their hashes. */
  introAsks: AccountAsk[];
  /** The emails of introductions and asks: recipients, subject, status, dates and the text with answer links removed. */
  emails: AccountEmail[];
  /** The give ledger. */
  gives: AccountGive[];
  receivedBusiness: Array<{
    id: string;
    /** `business`, or `introduction`: a contact agreed to make an introduction I asked for. */
    kind: ReceivedKind;
    askId: string | null;
    receivedOn: string;
    description: string;
    referredById: string | null;
    valueCents: number | null;
    currency: string | null;
    createdAt: string;
    updatedAt: string;
  }>;
  /** People who asked not to be contacted again (GDPR art. 21). */
  objections: Array<{ personId: string; objectedAt: string; introId: string | null }>;
  /** Suggestions of the Value Finder I marked "good" or "not relevant" (restored by an import). */
  feedback: AccountFeedback[];
  /** Phrases I taught the Value Finder, and what they mean (restored by an import). */
  taughtWords: Array<{ id: string; phrase: string; words: string; concepts: string[]; createdAt: string; updatedAt: string }>;
  /** The giving routine: settings, keep-in-touch cadences, follow-ups, what I marked on Today. */
  routine: {
    settings: {
      timeZone: string | null;
      weekStart: number;
      digestEnabled: boolean;
      digestWeekday: number;
      digestHour: number;
      givingGoal: number | null;
    } | null;
    cadences: Array<{ id: string; personId: string | null; tag: string | null; everyDays: number; createdAt: string }>;
    followUps: Array<{
      id: string;
      kind: FollowUpKind;
      text: string;
      dueOn: string;
      dueTime: string | null;
      personId: string | null;
      interactionId: string | null;
      introId: string | null;
      giveId: string | null;
      doneAt: string | null;
      createdAt: string;
    }>;
    todayMarks: Array<{ key: string; state: TodayState; until: string | null; at: string }>;
  };
}

export interface AccountFeedback {
  id: string;
  /** `need` or `offer` of a person (`itemId`), or `ask`: a need typed in "I need…" (`ask`). */
  itemKind: FeedbackItemKind;
  itemId: string | null;
  ask: string | null;
  /** The person suggested. */
  personId: string;
  verdict: FeedbackVerdict;
  /** The catalogue concepts of what was asked, when the verdict was given. */
  concepts: string[];
  createdAt: string;
  updatedAt: string;
}

export interface AccountIntro {
  id: string;
  status: IntroStatus;
  askOrder: IntroOrder;
  note: string;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  connectedAt: string | null;
  closedAt: string | null;
  sides: Array<{
    side: SideKey;
    personId: string | null;
    isMe: boolean;
    language: Locale;
    status: IntroSideStatus;
    subject: string | null;
    body: string | null;
    messageEdited: boolean;
    askedAt: string | null;
    remindedAt: string | null;
    answeredAt: string | null;
    expiresAt: string | null;
  }>;
  events: Array<{ at: string; seq: number; type: string; side: SideKey | null; detail: unknown }>;
}

export interface AccountAsk {
  id: string;
  status: AskStatus;
  viaPersonId: string;
  helperPersonId: string;
  forPersonId: string;
  needId: string | null;
  needText: string;
  why: string;
  language: Locale;
  subject: string;
  body: string;
  introId: string | null;
  createdAt: string;
  updatedAt: string;
  askedAt: string | null;
  remindedAt: string | null;
  answeredAt: string | null;
  expiresAt: string | null;
  closedAt: string | null;
}

export interface EmailAddress {
  name: string | null;
  address: string;
}

export interface AccountEmail {
  id: string;
  introId: string | null;
  askId: string | null;
  side: SideKey | null;
  personId: string | null;
  otherPersonId: string | null;
  kind: MailKind;
  status: MailStatus;
  from: EmailAddress | null;
  replyTo: EmailAddress | null;
  to: EmailAddress[];
  cc: EmailAddress[];
  subject: string;
  /** The plain-text body; answer links are replaced by `…`. */
  text: string | null;
  delivery: MailDelivery | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface AccountGive {
  id: string;
  kind: GiveKind;
  givenOn: string;
  description: string;
  needId: string | null;
  introId: string | null;
  recipientIds: string[];
  outcomes: Array<{
    id: string;
    kind: OutcomeKind;
    occurredOn: string;
    valueCents: number | null;
    currency: string | null;
    note: string | null;
    createdAt: string;
  }>;
  createdAt: string;
  updatedAt: string;
}

/**
 * Where each table of the database is in the JSON export (a key of AccountExport), or why it is
 * not: a test checks that every table is in one of the two lists.
 */
export const EXPORTED_TABLES = {
  users: 'account',
  people: 'people',
  person_channels: 'people',
  person_tags: 'people',
  interactions: 'people',
  needs: 'people',
  offers: 'people',
  relationships: 'relationships',
  suppressions: 'suppressions',
  suppression_hashes: 'suppressions',
  api_tokens: 'tokens',
  sessions: 'sessions',
  intros: 'intros',
  intro_sides: 'intros',
  intro_events: 'intros',
  mail_messages: 'emails',
  gives: 'gives',
  give_recipients: 'gives',
  outcomes: 'gives',
  received_business: 'receivedBusiness',
  intro_asks: 'introAsks',
  person_objections: 'objections',
  match_feedback: 'feedback',
  taught_words: 'taughtWords',
  routine_settings: 'routine',
  cadences: 'routine',
  follow_ups: 'routine',
  today_states: 'routine',
} as const satisfies Partial<Record<keyof Database, keyof AccountExport>>;

export const NOT_EXPORTED_TABLES: Record<string, string> = {
  intro_tokens: 'answer-link secrets (hashes): the introductions and their events are exported',
  intro_ask_tokens: 'answer-link secrets (hashes) of asks: the asks and their answers are exported',
  jobs: 'internal work queue; the emails it sends are exported',
  network_changes: 'internal change log of the network views (person ids and version numbers)',
  kysely_migration: 'schema version, not account data',
  kysely_migration_lock: 'schema migration lock, not account data',
  calendar_tokens: 'the calendar feed secret (a hash): the feed is what the routine section holds',
  digest_sends: 'which weeks a digest was sent and its unsubscribe secret (a hash); the digest emails are exported',
};

/** Answer links (`/i/<secret>`) kept by the outbox are replaced: an export holds no live link. */
export const stripAnswerLinks = (s: string | null): string | null =>
  s === null ? null : s.replace(/\/i\/[A-Za-z0-9_-]{8,}/g, '/i/…');

function parseJson(s: string | null): unknown {
  if (s === null) return null;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return s;
  }
}

function parseAddress(v: unknown): EmailAddress | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as { name?: unknown; address?: unknown };
  return { name: typeof o.name === 'string' ? o.name : null, address: typeof o.address === 'string' ? o.address : '' };
}

const parseAddresses = (s: string): EmailAddress[] => {
  const v = parseJson(s);
  return Array.isArray(v) ? v.map(parseAddress).filter((a): a is EmailAddress => a !== null) : [];
};

/** An event's detail without token references (the consent record keeps the text version). */
function eventDetail(s: string | null): unknown {
  const v = parseJson(s);
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  return Object.fromEntries(Object.entries(v).filter(([k]) => !/token|secret|hash/i.test(k)));
}

function groupByKey<T, K extends keyof T>(rows: T[], key: K): Map<T[K], T[]> {
  const m = new Map<T[K], T[]>();
  for (const r of rows) {
    const list = m.get(r[key]);
    if (list) list.push(r);
    else m.set(r[key], [r]);
  }
  return m;
}

function groupBy<T extends { person_id: string }>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const list = m.get(r.person_id);
    if (list) list.push(r);
    else m.set(r.person_id, [r]);
  }
  return m;
}

/** Everything the account owns (see export.repo.ts), shaped for the export. */
export async function loadAccount(db: Executor, ownerId: string, now: Date): Promise<AccountExport> {
  const [rows, suppressions] = await Promise.all([repo.loadAccountRows(db, ownerId), exportSuppressions(db, ownerId)]);
  if (!rows) throw notFound();
  const {
    user,
    people,
    channels,
    tags,
    needs,
    offers,
    interactions,
    relationships,
    tokens,
    sessions,
    feedback,
    taught,
    intros,
    sides,
    events,
    mails,
    gives,
    recipients,
    outcomes,
    received,
    objections,
    asks,
    routineSettings,
    cadences,
    followUps,
    todayMarks,
  } = rows;
  const sidesOf = groupByKey(sides, 'intro_id');
  const eventsOf = groupByKey(events, 'intro_id');
  const recipientsOf = groupByKey(recipients, 'give_id');
  const outcomesOf = groupByKey(outcomes, 'give_id');
  const ch = groupBy(channels);
  const tg = groupBy(tags);
  const nd = groupBy(needs);
  const of = groupBy(offers);
  const it = groupBy(interactions);
  const item = (r: (typeof needs)[number]): AccountItem => ({
    id: r.id,
    text: r.text,
    language: r.language,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    closedAt: r.closed_at,
  });
  const kind = (id: string, k: ChannelKind) =>
    (ch.get(id) ?? []).filter((c) => c.kind === k).map((c) => ({ value: c.value, label: c.label }));
  let me: AccountPerson | null = null;
  const out: AccountPerson[] = [];
  for (const p of people) {
    const person: AccountPerson = {
      id: p.id,
      name: p.name,
      ...personDetails(p),
      howMet: p.how_met,
      birthday: p.birthday ?? null,
      introducedById: p.introduced_by_id,
      emails: kind(p.id, 'email'),
      phones: kind(p.id, 'phone'),
      links: kind(p.id, 'link'),
      tags: (tg.get(p.id) ?? []).map((t) => t.tag),
      needs: (nd.get(p.id) ?? []).map(item),
      offers: (of.get(p.id) ?? []).map(item),
      timeline: (it.get(p.id) ?? []).map((t) => ({
        id: t.id,
        kind: t.kind,
        occurredAt: t.occurred_at,
        summary: t.summary,
        createdAt: t.created_at,
      })),
      privacy: { legalBasis: p.legal_basis, legalBasisNote: p.legal_basis_note, source: p.source, sourceAt: p.source_at },
      createdAt: p.created_at,
      updatedAt: p.updated_at,
    };
    if (p.is_self === 1) me = person;
    else out.push(person);
  }
  return {
    format: 'rete-export',
    version: 1,
    exportedAt: now.toISOString(),
    account: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      locale: user.locale,
      isAdmin: user.is_admin === 1,
      createdAt: user.created_at,
      updatedAt: user.updated_at,
    },
    me,
    people: out,
    relationships: relationships.map((r) => ({
      id: r.id,
      personAId: r.person_a_id,
      personBId: r.person_b_id,
      strength: r.strength,
      note: r.note,
      lapsedAt: r.lapsed_at ?? null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    })),
    suppressions,
    tokens: tokens.map((t) => ({ name: t.name, createdAt: t.created_at, lastUsedAt: t.last_used_at, revokedAt: t.revoked_at })),
    sessions: sessions.map((x) => ({ createdAt: x.created_at, lastSeenAt: x.last_seen_at, expiresAt: x.expires_at })),
    intros: intros.map((i) => ({
      id: i.id,
      status: i.status,
      askOrder: i.ask_order,
      note: i.note,
      createdAt: i.created_at,
      updatedAt: i.updated_at,
      sentAt: i.sent_at,
      connectedAt: i.connected_at,
      closedAt: i.closed_at,
      sides: (sidesOf.get(i.id) ?? []).map((x) => ({
        side: x.side,
        personId: x.person_id,
        isMe: x.is_self === 1,
        language: x.language,
        status: x.status,
        subject: x.subject,
        body: x.body,
        messageEdited: x.message_edited === 1,
        askedAt: x.asked_at,
        remindedAt: x.reminded_at,
        answeredAt: x.answered_at,
        expiresAt: x.expires_at,
      })),
      events: (eventsOf.get(i.id) ?? []).map((e) => ({
        at: e.at,
        seq: Number(e.seq),
        type: e.type,
        side: e.side,
        detail: eventDetail(e.detail),
      })),
    })),
    introAsks: asks.map((a) => ({
      id: a.id,
      status: a.status,
      viaPersonId: a.via_person_id,
      helperPersonId: a.helper_person_id,
      forPersonId: a.for_person_id,
      needId: a.need_id,
      needText: a.need_text,
      why: a.why,
      language: a.language,
      subject: a.subject,
      body: a.body,
      introId: a.intro_id,
      createdAt: a.created_at,
      updatedAt: a.updated_at,
      askedAt: a.asked_at,
      remindedAt: a.reminded_at,
      answeredAt: a.answered_at,
      expiresAt: a.expires_at,
      closedAt: a.closed_at,
    })),
    emails: mails.map((m) => ({
      id: m.id,
      introId: m.intro_id,
      askId: m.ask_id ?? null,
      side: m.side,
      personId: m.person_id,
      otherPersonId: m.other_person_id,
      kind: m.kind,
      status: m.status,
      from: parseAddress(parseJson(m.from_addr)),
      replyTo: parseAddress(parseJson(m.reply_to)),
      to: parseAddresses(m.to_addrs),
      cc: parseAddresses(m.cc_addrs),
      subject: m.subject,
      text: stripAnswerLinks(m.text_body),
      delivery: m.delivery,
      attempts: Number(m.attempts),
      lastError: m.last_error,
      createdAt: m.created_at,
      sentAt: m.sent_at,
    })),
    gives: gives.map((g) => ({
      id: g.id,
      kind: g.kind,
      givenOn: g.given_on,
      description: g.description,
      needId: g.need_id,
      introId: g.intro_id,
      recipientIds: (recipientsOf.get(g.id) ?? []).map((r) => r.person_id),
      outcomes: (outcomesOf.get(g.id) ?? []).map((o) => ({
        id: o.id,
        kind: o.kind,
        occurredOn: o.occurred_on,
        valueCents: o.value_cents === null ? null : Number(o.value_cents),
        currency: o.currency,
        note: o.note,
        createdAt: o.created_at,
      })),
      createdAt: g.created_at,
      updatedAt: g.updated_at,
    })),
    receivedBusiness: received.map((r) => ({
      id: r.id,
      kind: r.kind ?? 'business',
      askId: r.ask_id ?? null,
      receivedOn: r.received_on,
      description: r.description,
      referredById: r.referred_by_id,
      valueCents: r.value_cents === null ? null : Number(r.value_cents),
      currency: r.currency,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    })),
    objections: objections.map((o) => ({ personId: o.person_id, objectedAt: o.objected_at, introId: o.intro_id })),
    feedback: feedback.map((f) => ({
      id: f.id,
      itemKind: f.item_kind,
      itemId: f.item_kind === 'ask' ? null : f.item_key,
      ask: f.item_kind === 'ask' ? f.ask_text : null,
      personId: f.person_id,
      verdict: f.verdict,
      concepts: parseIds(f.concepts),
      createdAt: f.created_at,
      updatedAt: f.updated_at,
    })),
    taughtWords: taught.map((t) => ({
      id: t.id,
      phrase: t.phrase,
      words: t.words,
      concepts: parseIds(t.concepts),
      createdAt: t.created_at,
      updatedAt: t.updated_at,
    })),
    routine: {
      settings:
        routineSettings.map((s) => ({
          timeZone: s.time_zone,
          weekStart: s.week_start,
          digestEnabled: s.digest_enabled === 1,
          digestWeekday: s.digest_weekday,
          digestHour: s.digest_hour,
          givingGoal: s.giving_goal,
        }))[0] ?? null,
      cadences: cadences.map((c) => ({
        id: c.id,
        personId: c.person_id,
        tag: c.tag,
        everyDays: c.every_days,
        createdAt: c.created_at,
      })),
      followUps: followUps.map((f) => ({
        id: f.id,
        kind: f.kind,
        text: f.text,
        dueOn: f.due_on,
        dueTime: f.due_time,
        personId: f.person_id,
        interactionId: f.interaction_id,
        introId: f.intro_id,
        giveId: f.give_id,
        doneAt: f.done_at,
        createdAt: f.created_at,
      })),
      todayMarks: todayMarks.map((m) => ({ key: m.item_key, state: m.state, until: m.until_on, at: m.created_at })),
    },
  };
}

// --- vCard ----------------------------------------------------------------------------------

/** RFC 6350 §3.4 / RFC 2426 §4: backslash, comma, semicolon and newlines are escaped. */
export const escapeVcardText = (s: string): string =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
      limit = 74; // continuation lines start with a space
    }
    current += ch;
    bytes += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const TYPE_LABEL = /^[A-Za-z][A-Za-z0-9-]{0,30}$/;

function typeParam(label: string | null, v4: boolean): string {
  if (!label) return '';
  if (TYPE_LABEL.test(label)) return `;TYPE=${v4 ? label.toLowerCase() : label.toUpperCase()}`;
  return '';
}

function splitName(name: string): { given: string; family: string } {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { given: name.trim(), family: '' };
  return { given: words.slice(0, -1).join(' '), family: words.at(-1) ?? '' };
}

/**
 * `BDAY` as each version writes it. vCard 4 (RFC 6350 §4.3.1): `19840229`, and `--0229` without
 * the year. vCard 3 (RFC 2426 §3.1.5) has no form without a year: `1984-02-29`, and a year-less
 * birthday the way Apple Contacts writes it (and Apple, Google and Rete read it), a leap
 * placeholder year named by `X-APPLE-OMIT-YEAR`, so that 29 February stays a date.
 */
export function vcardBirthday(birthday: string, v4: boolean): string {
  const monthDay = birthday.slice(-5);
  if (v4) return `BDAY:${birthday.startsWith('--') ? `--${monthDay.replace('-', '')}` : birthday.replace(/-/g, '')}`;
  return birthday.startsWith('--') ? `BDAY;X-APPLE-OMIT-YEAR=1604:1604-${monthDay}` : `BDAY:${birthday}`;
}

export function toVcard(p: AccountPerson, version: '4.0' | '3.0'): string {
  const v4 = version === '4.0';
  const lines: string[] = ['BEGIN:VCARD', `VERSION:${version}`];
  const { given, family } = splitName(p.name);
  lines.push(`FN:${escapeVcardText(p.name)}`);
  lines.push(`N:${escapeVcardText(family)};${escapeVcardText(given)};;;`);
  if (p.company) lines.push(`ORG:${escapeVcardText(p.company)}`);
  if (p.role) lines.push(`TITLE:${escapeVcardText(p.role)}`);
  for (const e of p.emails) lines.push(`EMAIL${typeParam(e.label, v4)}${v4 ? '' : ';TYPE=INTERNET'}:${escapeVcardText(e.value)}`);
  for (const t of p.phones) lines.push(`TEL${typeParam(t.label, v4)}:${escapeVcardText(t.value)}`);
  for (const u of p.links) lines.push(`URL${typeParam(u.label, v4)}:${u.value}`);
  if (p.city || p.country) lines.push(`ADR:;;;${escapeVcardText(p.city ?? '')};;;${escapeVcardText(p.country ?? '')}`);
  if (p.birthday) lines.push(vcardBirthday(p.birthday, v4));
  if (p.notes) lines.push(`NOTE:${escapeVcardText(p.notes)}`);
  if (p.tags.length) lines.push(`CATEGORIES:${p.tags.map(escapeVcardText).join(',')}`);
  if (p.howMet) lines.push(`X-RETE-HOW-MET:${escapeVcardText(p.howMet)}`);
  lines.push(`UID:${v4 ? 'urn:uuid:' : ''}${p.id}`);
  lines.push(`REV:${p.updatedAt.replace(/[-:]/g, '').replace(/\.\d+/, '')}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

// --- CSV ------------------------------------------------------------------------------------

/**
 * A cell a spreadsheet would read as a formula gets a leading apostrophe, so it stays text: one
 * that starts (also after leading spaces) with `=`, `-`, `@`, a tab or a carriage return, or with
 * `+` unless it is a phone number ("+39 333 1234567" stays as it is: digits, spaces and `( ) . - /`
 * make no formula that calls anything).
 */
export function neutraliseCell(value: string): string {
  const m = /^[ \u00a0]*([=+\-@\t\r])/.exec(value);
  if (!m) return value;
  if (m[1] === '+' && /^[ \u00a0]*\+[\d ().\-/]*\d[\d ().\-/]*$/.test(value)) return value;
  return `'${value}`;
}

/** RFC 4180: quoted when it holds a quote, comma, semicolon, CR or LF; quotes doubled. */
export function csvCell(value: string | null | undefined): string {
  const v = neutraliseCell(value ?? '');
  return /[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The CSV's header in the user's language. */
export const CSV_HEADER: Readonly<Record<Locale, readonly string[]>> = {
  en: [
    'Name',
    'Company',
    'Role',
    'Emails',
    'Phones',
    'Links',
    'City',
    'Country',
    'Tags',
    'How we met',
    'Birthday',
    'Notes',
    'Open needs',
    'Open offers',
    'Created',
  ],
  it: [
    'Nome',
    'Azienda',
    'Ruolo',
    'Email',
    'Telefoni',
    'Link',
    'Città',
    'Paese',
    'Etichette',
    'Come ci siamo conosciuti',
    'Compleanno',
    'Note',
    'Bisogni aperti',
    'Offerte aperte',
    'Data di inserimento',
  ],
};

/**
 * The separator Excel expects in each language: a semicolon in Italian (where the comma is the
 * decimal mark), a comma in English.
 */
export const CSV_SEPARATOR: Readonly<Record<Locale, string>> = { it: ';', en: ',' };

const joinValues = (list: Chan[]) => list.map((c) => c.value).join('; ');
const openItems = (list: AccountItem[]) =>
  list
    .filter((i) => i.status === 'open')
    .map((i) => i.text)
    .join('; ');

export function toCsv(people: AccountPerson[], lang: Locale = 'en'): string {
  const sep = CSV_SEPARATOR[lang];
  const rows = [CSV_HEADER[lang].map(csvCell).join(sep)];
  for (const p of people) {
    rows.push(
      [
        p.name,
        p.company,
        p.role,
        joinValues(p.emails),
        joinValues(p.phones),
        joinValues(p.links),
        p.city,
        p.country,
        p.tags.join('; '),
        p.howMet,
        p.birthday,
        p.notes,
        openItems(p.needs),
        openItems(p.offers),
        p.createdAt,
      ]
        .map(csvCell)
        .join(sep),
    );
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

// --- the whole thing ------------------------------------------------------------------------

/**
 * The account as a file. The CSV is in `lang` (default: the account's language): its header,
 * and the separator Excel expects in that language.
 */
export async function exportAccount(deps: Deps, ownerId: string, format: ExportFormat, lang?: Locale): Promise<ExportedFile> {
  const now = deps.now();
  const account = await loadAccount(deps.db, ownerId, now);
  const day = now.toISOString().slice(0, 10);
  const count = account.people.length;
  switch (format) {
    case 'vcard':
    case 'vcard3':
      return {
        body: account.people.map((p) => toVcard(p, format === 'vcard' ? '4.0' : '3.0')).join(''),
        contentType: 'text/vcard; charset=utf-8',
        filename: `rete-contacts-${day}.vcf`,
        count,
      };
    case 'csv':
      return {
        body: toCsv(account.people, lang ?? account.account.locale),
        contentType: 'text/csv; charset=utf-8',
        filename: `rete-contacts-${day}.csv`,
        count,
      };
    case 'json':
      return {
        body: `${JSON.stringify(account, null, 2)}\n`,
        contentType: 'application/json; charset=utf-8',
        filename: `rete-export-${day}.json`,
        count,
      };
  }
}
