import type { Insertable, Selectable } from 'kysely';
import type {
  AskStatus,
  ChannelKind,
  FeedbackItemKind,
  FeedbackVerdict,
  FollowUpKind,
  GiveKind,
  InteractionKind,
  IntroOrder,
  IntroStatus,
  ItemStatus,
  LegalBasis,
  Locale,
  MailDelivery,
  MailErrorReason,
  MailKind,
  MailStatus,
  OutcomeKind,
  ReceivedKind,
  SideKey,
  SideStatus,
  SuppressionKind,
  TodayState,
} from '#shared/api/values.ts';

// The columns that hold a value of the contract take its type (shared/api/values.ts).
export type {
  AskStatus,
  ChannelKind,
  GiveKind,
  InteractionKind,
  IntroStatus,
  ItemStatus,
  LegalBasis,
  MailErrorReason,
  MailKind,
  MailStatus,
  OutcomeKind,
  ReceivedKind,
  SuppressionKind,
};
export type IntroSideStatus = SideStatus;

/**
 * The database as Kysely sees it. Portable types only: text UUIDs made in code,
 * ISO-8601 text timestamps, integers 0/1 for booleans, JSON as text.
 */
export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  locale: Locale;
  is_admin: number;
  /** Bumped in the same transaction as every change to the user's network; see network/changes. */
  network_version: number;
  created_at: string;
  updated_at: string;
  /** Random key of the account's suppression hashes (HMAC-SHA-256); made with the first suppression. */
  suppression_key: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a database dump yields no usable session. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface PeopleTable {
  id: string;
  owner_id: string;
  /** 1 for the owner's own profile ("Me"): their offers and needs live on it. */
  is_self: number;
  name: string;
  /** Lower-cased, accent-free name: the sort key of lists. */
  sort_name: string;
  company: string | null;
  role: string | null;
  city: string | null;
  country: string | null;
  language: Locale | null;
  notes: string | null;
  how_met: string | null;
  introduced_by_id: string | null;
  created_at: string;
  updated_at: string;
  /** GDPR art. 6: why the owner may keep this person's data. */
  legal_basis: LegalBasis | null;
  legal_basis_note: string | null;
  /** Where the data came from: "manual", "demo", "import:linkedin", "import:vcard", ... */
  source: string | null;
  source_at: string | null;
  /** `YYYY-MM-DD`, or `--MM-DD` when the year is unknown (migration 0011); optional when writing. */
  birthday?: string | null;
}

export interface PersonChannelsTable {
  id: string;
  owner_id: string;
  person_id: string;
  kind: ChannelKind;
  value: string;
  label: string | null;
  /** Lower-cased email, digits-only phone, canonical URL: the key for duplicate detection. */
  normalized: string;
  position: number;
}

export interface PersonTagsTable {
  owner_id: string;
  person_id: string;
  tag: string;
}

export interface InteractionsTable {
  id: string;
  owner_id: string;
  person_id: string;
  kind: InteractionKind;
  occurred_at: string;
  summary: string;
  created_at: string;
}

export interface RelationshipsTable {
  id: string;
  owner_id: string;
  /** The pair is stored ordered (a < b) so that "knows" is symmetric and unique. */
  person_a_id: string;
  person_b_id: string;
  strength: number;
  note: string | null;
  created_at: string;
  updated_at: string;
  /** The intermediary of an ask said they are no longer in touch: not a path of the Value Finder any more. */
  lapsed_at?: string | null;
}

