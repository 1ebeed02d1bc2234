import type { Kysely } from 'kysely';

// Frozen once shipped: never edit a migration that has shipped; add a new file instead.

/**
 * What the Value Finder learns from its user (issue 11, "learn from the user"), per account and
 * never shared:
 *
 * - `match_feedback`: a suggestion marked "good match" or "not relevant". The suggestion is a pair:
 *   what was asked (a need or an offer of the network, or a need typed in "I need…") and the
 *   person suggested. A pair marked not relevant is never suggested again; both verdicts shift the
 *   ranking of similar asks, told apart by the catalogue concepts of the ask (`concepts`, JSON).
 *   For a need or an offer `item_key` is its id; for a typed ask, its folded words (and `ask_text`
 *   the words as typed). No foreign key to needs or offers: the verdict outlives the item it was
 *   given on (its concepts still say what kind of ask it was). The person suggested goes with the
 *   person (cascade), so erasing someone erases what was said about them.
 * - `taught_words`: a phrase of the user ("quelli del gestionale") and what it means to them:
 *   concepts of the catalogue (`concepts`, JSON ids) and/or free words the engine understands.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('match_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('item_kind', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('ask_text', 'text')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('concepts', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('match_feedback_pair')
    .on('match_feedback')
    .columns(['owner_id', 'item_kind', 'item_key', 'person_id'])
    .unique()
    .execute();
  await db.schema.createIndex('match_feedback_person').on('match_feedback').column('person_id').execute();

  await db.schema
    .createTable('taught_words')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('phrase', 'text', (c) => c.notNull())
    .addColumn('phrase_key', 'text', (c) => c.notNull())
    .addColumn('words', 'text', (c) => c.notNull())
    .addColumn('concepts', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('taught_words_phrase').on('taught_words').columns(['owner_id', 'phrase_key']).unique().execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}
