import type { Kysely } from 'kysely';

// Frozen once shipped: never edit a migration that has shipped; add a new file instead.

/**
 * Privacy (issue 4): per contact, the legal basis and where the data came from; suppression
 * entries that stop an erased person from coming back through an import. A suppression holds no
 * personal data in clear: only keyed hashes (HMAC-SHA-256 with a random key per account, kept in
 * `users.suppression_key`) of the normalised email addresses, phone numbers and LinkedIn URL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // SQLite adds one column per ALTER TABLE.
  await db.schema.alterTable('people').addColumn('legal_basis', 'text').execute();
  await db.schema.alterTable('people').addColumn('legal_basis_note', 'text').execute();
  await db.schema.alterTable('people').addColumn('source', 'text').execute();
  await db.schema.alterTable('people').addColumn('source_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('suppression_key', 'text').execute();

  await db.schema
    .createTable('suppressions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text')
    /** JSON array of the kinds hashed: "email", "phone", "link", "name". */
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('suppressions_owner').on('suppressions').columns(['owner_id', 'created_at']).execute();

  await db.schema
    .createTable('suppression_hashes')
    .addColumn('suppression_id', 'text', (c) => c.notNull().references('suppressions.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('suppression_hashes_pk', ['suppression_id', 'kind', 'hash'])
    .execute();
  await db.schema.createIndex('suppression_hashes_owner').on('suppression_hashes').columns(['owner_id', 'hash']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}
