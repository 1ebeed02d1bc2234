import type { Kysely } from 'kysely';

// Frozen once shipped: never edit a migration that has shipped; add a new file instead.

/**
 * Asking a contact to make an introduction (issue 11, "act on the second question"): the user
 * knows Enrico, Enrico knows Stefano, who can help with a need of the user or of one of their
 * contacts. Enrico gets one email and answers with one click on a public page (yes / no / no
 * longer in touch), through a link like the introduction links: a 256-bit secret stored as its
 * SHA-256, single use, expiring.
 *
 * - `intro_asks`: one ask. Its three people cascade: erasing any of them removes the ask (its text
 *   names all three), its links and its emails; the introduction it led to and the help recorded
 *   in the ledger stay.
 * - `intro_ask_tokens`: the answer links of an ask.
 * - `mail_messages.ask_id`: the ask an email belongs to (the ask and its reminder).
 * - `relationships.lapsed_at`: the intermediary said they are no longer in touch with that person;
 *   the pair is no longer a path of the Value Finder (the row stays, with its note and strength).
 * - `received_business.kind` / `.ask_id`: what others gave me is business, or an introduction
 *   someone agreed to make for me (recorded by Rete when the intermediary says yes).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('intro_asks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    /** The contact asked to make the introduction. */
    .addColumn('via_person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    /** The person who can help. */
    .addColumn('helper_person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    /** Whose need it is: the user's own profile, or one of their contacts. */
    .addColumn('for_person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('need_id', 'text', (c) => c.references('needs.id').onDelete('set null'))
    /** The need as it was asked (the need may change or close later). */
    .addColumn('need_text', 'text', (c) => c.notNull())
    /** Why the helper: their offer, or their role. */
    .addColumn('why', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    /** asked → yes | no | lost_touch | objected | expired | cancelled. */
    .addColumn('status', 'text', (c) => c.notNull())
    /** The introduction drafted when the intermediary said yes. */
    .addColumn('intro_id', 'text', (c) => c.references('intros.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    /** When the email reached the intermediary (or the outbox); the reminder and expiry count from it. */
    .addColumn('asked_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('intro_asks_owner_created').on('intro_asks').columns(['owner_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('intro_asks_via_fk').on('intro_asks').column('via_person_id').execute();
  await db.schema.createIndex('intro_asks_helper_fk').on('intro_asks').column('helper_person_id').execute();
  await db.schema.createIndex('intro_asks_for_fk').on('intro_asks').column('for_person_id').execute();
  await db.schema.createIndex('intro_asks_need_fk').on('intro_asks').column('need_id').execute();
  await db.schema.createIndex('intro_asks_intro_fk').on('intro_asks').column('intro_id').execute();

  await db.schema
    .createTable('intro_ask_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ask_id', 'text', (c) => c.notNull().references('intro_asks.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    /** SHA-256 (hex) of the 256-bit secret of the link. */
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('intro_ask_tokens_ask').on('intro_ask_tokens').column('ask_id').execute();

  await db.schema
    .alterTable('mail_messages')
    .addColumn('ask_id', 'text', (c) => c.references('intro_asks.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('mail_messages_ask').on('mail_messages').column('ask_id').execute();

  await db.schema.alterTable('relationships').addColumn('lapsed_at', 'text').execute();

  await db.schema
    .alterTable('received_business')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('business'))
    .execute();
  await db.schema
    .alterTable('received_business')
    .addColumn('ask_id', 'text', (c) => c.references('intro_asks.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('received_business_ask_fk').on('received_business').column('ask_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}
