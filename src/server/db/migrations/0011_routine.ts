import { sql, type Kysely } from 'kysely';

// Frozen once shipped: never edit a migration that has shipped; add a new file instead.

/**
 * The giving routine (issue 13): what Today, the weekly digest and the calendar feed are computed
 * from. Nothing here stores an item of Today: those are computed from the network each time; what
 * is stored is what only the user can say (cadences, follow-ups, what they dismissed, their
 * settings) and what must not happen twice (a digest sent for a week).
 *
 * - `people.birthday`: `YYYY-MM-DD`, or `--MM-DD` when the year is unknown (vCard `BDAY`, Google).
 * - `routine_settings`: one row per user, made on first save; no row means the defaults.
 * - `cadences`: keep in touch every N days, with one person or with everyone of a tag. `target` is
 *   `person:<id>` or `tag:<folded tag>`, unique per owner; the person's row goes with the person.
 * - `follow_ups`: a next step with a date (`due_on`, optional `due_time` in the user's zone), about
 *   a person, a timeline entry, an introduction or a give; `kind` tells a scheduled one-to-one.
 * - `today_states`: an item of Today marked done, not relevant or snoozed (until `until_on`). The
 *   item key names what it is about and its occasion (a birthday's year, a cadence's due date), so
 *   the next occasion is a new item.
 * - `calendar_tokens`: the private calendar feed's secret, only its SHA-256 (one per user).
 * - `digest_sends`: one row per user and week, written before the email is queued: the unique key
 *   makes a second digest for the same week impossible, across restarts and processes. Each
 *   digest's unsubscribe link carries a secret of its own, stored hashed here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').addColumn('birthday', 'text').execute();

  await db.schema
    .createTable('routine_settings')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('time_zone', 'text')
    .addColumn('week_start', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('digest_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('digest_weekday', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('digest_hour', 'integer', (c) => c.notNull().defaultTo(8))
    .addColumn('giving_goal', 'integer')
    .addColumn('today_seen_at', 'text')
    .addColumn('today_prev_seen_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cadences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('tag', 'text')
    .addColumn('every_days', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cadences_target').on('cadences').columns(['owner_id', 'target']).unique().execute();
  await db.schema.createIndex('cadences_person').on('cadences').column('person_id').execute();

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('due_time', 'text')
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('interaction_id', 'text', (c) => c.references('interactions.id').onDelete('cascade'))
    .addColumn('intro_id', 'text', (c) => c.references('intros.id').onDelete('cascade'))
    .addColumn('give_id', 'text', (c) => c.references('gives.id').onDelete('cascade'))
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('follow_ups_due').on('follow_ups').columns(['owner_id', 'done_at', 'due_on']).execute();
  await db.schema.createIndex('follow_ups_person').on('follow_ups').column('person_id').execute();
  await db.schema.createIndex('follow_ups_interaction').on('follow_ups').column('interaction_id').execute();
  await db.schema.createIndex('follow_ups_intro').on('follow_ups').column('intro_id').execute();
  await db.schema.createIndex('follow_ups_give').on('follow_ups').column('give_id').execute();

  await db.schema
    .createTable('today_states')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('until_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('today_states_pk', ['owner_id', 'item_key'])
    .execute();

  await db.schema
    .createTable('calendar_tokens')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('digest_sends')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('week_start', 'text', (c) => c.notNull())
    .addColumn('unsubscribe_hash', 'text', (c) => c.notNull().unique())
    .addColumn('mail_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('digest_sends_week', ['owner_id', 'week_start'])
    .execute();

  // Today's reads: the most recently changed needs, and everyone with a tag (tag cadences).
  await db.schema.createIndex('needs_owner_updated').on('needs').columns(['owner_id', 'updated_at', 'id']).execute();
  // Birthdays by month and day (`MM-DD`, the last five characters of both forms).
  await db.schema
    .createIndex('people_birthday_day')
    .on('people')
    .columns(['owner_id'])
    .expression(sql`substr(birthday, length(birthday) - 4)`)
    .execute();
  await db.schema.createIndex('person_tags_tag').on('person_tags').columns(['owner_id', 'tag']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}
