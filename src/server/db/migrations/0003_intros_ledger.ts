import type { Kysely } from 'kysely';

// Frozen once shipped: never edit a migration that has shipped; add a new file instead.

/**
 * Introductions with double opt-in (issue 5), the jobs that send their emails, the outbox of
 * those emails, and the give ledger: gives, their recipients and outcomes, and business received.
 *
 * Foreign keys to `people` are `set null` or `cascade` so that erasing a person (privacy) works
 * without knowing these tables: an intro keeps its history with an empty side, a give loses that
 * recipient, the emails addressed to that person alone go.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('intros')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ask_order', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('connected_at', 'text')
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('intros_owner_created').on('intros').columns(['owner_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('intros_owner_status').on('intros').columns(['owner_id', 'status']).execute();

  await db.schema
    .createTable('intro_sides')
    .addColumn('intro_id', 'text', (c) => c.notNull().references('intros.id').onDelete('cascade'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('is_self', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text')
    .addColumn('message_edited', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('asked_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('expires_at', 'text')
    .addPrimaryKeyConstraint('intro_sides_pk', ['intro_id', 'side'])
    .execute();
  // GDPR art. 21: the person objected through the link of an introduction email; no further
  // introduction email may reach them ("do not contact").
  await db.schema
    .createTable('person_objections')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('objected_at', 'text', (c) => c.notNull())
    .addColumn('intro_id', 'text', (c) => c.references('intros.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('person_objections_owner').on('person_objections').columns(['owner_id', 'person_id']).execute();

  await db.schema.createIndex('intro_sides_person').on('intro_sides').columns(['owner_id', 'person_id']).execute();
  await db.schema.createIndex('intro_sides_person_fk').on('intro_sides').column('person_id').execute();
  await db.schema.createIndex('intro_sides_status').on('intro_sides').columns(['status', 'expires_at']).execute();

  await db.schema
    .createTable('intro_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('intro_id', 'text', (c) => c.notNull().references('intros.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    /** Order within the intro (events of one transaction share their time). */
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('side', 'text')
    /** JSON: for answers, the token id and the version of the text the person saw (consent record). */
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('intro_events_intro').on('intro_events').columns(['intro_id', 'seq']).unique().execute();

  await db.schema
    .createTable('intro_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('intro_id', 'text', (c) => c.notNull().references('intros.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('side', 'text', (c) => c.notNull())
    /** SHA-256 (hex) of the 256-bit secret of the link: a database dump yields no usable link. */
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('intro_tokens_intro').on('intro_tokens').columns(['intro_id', 'side']).execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    /** pending → done | failed | cancelled. */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('done_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_at']).execute();
  await db.schema.createIndex('jobs_owner_fk').on('jobs').column('owner_id').execute();

  await db.schema
    .createTable('mail_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('intro_id', 'text', (c) => c.references('intros.id').onDelete('cascade'))
    .addColumn('side', 'text')
    /** The one person a request or reminder goes to; erasing them removes it. */
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    /** The second person of an introduction email (to both): erasing either removes it. */
    .addColumn('other_person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('job_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('from_addr', 'text', (c) => c.notNull())
    .addColumn('reply_to', 'text')
    .addColumn('to_addrs', 'text', (c) => c.notNull())
    .addColumn('cc_addrs', 'text', (c) => c.notNull())
    /** Lower-cased address of the first recipient: per-recipient rate limits. */
    .addColumn('recipient_key', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text')
    .addColumn('html_body', 'text')
    .addColumn('message_id', 'text')
    .addColumn('delivery', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('mail_messages_owner').on('mail_messages').columns(['owner_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('mail_messages_intro').on('mail_messages').column('intro_id').execute();
  await db.schema.createIndex('mail_messages_person_fk').on('mail_messages').column('person_id').execute();
  await db.schema.createIndex('mail_messages_other_person_fk').on('mail_messages').column('other_person_id').execute();
  await db.schema.createIndex('mail_messages_recipient').on('mail_messages').columns(['recipient_key', 'created_at']).execute();

  await db.schema
    .createTable('gives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('given_on', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('need_id', 'text', (c) => c.references('needs.id').onDelete('set null'))
    .addColumn('intro_id', 'text', (c) => c.references('intros.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gives_owner_date').on('gives').columns(['owner_id', 'given_on', 'id']).execute();
  await db.schema.createIndex('gives_need_fk').on('gives').column('need_id').execute();
  await db.schema.createIndex('gives_intro_fk').on('gives').column('intro_id').execute();

  await db.schema
    .createTable('give_recipients')
    .addColumn('give_id', 'text', (c) => c.notNull().references('gives.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('give_recipients_pk', ['give_id', 'person_id'])
    .execute();
  await db.schema.createIndex('give_recipients_person').on('give_recipients').columns(['owner_id', 'person_id']).execute();
  await db.schema.createIndex('give_recipients_person_fk').on('give_recipients').column('person_id').execute();

  await db.schema
    .createTable('outcomes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('give_id', 'text', (c) => c.notNull().references('gives.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    /** Hundredths of the currency unit. */
    .addColumn('value_cents', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outcomes_give').on('outcomes').column('give_id').execute();
  await db.schema.createIndex('outcomes_owner_date').on('outcomes').columns(['owner_id', 'occurred_on']).execute();

  await db.schema
    .createTable('received_business')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('referred_by_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('value_cents', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('received_business_owner_date')
    .on('received_business')
    .columns(['owner_id', 'received_on', 'id'])
    .execute();
  await db.schema.createIndex('received_business_referrer_fk').on('received_business').column('referred_by_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}
