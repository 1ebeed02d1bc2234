/**
 * The values of the contract's enumerations, each once, as plain arrays: the zod contract builds
 * its enums from them, the server and the web app import them. This module imports nothing, so
 * the web bundle takes these values without the contract (and zod). A value added here is a type
 * error wherever the web app lists, words or colours these values and misses it (the web's
 * `i18n/values.test.ts` checks that every value has its words in both languages).
 */

// --- Common ------------------------------------------------------------------------------

/** The languages of Rete: of an account, a person, an email, the interface. */
export const LOCALES = ['it', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(v: unknown): v is Locale {
  return (LOCALES as readonly unknown[]).includes(v);
}

/** The two sides of an introduction, or the two people of a likely duplicate. */
export const SIDE_KEYS = ['a', 'b'] as const;
export type SideKey = (typeof SIDE_KEYS)[number];

// --- People ------------------------------------------------------------------------------

/** Where a person can be reached (the emails, phones and links of a person). */
export const CHANNEL_KINDS = ['email', 'phone', 'link'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** A need or an offer: still open, or satisfied. */
export const ITEM_STATUSES = ['open', 'satisfied'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** What happened with a person: a timeline entry's kind. Every kind resets keep-in-touch. */
export const INTERACTION_KINDS = ['meeting', 'call', 'coffee', 'message', 'one_to_one', 'note'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** How well two people know each other: 1 = acquaintance, 2 = good, 3 = close. */
export const STRENGTHS = [1, 2, 3] as const;
export type Strength = (typeof STRENGTHS)[number];

/** Where a search found a person when not all its words are in the name. */
export const SEARCH_MATCH_FIELDS = ['company', 'role', 'city', 'tag', 'offer', 'need', 'howMet', 'notes', 'concept'] as const;
export type SearchMatchField = (typeof SEARCH_MATCH_FIELDS)[number];

// --- Privacy -----------------------------------------------------------------------------

export const LEGAL_BASES = ['legitimate_interest', 'consent', 'contract', 'other'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** What a suppression entry hashed: the channels, or the name for a person who had none. */
export const SUPPRESSION_KINDS = [...CHANNEL_KINDS, 'name'] as const;
export type SuppressionKind = (typeof SUPPRESSION_KINDS)[number];

// --- Duplicates --------------------------------------------------------------------------

export const DUPLICATE_REASONS = ['same_email', 'same_phone', 'same_link', 'similar_name', 'same_company'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** Reasons that say two people are one: an identical email, phone number or LinkedIn profile. */
export const STRONG_REASONS = ['same_email', 'same_phone', 'same_link'] as const satisfies readonly DuplicateReason[];

// --- Import and export -------------------------------------------------------------------

/** The default largest import (the server's `IMPORT_MAX_BYTES` may set another; `GET /api/v1/auth/state` tells). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const IMPORT_FORMATS = ['vcard', 'linkedin', 'google', 'csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What a column of a generic CSV file holds (the column-mapping step). */
export const CSV_FIELDS = [
  'name',
  'givenName',
  'familyName',
  'company',
  'role',
  'email',
  'phone',
  'link',
  'city',
  'country',
  'notes',
  'tags',
  'ignore',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/**
 * What went wrong with a line of an imported file, as a code with parameters, so that each
 * interface words it in its own language.
 */
export const IMPORT_PROBLEM_CODES = [
  // Any contact
  'no_name',
  'no_name_no_email',
  'text_too_long',
  'control_chars_removed',
  'email_invalid',
  'phone_invalid',
  'link_not_http',
  'link_invalid',
  'too_many_tags',
  'too_many_channels',
  'birthday_not_date',
  'too_many_problems',
  // CSV
  'csv_no_rows',
  'csv_no_header',
  'csv_unclosed_quote',
  'csv_record_too_long',
  'csv_too_many_rows',
  'csv_wrong_delimiter',
  'csv_extra_fields',
  'csv_not_linkedin',
  'csv_not_google',
  'csv_mapping_unknown_column',
  'csv_mapping_unknown_field',
  'linkedin_connected_on_not_date',
  // vCard
  'vcard_not_vcard',
  'vcard_unreadable',
  'vcard_card_unreadable',
  'vcard_too_many_cards',
  'vcard_too_deep',
  'vcard_nested',
  'vcard_end_without_begin',
  'vcard_text_outside',
  'vcard_stray_continuation',
  'vcard_not_property',
  'vcard_property_too_long',
  'vcard_too_many_properties',
  'vcard_no_end',
  'vcard_property_unreadable',
  'vcard_unknown_charset',
  'vcard_invalid_bytes',
  'vcard_photo_data_not_base64',
  'vcard_photo_unusable',
  'vcard_photo_too_large',
  'vcard_photo_not_base64',
  'vcard_photo_not_image',
  'vcard_photo_too_many_pixels',
  // Rete JSON
  'json_invalid',
  'json_not_rete',
  'json_person_invalid',
  'json_profile_invalid',
  'json_item_dropped',
  'json_relationship_dropped',
  'json_learning_dropped',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

export const IMPORT_PROBLEM_SEVERITIES = ['skipped', 'warning', 'file'] as const;
export type ImportProblemSeverity = (typeof IMPORT_PROBLEM_SEVERITIES)[number];

/** What an import does with a contact of the file. */
export const IMPORT_ACTIONS = ['create', 'merge', 'unchanged'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

/** How a contact of the file was found in the network. */
export const IMPORT_MATCH_KEYS = ['email', 'phone', 'link', 'name-company', 'id'] as const;
export type ImportMatchKey = (typeof IMPORT_MATCH_KEYS)[number];

/** The phases of an import, as its progress reports them. */
export const IMPORT_PHASES = ['parse', 'match', 'write'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

export const EXPORT_FORMATS = ['vcard', 'vcard3', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// --- Introductions and their emails ------------------------------------------------------

/** The statuses of an introduction, in the order a person follows them. */
export const INTRO_STATUSES = ['draft', 'asked', 'accepted_one', 'connected', 'declined', 'expired', 'cancelled'] as const;
export type IntroStatus = (typeof INTRO_STATUSES)[number];

export const INTRO_ORDERS = ['a_first', 'both'] as const;
export type IntroOrder = (typeof INTRO_ORDERS)[number];

export const SIDE_STATUSES = ['me', 'waiting', 'asked', 'accepted', 'declined', 'objected', 'expired'] as const;
export type SideStatus = (typeof SIDE_STATUSES)[number];

export const INTRO_EVENT_TYPES = [
  'created',
  'edited',
  'sent',
  'asked',
  'reminded',
  'accepted',
  'declined',
  'objected',
  'expired',
  'connected',
  'cancelled',
] as const;
export type IntroEventType = (typeof INTRO_EVENT_TYPES)[number];

/** What happened to the emails an introduction waits on. */
export const INTRO_DELIVERIES = ['sending', 'retrying', 'failed', 'outbox', 'sent'] as const;
export type IntroDelivery = (typeof INTRO_DELIVERIES)[number];

/** The emails Rete sends; `signup_attempt` goes to an account's owner: someone tried to sign up with their address. */
export const MAIL_KINDS = [
  'intro_request',
  'intro_reminder',
  'intro_connect',
  'intro_ask',
  'intro_ask_reminder',
  'signup_attempt',
  'digest',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const MAIL_STATUSES = ['queued', 'sent', 'failed', 'cancelled'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** How an email went out: over SMTP, or only to the outbox. */
export const MAIL_DELIVERIES = ['smtp', 'outbox'] as const;
export type MailDelivery = (typeof MAIL_DELIVERIES)[number];

/** Why the last attempt to deliver an email failed. */
export const MAIL_ERROR_REASONS = ['address', 'connection', 'tls', 'auth', 'rejected', 'temporary', 'outbox', 'other'] as const;
export type MailErrorReason = (typeof MAIL_ERROR_REASONS)[number];

/** The answers of the public answer page: to an introduction, then to an ask to make one. */
export const ANSWER_ACTIONS = ['accept', 'decline', 'object', 'yes', 'no', 'gone'] as const;
export type AnswerAction = (typeof ANSWER_ACTIONS)[number];

/** The statuses of an ask to a contact to make an introduction. */
export const ASK_STATUSES = ['asked', 'yes', 'no', 'lost_touch', 'objected', 'expired', 'cancelled'] as const;
export type AskStatus = (typeof ASK_STATUSES)[number];

// --- Ledger ------------------------------------------------------------------------------

export const GIVE_KINDS = ['introduction', 'referral', 'advice', 'resource', 'recommendation', 'time', 'other'] as const;
export type GiveKind = (typeof GIVE_KINDS)[number];

export const OUTCOME_KINDS = ['thanked', 'meeting', 'business', 'need_satisfied', 'other'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const RECEIVED_KINDS = ['business', 'introduction'] as const;
export type ReceivedKind = (typeof RECEIVED_KINDS)[number];

// --- Matching and learning ---------------------------------------------------------------

/** A shared concept of the catalogue, a shared word, or where the helper is. */
export const MATCH_REASON_KINDS = ['concept', 'term', 'place'] as const;
export type MatchReasonKind = (typeof MATCH_REASON_KINDS)[number];

/** Where the helper's words come from: an offer they typed, or their role. */
export const MATCH_REASON_SOURCES = ['offer', 'role'] as const;
export type MatchReasonSource = (typeof MATCH_REASON_SOURCES)[number];

export const FEEDBACK_VERDICTS = ['good', 'not_relevant'] as const;
export type FeedbackVerdict = (typeof FEEDBACK_VERDICTS)[number];

/** What a suggestion answered: a need or an offer of the network, or a need typed in "I need…". */
export const FEEDBACK_ITEM_KINDS = ['need', 'offer', 'ask'] as const;
export type FeedbackItemKind = (typeof FEEDBACK_ITEM_KINDS)[number];

// --- The giving routine (Today, keep-in-touch, follow-ups, digest) -------------------------

/** A follow-up: a next step with a date, or a scheduled one-to-one. */
export const FOLLOW_UP_KINDS = ['follow_up', 'one_to_one'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** What the user said of an item of Today: done, not relevant, or snoozed until a date. */
export const TODAY_STATES = ['done', 'dismissed', 'snoozed'] as const;
export type TodayState = (typeof TODAY_STATES)[number];

/** The kinds of item on Today, in the order of its sections. */
export const TODAY_ITEM_KINDS = [
  'give',
  'intro_draft',
  'intro_waiting',
  'intro_outcome',
  'follow_up',
  'keep_in_touch',
  'going_cold',
  'birthday',
] as const;
export type TodayItemKind = (typeof TODAY_ITEM_KINDS)[number];

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];
