import type { Insertable, Selectable } from 'kysely';

/**
 * The database as Kysely sees it. Portable types only: text UUIDs made in code,
 * ISO-8601 text timestamps, integers 0/1 for booleans, JSON as text.
 */
export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  locale: 'it' | 'en';
  is_admin: number;
  /** Bumped in the same transaction as every change to the user's network; see network/changes. */
  network_version: number;
  created_at: string;
  updated_at: string;
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
  language: 'it' | 'en' | null;
  notes: string | null;
  how_met: string | null;
  introduced_by_id: string | null;
  created_at: string;
  updated_at: string;
}

export type ChannelKind = 'email' | 'phone' | 'link';

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

export type InteractionKind = 'meeting' | 'call' | 'message' | 'note';

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
}

export type ItemStatus = 'open' | 'satisfied';

export interface NeedsOffersTable {
  id: string;
  owner_id: string;
  person_id: string;
  text: string;
  language: 'it' | 'en' | null;
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

export interface KyselyMigrationTable {
  name: string;
  timestamp: string;
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
  kysely_migration: KyselyMigrationTable;
}

export type ItemTable = 'needs' | 'offers';
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Person = Selectable<PeopleTable>;
export type Item = Selectable<NeedsOffersTable>;