export interface NeedsOffersTable {
  id: string;
  owner_id: string;
  person_id: string;
  text: string;
  language: Locale | null;
  status: ItemStatus;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface NetworkChangesTable {
  owner_id: string;
  version: number;
  person_id: string;
}

/** An erased person that imports must not bring back: hashes only, never the data in clear. */
export interface SuppressionsTable {
  id: string;
  owner_id: string;
  reason: string | null;
  /** JSON array of SuppressionKind. */
  kinds: string;
  created_at: string;
}

export interface SuppressionHashesTable {
  suppression_id: string;
  owner_id: string;
  kind: SuppressionKind;
  /** Hex HMAC-SHA-256 of the normalised value with the owner's suppression key. */
  hash: string;
}

/**
 * "Do not contact": the person objected (GDPR art. 21) through the link of an introduction email,
 * so no further introduction email may reach them. A row of its own rather than a column of
 * `people`, so that every writer of people rows stays as it is.
 */
export interface PersonObjectionsTable {
  person_id: string;
  owner_id: string;
  objected_at: string;
  /** The introduction whose email carried the objection. */
  intro_id: string | null;
}

/** An introduction between two people of the owner's network (or the owner and one person). */
export interface IntrosTable {
  id: string;
  owner_id: string;
  status: IntroStatus;
  ask_order: IntroOrder;
  note: string;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  connected_at: string | null;
  closed_at: string | null;
}

export interface IntroSidesTable {
  intro_id: string;
  side: SideKey;
  owner_id: string;
  /** Null once the person is erased. */
  person_id: string | null;
  is_self: number;
  language: Locale;
  status: IntroSideStatus;
  subject: string | null;
  body: string | null;
  message_edited: number;
  asked_at: string | null;
  reminded_at: string | null;
  answered_at: string | null;
  expires_at: string | null;
}

export interface IntroEventsTable {
  id: string;
  intro_id: string;
  owner_id: string;
  at: string;
  /** Order within the intro (events of one transaction share their time). */
  seq: number;
  type: string;
  side: SideKey | null;
  /** JSON; for answers the token id and text version (the consent record). */
  detail: string | null;
}

/** Accept / decline links: only the SHA-256 of the secret is stored. */
export interface IntroTokensTable {
  id: string;
  intro_id: string;
  owner_id: string;
  side: SideKey;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A contact asked to introduce the owner (or one of their contacts) to someone they know. */
export interface IntroAsksTable {
  id: string;
  owner_id: string;
  via_person_id: string;
  helper_person_id: string;
  for_person_id: string;
  need_id: string | null;
  need_text: string;
  why: string;
  language: Locale;
  subject: string;
  body: string;
  status: AskStatus;
  intro_id: string | null;
  created_at: string;
  updated_at: string;
  asked_at: string | null;
  reminded_at: string | null;
  answered_at: string | null;
  expires_at: string | null;
  closed_at: string | null;
}

/** The answer links of an ask: only the SHA-256 of the secret is stored. */
export interface IntroAskTokensTable {
  id: string;
  ask_id: string;
  owner_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export type JobState = 'pending' | 'done' | 'failed' | 'cancelled';

export interface JobsTable {
  id: string;
  owner_id: string | null;
  kind: string;
  /** JSON. */
  payload: string;
  state: JobState;
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_until: string | null;
  locked_by: string | null;
  done_at: string | null;
  last_error: string | null;
  created_at: string;
}

/** Every email Rete sends, and the outbox when no SMTP server is configured. */
export interface MailMessagesTable {
  id: string;
  owner_id: string;
  intro_id: string | null;
  /** The ask through a contact this email belongs to (the ask and its reminder); optional when writing (null). */
  ask_id?: string | null;
  side: SideKey | null;
  person_id: string | null;
  /** The second person of an introduction email to both. */
  other_person_id: string | null;
  job_id: string | null;
  kind: MailKind;
  status: MailStatus;
  /** JSON: name and address; the address is the configured MAIL_FROM of the moment it left. */
  from_addr: string;
  reply_to: string | null;
  /** JSON arrays of name and address. */
  to_addrs: string;
  cc_addrs: string;
  recipient_key: string;
  subject: string;
  text_body: string | null;
  html_body: string | null;
  message_id: string | null;
  delivery: MailDelivery | null;
  attempts: number;
  last_error: string | null;
  /** The kind of the last failure (null once sent, or before any failure). */
  error_reason: MailErrorReason | null;
  created_at: string;
  sent_at: string | null;
}

export interface GivesTable {
  id: string;
  owner_id: string;
  kind: GiveKind;
  /** YYYY-MM-DD. */
  given_on: string;
  description: string;
  need_id: string | null;
  intro_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface GiveRecipientsTable {
  give_id: string;
  owner_id: string;
  person_id: string;
}

export interface OutcomesTable {
  id: string;
  owner_id: string;
  give_id: string;
  kind: OutcomeKind;
  occurred_on: string;
  /** Hundredths of the currency unit. */
  value_cents: number | null;
  currency: string | null;
  note: string | null;
  created_at: string;
}

/** What others gave the owner: business passed to them, or an introduction someone agreed to make. */
export interface ReceivedBusinessTable {
  id: string;
  owner_id: string;
  /** `business` unless given (the column's default). */
  kind?: ReceivedKind;
  /** The ask through a contact whose "yes" recorded it (kind `introduction`); null unless given. */
  ask_id?: string | null;
  received_on: string;
  description: string;
  referred_by_id: string | null;
  value_cents: number | null;
  currency: string | null;
  created_at: string;
  updated_at: string;
}

export interface KyselyMigrationTable {
  name: string;
  timestamp: string;
}

/** A suggestion of the Value Finder marked by its user (migration 0010). */
export interface MatchFeedbackTable {
  id: string;
  owner_id: string;
  /** What was asked: a need or an offer of the network, or a need typed in "I need…". */
  item_kind: FeedbackItemKind;
  /** The need's or offer's id; for a typed ask, its folded words. */
  item_key: string;
  /** A typed ask as typed; null for a need or an offer. */
  ask_text: string | null;
  /** The person suggested. */
  person_id: string;
  verdict: FeedbackVerdict;
  /** JSON array of the catalogue concept ids of the ask, when the verdict was given. */
  concepts: string;
  created_at: string;
  updated_at: string;
}

/** A phrase a user taught Rete, and what it means to them (migration 0010). */
export interface TaughtWordsTable {
  id: string;
  owner_id: string;
  phrase: string;
  /** The phrase's folded words, one space apart: unique per owner. */
  phrase_key: string;
  /** Free words the phrase means (may be empty when concepts say it). */
  words: string;
  /** JSON array of catalogue concept ids. */
  concepts: string;
  created_at: string;
  updated_at: string;
}

/** The giving routine's settings of a user (migration 0011); no row means the defaults. */
export interface RoutineSettingsTable {
  user_id: string;
  /** IANA zone; null until set (the server's zone then). */
  time_zone: string | null;
  /** ISO weekday the week starts on: 1 Monday, 7 Sunday. */
  week_start: number;
  digest_enabled: number;
  digest_weekday: number;
  /** 0–23, in the user's zone. */
  digest_hour: number;
  /** Gives a week; null when no goal is set. */
  giving_goal: number | null;
  /** When the current visit of Today began (a look more than an hour after the last one starts a visit). */
  today_seen_at: string | null;
  /** When the previous visit began: what changed since then is marked new. */
  today_prev_seen_at: string | null;
  updated_at: string;
}

/** Keep in touch every N days with a person, or with everyone of a tag (migration 0011). */
export interface CadencesTable {
  id: string;
  owner_id: string;
  /** `person:<id>` or `tag:<folded tag>`: unique per owner. */
  target: string;
  person_id: string | null;
  tag: string | null;
  every_days: number;
  created_at: string;
  updated_at: string;
}

/** A next step with a date, or a scheduled one-to-one (migration 0011). */
export interface FollowUpsTable {
  id: string;
  owner_id: string;
  kind: FollowUpKind;
  text: string;
  /** YYYY-MM-DD in the user's zone. */
  due_on: string;
  /** HH:MM in the user's zone, or null for the whole day. */
  due_time: string | null;
  person_id: string | null;
  interaction_id: string | null;
  intro_id: string | null;
  give_id: string | null;
  done_at: string | null;
  created_at: string;
  updated_at: string;
}

/** An item of Today the user marked (migration 0011). */
export interface TodayStatesTable {
  owner_id: string;
  item_key: string;
  state: TodayState;
  /** YYYY-MM-DD: a snoozed item comes back on that day. */
  until_on: string | null;
  created_at: string;
}

/** The private calendar feed's secret, hashed (migration 0011). */
export interface CalendarTokensTable {
  user_id: string;
  token_hash: string;
  created_at: string;
}

/** A weekly digest claimed for a user and a week (migration 0011): never twice. */
export interface DigestSendsTable {
  id: string;
  owner_id: string;
  /** YYYY-MM-DD: the first day of the week in the user's zone and week start. */
  week_start: string;
  /** SHA-256 of the secret of this digest's one-click unsubscribe link. */
  unsubscribe_hash: string;
  mail_id: string | null;
  created_at: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  people: PeopleTable;
  person_channels: PersonChannelsTable;
  person_tags: PersonTagsTable;
  interactions: InteractionsTable;
  relationships: RelationshipsTable;
  needs: NeedsOffersTable;
  offers: NeedsOffersTable;
  network_changes: NetworkChangesTable;
  suppressions: SuppressionsTable;
  suppression_hashes: SuppressionHashesTable;
  person_objections: PersonObjectionsTable;
  intros: IntrosTable;
  intro_sides: IntroSidesTable;
  intro_events: IntroEventsTable;
  intro_tokens: IntroTokensTable;
  intro_asks: IntroAsksTable;
  intro_ask_tokens: IntroAskTokensTable;
  jobs: JobsTable;
  mail_messages: MailMessagesTable;
  gives: GivesTable;
  give_recipients: GiveRecipientsTable;
  outcomes: OutcomesTable;
  received_business: ReceivedBusinessTable;
  match_feedback: MatchFeedbackTable;
  taught_words: TaughtWordsTable;
  routine_settings: RoutineSettingsTable;
  cadences: CadencesTable;
  follow_ups: FollowUpsTable;
  today_states: TodayStatesTable;
  calendar_tokens: CalendarTokensTable;
  digest_sends: DigestSendsTable;
  kysely_migration: KyselyMigrationTable;
}

export type ItemTable = 'needs' | 'offers';
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Person = Selectable<PeopleTable>;
export type Item = Selectable<NeedsOffersTable>;
export type ApiToken = Selectable<ApiTokensTable>;
